package org.protectioncases.backup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator's home page shows about backups.
 *
 * @param lastAt when the last backup run ended (any outcome), null if none ever ran
 * @param lastOutcome how it ended
 * @param lastBytes the size of the file it wrote (created only)
 * @param lastSuccessAt when the last backup file was written
 * @param stale no backup file written in the last {@link BackupService#STALE_AFTER}
 * @param scheduled whether this node runs the scheduled backup
 * @param encrypted whether new backups are encrypted
 */
public record BackupStatus(@Nullable Instant lastAt, @Nullable BackupOutcome lastOutcome, @Nullable Long lastBytes,
                           @Nullable Instant lastSuccessAt, boolean stale, boolean scheduled, String cron, boolean encrypted) {
}
