package org.protectioncases.security;

import jakarta.servlet.http.HttpSession;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's sessions on every app node, not only the one where the change was made
 * ({@link SessionTerminator} can only reach the sessions in its own memory). An access change
 * writes {@code user_account.sessions_valid_after} in the same transaction; each node's
 * {@link SessionRevocationFilter} then drops any session signed in before it. A node asks the
 * database at most once per {@code app.security.session-check-interval} per user, so a revocation
 * reaches every node within that time at the cost of one indexed lookup per user per interval.
 */
@Component
class SessionRevocations {

    /** Session attribute: when this session signed in. */
    static final String SIGNED_IN_AT = SessionRevocations.class.getName() + ".signedInAt";
    private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    SessionRevocations(JdbcTemplate jdbc, @Value("${app.security.session-check-interval:5s}") Duration interval) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        this.interval = interval;
    }

    /** Part of the change's transaction: committed with it, or not at all. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onAccessChanged(UserAccessChangedEvent event) {
        jdbc.update("update user_account set sessions_valid_after = ? where lower(username) = lower(?)",
                Timestamp.from(clock.instant()), event.username());
        checked.remove(key(event.username()));
    }

    @EventListener
    void onSignIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(SIGNED_IN_AT, clock.instant());
            }
        }
    }

    /** True when {@code username}'s sessions signed in before an access change must end. */
    boolean revoked(String username, HttpSession session) {
        Instant validAfter = validAfter(username);
        if (validAfter == null) {
            return false;
        }
        Object signedIn = session.getAttribute(SIGNED_IN_AT);
        // A session from before this check existed: its creation time is no later than its sign-in.
        Instant signedInAt = signedIn instanceof Instant at ? at : Instant.ofEpochMilli(session.getCreationTime());
        return signedInAt.isBefore(validAfter);
    }

    private @Nullable Instant validAfter(String username) {
        long now = System.nanoTime();
        Checked last = checked.get(key(username));
        if (last != null && now - last.atNanos() < interval.toNanos()) {
            return last.validAfter();
        }
        try {
            Timestamp value = jdbc.query("select sessions_valid_after from user_account where lower(username) = lower(?)",
                    rs -> rs.next() ? rs.getTimestamp(1) : null, username);
            Instant validAfter = value == null ? null : value.toInstant();
            checked.put(key(username), new Checked(validAfter, now));
            return validAfter;
        } catch (DataAccessException e) {
            // The database is down: nothing can be read or changed anyway; check again on the next request.
            log.debug("Session revocation check skipped: {}", e.toString());
            return last == null ? null : last.validAfter();
        }
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private record Checked(@Nullable Instant validAfter, long atNanos) {
    }
}
