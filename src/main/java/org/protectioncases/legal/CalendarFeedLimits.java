package org.protectioncases.legal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the iCalendar feed ({@code app.calendar-feed.limits.*}). Calendar applications poll a
 * feed every 15 minutes to a day, so the defaults leave room for several devices of one lawyer.
 *
 * @param perFeed        requests one feed address (known or not) may get per {@code feedPeriod}
 * @param feedPeriod     the period {@code perFeed} refills over
 * @param perClient      requests one client address (after the forwarded-headers handling) may make
 *                       to any feed address per {@code clientPeriod}: guessing addresses is slowed too
 * @param clientPeriod   the period {@code perClient} refills over
 */
@ConfigurationProperties("app.calendar-feed.limits")
record CalendarFeedLimits(
        @DefaultValue("30") int perFeed,
        @DefaultValue("1h") Duration feedPeriod,
        @DefaultValue("60") int perClient,
        @DefaultValue("10m") Duration clientPeriod) {
}
