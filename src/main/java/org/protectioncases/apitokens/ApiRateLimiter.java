package org.protectioncases.apitokens;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * In-memory limits of the reporting API: a Bucket4j bucket of failed authentications per client
 * address (so tokens cannot be guessed at speed), and a cap on the report requests a token has in
 * progress at once (so one client cannot occupy the database). Both answer how long to wait.
 */
@Component
class ApiRateLimiter {

    private final ApiLimits limits;
    private final Map<String, Bucket> failures;
    private final Map<Long, Semaphore> inProgress = new ConcurrentHashMap<>();

    ApiRateLimiter(ApiLimits limits) {
        this.limits = limits;
        // Bounded, least recently used first out: many addresses cannot exhaust memory.
        this.failures = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limits.trackedClients();
            }
        });
    }

    /** Seconds this client must wait before it may authenticate again, if it used up its failures. */
    OptionalLong blockedFor(String client) {
        Bucket bucket = failures.get(client);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Counts one failed authentication of this client. */
    void failed(String client) {
        failures.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.failedAuthentications())
                        .refillGreedy(limits.failedAuthentications(), limits.failedAuthenticationPeriod()))
                .build()).tryConsume(1);
    }

    /**
     * Takes one of the token's request slots; {@code false} when all are in use. A slot taken must
     * be given back with {@link #release(long)}.
     */
    boolean tryAcquire(long tokenId) {
        return inProgress.computeIfAbsent(tokenId, id -> new Semaphore(limits.concurrentRequestsPerToken())).tryAcquire();
    }

    void release(long tokenId) {
        Semaphore slots = inProgress.get(tokenId);
        if (slots != null) {
            slots.release();
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
