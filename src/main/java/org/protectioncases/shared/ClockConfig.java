package org.protectioncases.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" for services and views: inject {@link Clock} and call
 * {@code LocalDate.now(clock)} / {@code Instant.now(clock)} rather than the no-argument {@code now()},
 * so date rules (overdue, deadlines, retention, "today") are testable with a fixed clock instead of
 * waiting for midnight. Tests replace it with a {@code @Primary} fixed or offset clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** The server's zone: the office's local day decides what "today" and "overdue" mean. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
