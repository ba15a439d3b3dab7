package org.protectioncases.backup;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One backup run.
 *
 * @param file the backup file's name (in the backup directory), when one was written
 * @param bytes its size
 * @param rows rows written, all tables together
 */
public record BackupResult(BackupOutcome outcome, Instant at, @Nullable String file, long bytes, long rows, boolean encrypted,
                           Duration took) {
}
