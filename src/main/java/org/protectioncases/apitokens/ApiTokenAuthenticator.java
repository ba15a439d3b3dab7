package org.protectioncases.apitokens;

import java.util.Optional;
import org.protectioncases.security.AppUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns a bearer token into its owner as the login would build them: the security module's own
 * {@link UserDetailsService} loads the account on every request, so a changed role or partner
 * applies at once and a disabled account stops working. A temporary lock after failed password
 * logins does not block the token (it is not a password, and the lock must not be a way to cut
 * off a reporting client).
 */
@Component
class ApiTokenAuthenticator {

    private final ApiTokenRepository tokens;
    private final UserDetailsService accounts;

    ApiTokenAuthenticator(ApiTokenRepository tokens, UserDetailsService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** A usable token's owner, and the token's id (its requests in progress are capped per token). */
    record Authenticated(AppUser user, long tokenId) {
    }

    Optional<Authenticated> authenticate(String token) {
        if (!TokenSecrets.FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        return tokens.usable(TokenSecrets.hash(token)).flatMap(usable -> {
            UserDetails details;
            try {
                details = accounts.loadUserByUsername(usable.username());
            } catch (UsernameNotFoundException e) {
                return Optional.empty();
            }
            if (!(details instanceof AppUser user) || !user.isEnabled()) {
                return Optional.empty();
            }
            user.eraseCredentials();
            tokens.touch(usable.id());
            return Optional.of(new Authenticated(user, usable.id()));
        });
    }
}
