package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The feed limiter on its own: per feed, per client, and bounded memory under a flood of new keys. */
class CalendarFeedLimiterTest {

    @Test
    void perFeedAndPerClientLimitsAnswerHowLongToWait() {
        CalendarFeedLimiter limiter = new CalendarFeedLimiter(new CalendarFeedLimits(2, Duration.ofHours(1), 3, Duration.ofMinutes(1)));
        assertThat(limiter.tryRequest("10.0.0.1", "secret-a")).isEmpty();
        assertThat(limiter.tryRequest("10.0.0.2", "secret-a")).isEmpty();
        OptionalLong feedWait = limiter.tryRequest("10.0.0.3", "secret-a");
        assertThat(feedWait).isPresent();
        assertThat(feedWait.getAsLong()).isBetween(1_700L, 1_800L);
        // 10.0.0.3 has used one of its three (the refused one counts against its client bucket too).
        assertThat(limiter.tryRequest("10.0.0.3", "secret-b")).isEmpty();
        assertThat(limiter.tryRequest("10.0.0.3", "secret-c")).isEmpty();
        // Three a minute: one comes back every 20 seconds.
        OptionalLong clientWait = limiter.tryRequest("10.0.0.3", "secret-d");
        assertThat(clientWait).isPresent();
        assertThat(clientWait.getAsLong()).isBetween(1L, 20L);
    }

    @Test
    void aFloodOfNewAddressesDoesNotFillTheMemory() {
        CalendarFeedLimiter limiter = new CalendarFeedLimiter(new CalendarFeedLimits(5, Duration.ofHours(1), 5, Duration.ofMinutes(10)));
        for (int i = 0; i < 3 * CalendarFeedLimiter.MAX_BUCKETS; i++) {
            limiter.tryRequest("10.1." + (i / 250) + "." + (i % 250), "guess-" + i);
        }
        assertThat(limiter.bucketCount()).isLessThanOrEqualTo(2 * CalendarFeedLimiter.MAX_BUCKETS);
    }
}
