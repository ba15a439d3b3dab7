package org.protectioncases.backup;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backups ({@code app.backup.*}).
 *
 * @param scheduled whether the scheduled backup runs; unset: on with the embedded database, off with an external one
 * @param cron when it runs (Spring cron, seconds first; default 02:30 every night, server time)
 * @param directory where backup files are written ({@code APP_BACKUP_DIR}, default {@code data/backups})
 * @param keep how many backup files are kept; older ones are deleted after each successful backup
 * @param passphrase when set ({@code APP_BACKUP_PASSPHRASE}, at least 12 characters), backups are encrypted with it
 */
@ConfigurationProperties("app.backup")
public record BackupProperties(@Nullable Boolean scheduled, String cron, Path directory, int keep, @Nullable String passphrase) {

    public static final int PASSPHRASE_MIN = 12;
    public static final int PASSPHRASE_MAX = 1024;

    public BackupProperties {
        if (cron == null || cron.isBlank()) {
            cron = "0 30 2 * * *";
        }
        if (directory == null) {
            directory = Path.of("data", "backups");
        }
        if (keep <= 0) {
            keep = 7;
        }
        if (passphrase != null && passphrase.isBlank()) {
            passphrase = null;
        }
        if (passphrase != null && (passphrase.length() < PASSPHRASE_MIN || passphrase.length() > PASSPHRASE_MAX)) {
            throw new IllegalArgumentException("app.backup.passphrase (APP_BACKUP_PASSPHRASE) must have " + PASSPHRASE_MIN
                    + " to " + PASSPHRASE_MAX + " characters");
        }
    }

    public boolean encrypted() {
        return passphrase != null;
    }
}
