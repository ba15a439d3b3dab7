package org.protectioncases.security;

import java.util.function.Supplier;
import org.protectioncases.shared.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (first admin, demo data) through the same secured services the UI uses,
 * as a named system principal with one role. Never reachable from a request.
 */
public final class SystemAccess {

    private SystemAccess() {
    }

    /** Runs {@code work} as the system user with the given role (and partner, for partner roles). */
    public static <T> T runAs(Role role, @org.jspecify.annotations.Nullable Long partnerId, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        AppUser system = new AppUser(0, "system", "System", role, partnerId, null, "en", true, false, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static <T> T runAsAdmin(Supplier<T> work) {
        return runAs(Role.ADMIN, null, work);
    }
}
