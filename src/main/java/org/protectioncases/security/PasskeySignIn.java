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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
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
 * something the user is or knows. Locked and disabled accounts are refused as for passwords, and a
 * refused passkey for a known account counts toward its lockout as a wrong code does.
 */
@Component
class PasskeySignIn {

    private static final Logger log = LoggerFactory.getLogger(PasskeySignIn.class);

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final AppUserDetailsService users;
    private final UserAccountRepository accounts;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final SecurityContextHolderStrategy contexts;
    private final UserCredentialRepository credentials;
    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final ApplicationEventPublisher events;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    Clock clock = Clock.systemUTC();

    PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, AppUserDetailsService users, UserAccountRepository accounts,
                  AuditService audit, PlatformTransactionManager transactions, ObjectProvider<SecurityContextHolderStrategy> contexts,
                  UserCredentialRepository credentials, PublicKeyCredentialUserEntityRepository userEntities,
                  ApplicationEventPublisher events) {
        this.credentials = credentials;
        this.userEntities = userEntities;
        this.events = events;
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
            // A wrong assertion counts toward the lockout of the account it was for, as a wrong code does: the
            // sign-in in progress, or else the owner of the passkey it names.
            @Nullable String account = signedIn != null ? signedIn : ownerOf(request);
            failed(account == null ? "anonymous" : account, account != null, e.getClass().getSimpleName());
            throw new BadCredentialsException("Passkey not accepted", e);
        }
        AppUser user = users.loadUserByUsername(owner.getName());
        accountStatus.check(user);
        FactorGrantedAuthority factor = FactorGrantedAuthority.withAuthority(SecondFactors.WEBAUTHN_AUTHORITY)
                .issuedAt(clock.instant()).build();
        if (current != null && signedIn != null) {
            if (!signedIn.equalsIgnoreCase(user.getUsername())) {
                failed(signedIn, true, "passkey of another account");
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

    /**
     * Audits a refused passkey; for a known account also counts it as a failed attempt (five lock the
     * account and end its sessions, as wrong passwords and codes do). A locked account is not counted
     * again: the lock would otherwise never run out while someone keeps trying.
     */
    private void failed(String username, boolean count, String detail) {
        tx.executeWithoutResult(s -> {
            audit.recordSecurityEvent(username, "PASSKEY_FAILED", detail);
            if (!count) {
                return;
            }
            accounts.findByUsername(username).filter(a -> !a.isLocked(clock.instant())).ifPresent(a -> {
                if (a.registerFailure(clock.instant(), LoginAttemptListener.LOCK_DURATION)) {
                    log.warn("Account '{}' locked for {} after {} failed passkeys, codes or logins", username,
                            LoginAttemptListener.LOCK_DURATION, UserAccount.MAX_FAILED_ATTEMPTS);
                    audit.recordSecurityEvent(username, "ACCOUNT_LOCKED", "after " + UserAccount.MAX_FAILED_ATTEMPTS + " failed attempts");
                    events.publishEvent(new UserAccessChangedEvent(username));
                }
            });
        });
    }

    /** The account whose passkey the assertion names, if it names a stored one. */
    private @Nullable String ownerOf(WebAuthnAuthenticationRequestToken request) {
        try {
            CredentialRecord credential = credentials.findByCredentialId(request.getWebAuthnRequest().getPublicKey().getRawId());
            PublicKeyCredentialUserEntity owner = credential == null ? null : userEntities.findById(credential.getUserEntityUserId());
            return owner == null ? null : owner.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

}
