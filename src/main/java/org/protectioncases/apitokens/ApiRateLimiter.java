package org.protectioncases.apitokens;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits of the reporting API. Failed authentications per client address are counted in a Bucket4j
 * bucket kept in PostgreSQL ({@code api_failed_auth_bucket}), so tokens cannot be guessed at speed
 * even by spreading the guesses over several app nodes. Report requests a token has in progress are
 * capped per node (so one client cannot occupy this node's connections). Both answer how long to wait.
 */
@Component
class ApiRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(ApiRateLimiter.class);
    private final ApiLimits limits;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> failures;
    private final Supplier<BucketConfiguration> failureLimit;
    private final Map<Long, Semaphore> inProgress = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    ApiRateLimiter(ApiLimits limits, DataSource dataSource) {
        this.limits = limits;
        this.jdbc = new JdbcTemplate(dataSource);
        this.failures = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("api_failed_auth_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // A row may go once its bucket is full again (and a little later, for clock differences).
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(limits.failedAuthentications())
                        .refillGreedy(limits.failedAuthentications(), limits.failedAuthenticationPeriod()))
                .build();
        this.failureLimit = () -> configuration;
    }

    /** Seconds this client must wait before it may authenticate again, if it used up its failures. */
    OptionalLong blockedFor(String client) {
        try {
            // A plain read first: Bucket4j's own lookup locks (and inserts) a row, which good clients need not cost.
            if (!Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from api_failed_auth_bucket where id = ? and state is not null)", Boolean.class, client))) {
                return OptionalLong.empty();
            }
            EstimationProbe probe = failures.getProxy(client, failureLimit).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            // The database cannot be reached: the request will fail on it anyway (503), so do not refuse here.
            log.warn("API failed-authentication limit not checked: {}", e.toString());
            return OptionalLong.empty();
        }
    }

    /** Counts one failed authentication of this client. */
    void failed(String client) {
        try {
            failures.getProxy(client, failureLimit).tryConsume(1);
        } catch (RuntimeException e) {
            log.warn("API failed authentication of {} not counted: {}", client, e.toString());
        }
    }

    /** Rows of buckets that are full again: forgotten, so the table holds only recent offenders. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void forgetRefilledBuckets() {
        try {
            int removed;
            do {
                removed = failures.removeExpired(1_000);
            } while (removed == 1_000);
            jdbc.update("delete from api_failed_auth_bucket where state is null"); // left by an interrupted first write
        } catch (RuntimeException e) {
            log.debug("Expired API limit rows not removed now: {}", e.toString());
        }
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
