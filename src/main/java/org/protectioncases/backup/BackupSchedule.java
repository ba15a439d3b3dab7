package org.protectioncases.backup;

import org.protectioncases.shared.db.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled backup ({@code app.backup.cron}, nightly by default). On by default with the
 * embedded database only: an external server is backed up by its own tools (README, "Operations").
 * Every node may fire; the advisory lock lets one of them run and the others skip.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BackupSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
    private final BackupRunner runner;
    private final boolean enabled;

    BackupSchedule(BackupRunner runner, BackupProperties properties, DatabaseMode mode) {
        this.runner = runner;
        this.enabled = properties.scheduled() != null ? properties.scheduled() : mode.embedded();
        log.info("Scheduled backups {} ({}, into {}, the last {} kept{})", enabled ? "on" : "off", properties.cron(),
                properties.directory().toAbsolutePath().normalize(), properties.keep(), properties.encrypted() ? ", encrypted" : "");
    }

    boolean enabled() {
        return enabled;
    }

    @Scheduled(cron = "${app.backup.cron:0 30 2 * * *}")
    void nightly() {
        if (enabled) {
            runner.run();
        }
    }
}
