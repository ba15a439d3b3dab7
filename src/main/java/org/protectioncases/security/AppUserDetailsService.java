package org.protectioncases.security;

import java.time.Clock;
import java.time.Instant;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads accounts for Spring Security's DaoAuthenticationProvider (which checks lock and enabled flags). */
@Component
class AppUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final SecondFactorEnrolmentRepository enrolments;
    private final TransactionTemplate readOnly;

    private final Clock clock;

    AppUserDetailsService(UserAccountRepository users, SecondFactorEnrolmentRepository enrolments,
                          PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.users = users;
        this.enrolments = enrolments;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public AppUser loadUserByUsername(String username) {
        // A name no account can have is answered before the transaction, so it costs no connection
        // (the login form has no field errors: it is just an unknown user).
        if (username.length() > TextRules.USERNAME || TextRules.firstControlCharacter(username, false) >= 0) {
            throw new UsernameNotFoundException("Unknown user");
        }
        return readOnly.execute(status -> {
            UserAccount a = users.findByUsername(username.strip())
                    .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
            String partnerCode = a.getPartnerId() == null ? null : users.partnerCode(a.getPartnerId()).orElse(null);
            return new AppUser(a.getId(), a.getUsername(), a.getFullName(), a.getRole(), a.getPartnerId(), partnerCode,
                    a.getPreferredLanguage(), a.isEnabled(), a.isLocked(Instant.now(clock)), a.getPasswordHash(),
                    enrolments.findById(a.getId()).map(SecondFactorEnrolment::confirmed).orElse(false)
                            || users.hasPasskey(a.getUsername()));
        });
    }
}
