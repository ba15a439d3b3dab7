package org.protectioncases.dataprotection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The daily retention run ({@code app.retention.cron}, 03:15 by default; {@code app.retention.scheduled=false}
 * turns it off). Every node may fire; the advisory lock lets one run and the others skip.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {

    private final RetentionRunner runner;
    private final boolean enabled;

    RetentionSchedule(RetentionRunner runner, @Value("${app.retention.scheduled:true}") boolean enabled) {
        this.runner = runner;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${app.retention.cron:0 15 3 * * *}")
    void daily() {
        if (enabled) {
            runner.run();
        }
    }
}
