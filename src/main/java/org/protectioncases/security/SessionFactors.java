package org.protectioncases.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Adds the passed second factor to the current sign-in, in the request's security context and in
 * the HTTP session (where the next request finds it), as Spring Security's own MFA filters merge a
 * further factor into the existing authentication. The session gets a new id at that moment, as at
 * the password step: an id seen or planted while the sign-in was half done is worth nothing after it.
 */
@Component
class SessionFactors {

    private final SecurityContextHolderStrategy contexts;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionFactors(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    void addSecondFactor(Clock clock) {
        Authentication current = contexts.getContext().getAuthentication();
        if (current == null) {
            throw new AccessDeniedException("Not signed in");
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(SecondFactors.withSecondFactor(current, clock));
        contexts.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request && request.getResponse() != null) {
            if (request.getRequest().getSession(false) != null) {
                // Session fixation: same session (Vaadin's UI state kept), new id; the session registry
                // and SessionTerminator follow the change through their id listeners.
                request.getRequest().changeSessionId();
            }
            repository.saveContext(context, request.getRequest(), request.getResponse());
        }
    }

    Authentication current() {
        Authentication current = contexts.getContext().getAuthentication();
        if (current == null) {
            throw new AccessDeniedException("Not signed in");
        }
        return current;
    }
}
