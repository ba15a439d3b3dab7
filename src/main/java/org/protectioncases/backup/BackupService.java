package org.protectioncases.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Backups for the administrator: run one now, and see how the last one went. The outcome of every
 * run (scheduled or on demand, on any node) is read back from the audit trail, so every node shows
 * the same status.
 */
@Service
public class BackupService {

    /** A backup older than this is shown as a warning. */
    public static final Duration STALE_AFTER = Duration.ofDays(2);
    private static final List<String> RUNS = List.of("BACKUP_CREATED", "BACKUP_FAILED");
    private static final Pattern BYTES = Pattern.compile("bytes=(\\d+)");

    private final BackupRunner runner;
    private final BackupSchedule schedule;
    private final BackupProperties properties;
    private final AuditService audit;
    private final Clock clock;

    BackupService(BackupRunner runner, BackupSchedule schedule, BackupProperties properties, AuditService audit,
                  ObjectProvider<Clock> clock) {
        this.runner = runner;
        this.schedule = schedule;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Backs up the database now, in the caller's thread, and returns how it went. Refused (skipped)
     * while another backup is running on any node.
     */
    @Allowed(Permission.RUN_BACKUPS)
    public BackupResult backUpNow() {
        return runner.run();
    }

    /** The last run, the last backup written, and whether that is too old. */
    @Allowed(Permission.RUN_BACKUPS)
    public BackupStatus status() {
        List<AuditEventDto> runs = audit.latest("backup", RUNS, 1);
        Optional<AuditEventDto> last = runs.stream().findFirst();
        Optional<AuditEventDto> success = last.filter(e -> e.action().equals("BACKUP_CREATED")).or(() ->
                audit.latest("backup", List.of("BACKUP_CREATED"), 1).stream().findFirst());
        Instant now = clock.instant();
        boolean stale = success.map(e -> e.at().isBefore(now.minus(STALE_AFTER))).orElse(true);
        return new BackupStatus(last.map(AuditEventDto::at).orElse(null), last.map(BackupService::outcome).orElse(null),
                last.map(e -> bytes(e.details())).orElse(null), success.map(AuditEventDto::at).orElse(null), stale,
                schedule.enabled(), properties.cron(), properties.encrypted());
    }

    private static BackupOutcome outcome(AuditEventDto e) {
        return e.action().equals("BACKUP_CREATED") ? BackupOutcome.CREATED : BackupOutcome.FAILED;
    }

    private static @Nullable Long bytes(@Nullable String details) {
        Matcher m = details == null ? null : BYTES.matcher(details);
        return m != null && m.find() ? Long.parseLong(m.group(1)) : null;
    }
}
