package org.protectioncases.legal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the iCalendar feed, with Bucket4j as the reporting API's limiter uses: one bucket
 * per feed address (so a leaked address cannot be polled at speed until it is revoked) and one per
 * client address (so addresses cannot be guessed at speed either). Kept in this node's memory, not
 * in PostgreSQL like the API's failed-authentication buckets: a feed request is one cheap read, and
 * on several nodes the limits add up per node, which still bounds polling. Feed addresses are kept
 * as hashes only, never as the secret itself.
 */
@Component
class CalendarFeedLimiter {

    /** Above this many buckets of a kind, full (idle) ones are dropped; a flood of new keys cannot fill the memory. */
    static final int MAX_BUCKETS = 10_000;

    private final CalendarFeedLimits limits;
    private final Map<String, Bucket> feeds = new ConcurrentHashMap<>();
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

    CalendarFeedLimiter(CalendarFeedLimits limits) {
        this.limits = limits;
    }

    /** Takes one request of the client and of the feed address; the seconds to wait if either is used up. */
    OptionalLong tryRequest(String client, String secret) {
        OptionalLong wait = take(clients, client, limits.perClient(), limits.clientPeriod());
        if (wait.isPresent()) {
            return wait;
        }
        return take(feeds, hash(secret), limits.perFeed(), limits.feedPeriod());
    }

    private static OptionalLong take(Map<String, Bucket> buckets, String key, int capacity, Duration period) {
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(key)) {
            forgetFull(buckets, capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Buckets that are full again are forgotten: such a key starts afresh with a full bucket anyway. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetRefilled() {
        forgetFull(feeds, limits.perFeed());
        forgetFull(clients, limits.perClient());
    }

    private static void forgetFull(Map<String, Bucket> buckets, int capacity) {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= capacity);
        if (buckets.size() >= MAX_BUCKETS) {
            // Every bucket is in use: a flood of distinct keys. Starting afresh is the lesser harm.
            buckets.clear();
        }
    }

    int bucketCount() {
        return feeds.size() + clients.size();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
