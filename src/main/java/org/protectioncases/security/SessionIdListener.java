package org.protectioncases.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import org.springframework.stereotype.Component;

/** Tells {@link SessionTerminator} when login changes the session id (session fixation protection). */
@Component
class SessionIdListener implements HttpSessionIdListener {

    private final SessionTerminator terminator;

    SessionIdListener(SessionTerminator terminator) {
        this.terminator = terminator;
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        terminator.sessionIdChanged(oldSessionId, event.getSession());
    }
}
