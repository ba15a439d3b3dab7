package org.protectioncases.security;

import java.time.Clock;
import java.time.Duration;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.validation.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins and locks an account for 15 minutes after 5 in a row. Every failure and
 * lock goes to the audit trail; the login form shows the same message whatever the cause, so it
 * does not reveal whether an account exists or is locked.
 */
@Component
class LoginAttemptListener {

    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(LoginAttemptListener.class);

    private final UserAccountRepository users;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecondFactorPolicy secondFactor;

    LoginAttemptListener(UserAccountRepository users, AuditService audit, TransactionTemplate tx, SecondFactorPolicy secondFactor) {
        this.users = users;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.tx = tx;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof AppUser)) {
            // Single sign-on's token exchange (its identity is not an account yet): OidcSignIn audits the sign-in.
            return;
        }
        String username = event.getAuthentication().getName();
        // A password that still owes its second factor keeps the count: else each new password login
        // would buy four more guesses at the code. Passing the second factor clears it.
        boolean complete = !secondFactor.missing(event.getAuthentication());
        // One transaction, one connection: the counter and the audit entry together.
        tx.executeWithoutResult(s -> {
            users.findByUsername(username).ifPresent(a -> {
                if (complete && a.getFailedAttempts() > 0) {
                    a.unlock();
                }
            });
            audit.recordSecurityEvent(username, "LOGIN_SUCCESS", null);
        });
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getName());
        // What was typed is logged, but never more than a username column holds nor a forged log line.
        boolean possible = typed.length() <= TextRules.USERNAME && TextRules.firstControlCharacter(typed, false) < 0;
        String username = possible ? typed : printable(typed);
        String reason = event.getException().getClass().getSimpleName();
        log.info("Failed login for '{}': {}", username, reason);
        // One transaction, one connection: the counter and the audit entries together.
        tx.executeWithoutResult(s -> {
            if (possible && event instanceof AuthenticationFailureBadCredentialsEvent
                    && users.findByUsername(username).map(a -> a.registerFailure(clock.instant(), LOCK_DURATION)).orElse(false)) {
                log.warn("Account '{}' locked for {} after {} failed logins", username, LOCK_DURATION, UserAccount.MAX_FAILED_ATTEMPTS);
                audit.recordSecurityEvent(username, "ACCOUNT_LOCKED", "after " + UserAccount.MAX_FAILED_ATTEMPTS + " failed logins");
            }
            audit.recordSecurityEvent(username, "LOGIN_FAILED", reason);
        });
    }

    private static String printable(String typed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < typed.length() && out.length() < TextRules.USERNAME - 1; i++) {
            char c = typed.charAt(i);
            out.append(Character.getType(c) == Character.CONTROL ? '?' : c);
        }
        return typed.length() > out.length() ? out.append('…').toString() : out.toString();
    }
}
