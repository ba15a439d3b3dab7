package org.protectioncases.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.db.DatabaseOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does one backup run: takes the cluster-wide advisory lock (so one node at a time, whichever
 * asked), dumps into a {@code .part} file readable by its owner only, renames it when complete,
 * deletes all but the newest {@code keep} backups, and writes the outcome to the audit trail.
 * Callers check permissions; this is not for views.
 */
@Component
class BackupRunner {

    /** {@code pg_try_advisory_lock} key: "PCBACKUP" in ASCII. */
    static final long LOCK = 0x5043_4241_434B_5550L;
    static final Pattern NAME = Pattern.compile("protection-cases-\\d{8}-\\d{6}-\\d{3}\\.zip(\\.enc)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);

    private final BackupProperties properties;
    private final DatabaseOwner owner;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BackupRunner(BackupProperties properties, DatabaseOwner owner,
                 AuditService audit, PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.owner = owner;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    BackupResult run() {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Path dir = properties.directory().toAbsolutePath().normalize();
        String name = "protection-cases-" + STAMP.format(started) + ".zip" + (properties.encrypted() ? ".enc" : "");
        Path part = dir.resolve(name + ".part");
        try (Connection c = connection()) {
            if (!tryLock(c)) {
                log.info("Backup skipped: another backup is running (this node or another)");
                return new BackupResult(BackupOutcome.SKIPPED, clock.instant(), null, 0, 0, properties.encrypted(), Duration.ZERO);
            }
            try {
                Files.createDirectories(dir);
                Map<String, Long> rows;
                try (OutputStream file = new BufferedOutputStream(create(part), 1 << 16);
                     OutputStream out = properties.encrypted() ? BackupCipher.encrypt(file, properties.passphrase()) : file) {
                    rows = DatabaseDump.write(c, out, started);
                }
                Path done = Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                long bytes = Files.size(done);
                long total = rows.values().stream().mapToLong(Long::longValue).sum();
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                List<String> deleted = keepNewest(dir, properties.keep());
                // The English details stay parseable: the status reads the size from them.
                transactions.executeWithoutResult(s -> audit.recordMessage("BACKUP_CREATED", "backup", name, new AuditMessage(
                        properties.encrypted() ? "history.backup.createdEncrypted" : "history.backup.created",
                        List.of(AuditMessage.text(name), String.valueOf(bytes), String.valueOf(total), String.valueOf(took.toMillis()),
                                String.valueOf(deleted.size())),
                        "bytes=" + bytes + "; rows=" + total + "; ms=" + took.toMillis() + "; encrypted=" + properties.encrypted()
                                + (deleted.isEmpty() ? "" : "; deleted=" + deleted.size()))));
                log.info("Backup {} written: {} tables, {} rows, {} bytes, {} ms; {} older backups deleted", done, rows.size(), total,
                        bytes, took.toMillis(), deleted.size());
                return new BackupResult(BackupOutcome.CREATED, clock.instant(), name, bytes, total, properties.encrypted(), took);
            } finally {
                unlock(c);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            log.error("Backup into {} failed", dir, e);
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // reported below; a stray .part file is never taken for a backup
            }
            failed(e);
            return new BackupResult(BackupOutcome.FAILED, clock.instant(), null, 0, 0, properties.encrypted(),
                    Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private void failed(Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        try {
            String shown = reason.length() > 500 ? reason.substring(0, 500) : reason;
            transactions.executeWithoutResult(s -> audit.recordMessage("BACKUP_FAILED", "backup", null,
                    new AuditMessage("history.backup.failed", List.of(AuditMessage.text(shown)), shown)));
        } catch (RuntimeException auditFailed) {
            // The database itself may be what failed: the log has it.
            log.error("Could not record the failed backup in the audit trail", auditFailed);
        }
    }

    /**
     * The tables' owner (no statement timeout, not bound by any row-level policy): the pool's login role
     * would copy no row of a table with row-level security.
     */
    private Connection connection() throws SQLException {
        return owner.connect();
    }

    static boolean tryLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_unlock(" + LOCK + ")");
        }
    }

    private static OutputStream create(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        return Files.newOutputStream(file);
    }

    /** Deletes all but the newest {@code keep} backup files (names sort by time); returns the names deleted. */
    static List<String> keepNewest(Path dir, int keep) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(dir)) {
            backups = files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
        }
        List<Path> old = backups.stream().skip(keep).toList();
        for (Path f : old) {
            Files.delete(f);
        }
        return old.stream().map(f -> f.getFileName().toString()).toList();
    }

    @Nullable
    Path directory() {
        return properties.directory().toAbsolutePath().normalize();
    }
}
