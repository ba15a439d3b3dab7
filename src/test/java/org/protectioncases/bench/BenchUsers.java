package org.protectioncases.bench;

import java.util.function.Supplier;
import org.protectioncases.security.AppUser;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Real security contexts for the benchmark: the account is loaded by the app's own
 * {@link UserDetailsService} and wrapped in the authenticated token a form login produces, then set
 * on the app's context strategy (Vaadin's), so {@code @PreAuthorize} and the partner scoping run as
 * for a signed-in user. Each call sets and clears the context on the calling thread, so threads
 * never share one.
 */
final class BenchUsers {

    private final SecurityContextHolderStrategy contexts;
    private final UserDetailsService accounts;

    BenchUsers(ApplicationContext app) {
        this.contexts = app.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.accounts = app.getBean(UserDetailsService.class);
    }

    Authentication login(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        if (!(user instanceof AppUser)) {
            throw new IllegalStateException("Not an app account: " + username);
        }
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.eraseCredentials();
        return token;
    }

    static AppUser user(Authentication auth) {
        return (AppUser) auth.getPrincipal();
    }

    <T> T as(Authentication auth, Supplier<T> work) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(auth);
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.clearContext();
        }
    }
}
