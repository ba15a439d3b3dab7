package org.protectioncases.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every open session of a user whose access changed (disabled, new role or partner), so a
 * disabled user cannot keep working in an open tab. Runs after the change is committed.
 */
@Component
class SessionTerminator implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(SessionTerminator.class);
    private final SessionRegistry registry;
    private final Map<String, HttpSession> open = new ConcurrentHashMap<>();

    SessionTerminator(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        open.put(se.getSession().getId(), se.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        open.remove(se.getSession().getId());
    }

    /** Session ids change at login; keep the map keyed by the current id. */
    void sessionIdChanged(String oldId, HttpSession session) {
        open.remove(oldId);
        open.put(session.getId(), session);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAccessChanged(UserAccessChangedEvent event) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            AppUser user = AppUser.of(principal);
            if (user != null && user.getUsername().equalsIgnoreCase(event.username())) {
                for (SessionInformation info : registry.getAllSessions(principal, false)) {
                    info.expireNow();
                    HttpSession session = open.remove(info.getSessionId());
                    if (session != null) {
                        try {
                            session.invalidate();
                        } catch (IllegalStateException alreadyInvalid) {
                            // ended meanwhile: nothing left to do
                        }
                    }
                    ended++;
                }
            }
        }
        log.info("Ended {} open session(s) of '{}' after an access change", ended, event.username());
    }
}
