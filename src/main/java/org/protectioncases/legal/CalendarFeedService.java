package org.protectioncases.legal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's secret iCalendar feed address: made (or made anew, which ends the old one)
 * and revoked by the user. Only a hash of the secret is stored; the address is shown once.
 */
@Service
public class CalendarFeedService {

    /** The path the feed is served under; the secret and ".ics" follow. */
    public static final String PATH = "/calendar/feed/";
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final CurrentUser currentUser;
    private final AuditService audit;

    CalendarFeedService(CalendarFeedRepository feeds, CurrentUser currentUser, AuditService audit) {
        this.feeds = feeds;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the user has a feed address now. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public boolean hasFeed() {
        return feeds.exists(currentUser.username());
    }

    /** A new secret feed path (e.g. {@code /calendar/feed/<secret>.ics}); any earlier one stops working. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public String regenerate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        feeds.replace(currentUser.username(), hash(secret));
        audit.record("CALENDAR_FEED_CREATED", "user", currentUser.require().id(), null);
        return PATH + secret + ".ics";
    }

    /** Ends the user's feed address. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public void revoke() {
        if (feeds.delete(currentUser.username())) {
            audit.record("CALENDAR_FEED_REVOKED", "user", currentUser.require().id(), null);
        }
    }

    /** The account a feed secret belongs to (asked before anyone is signed in: see CalendarFeedController). */
    Optional<String> ownerOf(String secret) {
        if (!FORMAT.matcher(secret).matches()) {
            return Optional.empty();
        }
        return feeds.useOwnerOf(hash(secret));
    }
}
