package org.protectioncases.security;

import java.time.Instant;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for Spring Security's DaoAuthenticationProvider (which checks lock and enabled flags). */
@Component
class AppUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AppUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public AppUser loadUserByUsername(String username) {
        // A name no account can have is answered without a query (the login form has no field errors).
        if (username.length() > TextRules.USERNAME || TextRules.firstControlCharacter(username, false) >= 0) {
            throw new UsernameNotFoundException("Unknown user");
        }
        UserAccount a = users.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        String partnerCode = a.getPartnerId() == null ? null : users.partnerCode(a.getPartnerId()).orElse(null);
        return new AppUser(a.getId(), a.getUsername(), a.getFullName(), a.getRole(), a.getPartnerId(), partnerCode,
                a.getPreferredLanguage(), a.isEnabled(), a.isLocked(Instant.now()), a.getPasswordHash());
    }
}
