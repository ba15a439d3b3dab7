package org.protectioncases.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request (or of a {@link SystemAccess} block). */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy contexts;

    /** Uses the context's strategy bean (Vaadin's), as method security does, not the JVM-global holder. */
    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<AppUser> get() {
        Authentication auth = contexts.getContext().getAuthentication();
        return auth == null ? Optional.empty() : Optional.ofNullable(AppUser.of(auth.getPrincipal()));
    }

    public AppUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The authenticated name, or "anonymous". */
    public String username() {
        Authentication auth = contexts.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }
}
