package org.protectioncases.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a passkey with Spring Security's relying-party operations (WebAuthn4J) and makes it our
 * sign-in: the local account ({@link AppUser}) as principal, its role, and the factor
 * {@code FACTOR_WEBAUTHN}. Spring's own provider would make the passkey's user entity the
 * principal, which no part of the app (scope, sessions, row-level security) knows.
 *
 * <p>On a sign-in that has passed its first step (password or single sign-on), the passkey is its
 * second factor and is added to it; a passkey of another account is refused. From the login page
 * the passkey signs in on its own: it is something the user has, unlocked on the device by
 * something the user is or knows. Locked and disabled accounts are refused as for passwords.
 */
@Component
class PasskeySignIn {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final AppUserDetailsService users;
    private final UserAccountRepository accounts;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final SecurityContextHolderStrategy contexts;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    Clock clock = Clock.systemUTC();

    PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, AppUserDetailsService users, UserAccountRepository accounts,
                  AuditService audit, PlatformTransactionManager transactions, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.relyingParty = relyingParty;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * The filter's provider. Not an {@code AuthenticationProvider} bean: Spring Security would make a
     * lone provider bean the global one, in place of the password login's.
     */
    AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return PasskeySignIn.this.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
            }
        };
    }

    Authentication authenticate(Authentication authentication) {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
        Authentication current = contexts.getContext().getAuthentication();
        @Nullable String signedIn = current != null && trust.isAuthenticated(current) ? current.getName() : null;
        PublicKeyCredentialUserEntity owner;
        try {
            owner = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            record(signedIn == null ? "anonymous" : signedIn, "PASSKEY_FAILED", e.getClass().getSimpleName());
            throw new BadCredentialsException("Passkey not accepted", e);
        }
        AppUser user = users.loadUserByUsername(owner.getName());
        accountStatus.check(user);
        FactorGrantedAuthority factor = FactorGrantedAuthority.withAuthority(SecondFactors.WEBAUTHN_AUTHORITY)
                .issuedAt(clock.instant()).build();
        if (current != null && signedIn != null) {
            if (!signedIn.equalsIgnoreCase(user.getUsername())) {
                record(signedIn, "PASSKEY_FAILED", "passkey of another account");
                throw new BadCredentialsException("Passkey of another account");
            }
            passed(user.getUsername(), "SECOND_FACTOR_PASSED", "passkey");
            return current.toBuilder().authorities(all -> {
                all.removeIf(a -> SecondFactors.WEBAUTHN_AUTHORITY.equals(a.getAuthority()));
                all.add(factor);
            }).build();
        }
        passed(user.getUsername(), "LOGIN_SUCCESS", "passkey");
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(factor);
        user.eraseCredentials();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** A passed passkey clears the failed-attempt count, as a passed code does; one transaction with its audit entry. */
    private void passed(String username, String event, String detail) {
        tx.executeWithoutResult(s -> {
            accounts.findByUsername(username).ifPresent(UserAccount::unlock);
            audit.recordSecurityEvent(username, event, detail);
        });
    }

    private void record(String username, String event, String detail) {
        tx.executeWithoutResult(s -> audit.recordSecurityEvent(username, event, detail));
    }

}
