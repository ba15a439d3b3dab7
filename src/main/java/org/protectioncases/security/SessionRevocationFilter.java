package org.protectioncases.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before Spring Security: a session whose user's access changed on any node since it signed in
 * (see {@link SessionRevocations}) is invalidated, so the request goes on as if the session had
 * ended — exactly what {@link SessionTerminator} does on the node where the change was made.
 */
class SessionRevocationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocationFilter.class);
    private final SessionRevocations revocations;

    SessionRevocationFilter(SessionRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                        && context.getAuthentication() != null
                        && AppUser.of(context.getAuthentication().getPrincipal()) instanceof AppUser user
                        && revocations.revoked(user.getUsername(), session)) {
                    session.invalidate();
                    log.info("Ended a session of '{}': their access changed (possibly on another node)", user.getUsername());
                }
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
        }
        chain.doFilter(request, response);
    }
}
