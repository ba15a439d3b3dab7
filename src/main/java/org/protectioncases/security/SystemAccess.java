package org.protectioncases.security;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs start-up work (first admin, demo data) through the same secured services the UI uses,
 * as a named system principal with one role. Never reachable from a request. Uses the
 * application's security-context strategy (Vaadin's), the one method security reads.
 */
@Component
public class SystemAccess {

    private static final long SYSTEM_ID = 0;
    private static final String SYSTEM_NAME = "system";

    private final SecurityContextHolderStrategy contexts;
    private final AppUserDetailsService accounts;

    SystemAccess(ObjectProvider<SecurityContextHolderStrategy> contexts, AppUserDetailsService accounts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.accounts = accounts;
    }

    /** Runs {@code work} as an existing account (demo data recorded by the demo lawyers themselves). */
    public <T> T runAsAccount(String username, Supplier<T> work) {
        return runAs(accounts.loadUserByUsername(username), work);
    }

    /** Runs {@code work} as the system user with the given role (and partner, for partner roles). */
    public <T> T runAs(Role role, @Nullable Long partnerId, Supplier<T> work) {
        return runAs(new AppUser(SYSTEM_ID, SYSTEM_NAME, "System", role, partnerId, null, "en", true, false, null), work);
    }

    private <T> T runAs(AppUser system, Supplier<T> work) {
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }

    public <T> T runAsAdmin(Supplier<T> work) {
        return runAs(Role.ADMIN, null, work);
    }

    /**
     * Runs set-based start-up work (the 2019 demo load) that reads and writes every partner's rows.
     * The same principal as {@link #runAsAdmin}: for row-level security both are {@code SYSTEM}
     * (start-up work), while {@link #runAs} with a role is scoped like a user with that role.
     */
    public <T> T runAsSystem(Supplier<T> work) {
        return runAsAdmin(work);
    }

    /** The principal of {@link #runAsAdmin}/{@link #runAsSystem}: row-level security gives it the {@code SYSTEM} role. */
    static boolean isSystem(AppUser user) {
        return user.id() == SYSTEM_ID && SYSTEM_NAME.equals(user.getUsername()) && user.role() == Role.ADMIN;
    }
}
