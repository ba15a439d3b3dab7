package org.protectioncases.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.db.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rebuilds the embedded database from a backup into a data directory that does not exist yet or
 * is empty (never over a live one): starts a new cluster there, loads the backup, records the
 * restore in the audit trail and stops the cluster. If anything fails, the directory is removed
 * again, so a second try starts clean. Encrypted backups need the passphrase they were made with.
 */
public final class Restore {

    private static final Logger log = LoggerFactory.getLogger(Restore.class);

    /** What was restored: how many tables and rows, from how many bytes, in how long. */
    public record Result(Path dataDirectory, int tables, long rows, long bytes, boolean encrypted, Duration took) {
    }

    private Restore() {
    }

    public static Result run(Path backup, Path dataDirectory, String database, @Nullable String passphrase) throws IOException {
        long start = System.nanoTime();
        Path file = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new BackupFormatException("There is no backup file " + file + ".");
        }
        Path dir = dataDirectory.toAbsolutePath().normalize();
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new IllegalStateException("The data directory " + dir + " is not empty. A backup is restored only into an"
                    + " empty or new directory: stop the app and move the old directory aside first (or choose another with"
                    + " APP_DATA_DIR).");
        }
        boolean encrypted;
        try (InputStream head = Files.newInputStream(file)) {
            encrypted = BackupCipher.isEncrypted(head.readNBytes(BackupCipher.MAGIC.length));
        }
        if (encrypted && (passphrase == null || passphrase.isBlank())) {
            throw new IllegalStateException("The backup " + file.getFileName() + " is encrypted: give its passphrase in"
                    + " APP_BACKUP_PASSPHRASE (or --app.backup.passphrase=...).");
        }
        boolean created = !Files.exists(dir);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ZipInputStream zip = new ZipInputStream(encrypted ? BackupCipher.decrypt(raw, passphrase) : raw)) {
            // The manifest comes first, so a wrong passphrase or a foreign file is refused before a cluster is made.
            Manifest manifest = DatabaseLoad.manifest(zip);
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, database)) {
                DriverManagerDataSource ds = new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password());
                Map<String, Long> rows = DatabaseLoad.load(ds, manifest, zip);
                long total = rows.values().stream().mapToLong(Long::longValue).sum();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                audit(ds, file, manifest, total, took);
                log.info("Restored {} ({} tables, {} rows, backup of {}) into {} in {} ms", file.getFileName(), rows.size(), total,
                        manifest.createdAt(), dir, took.toMillis());
                return new Result(dir, rows.size(), total, Files.size(file), encrypted, took);
            }
        } catch (SQLException e) {
            cleanUp(dir, created);
            throw new IOException("The restore failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            cleanUp(dir, created);
            throw e;
        }
    }

    private static void audit(DriverManagerDataSource ds, Path file, Manifest manifest, long rows, Duration took) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement p = c.prepareStatement("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details)"
                     + " values (now(), ?, 'RESTORED', 'backup', ?, ?)")) {
            String actor = "restore:" + System.getProperty("user.name", "?");
            p.setString(1, actor.length() > 64 ? actor.substring(0, 64) : actor);
            p.setString(2, file.getFileName().toString());
            p.setString(3, "backup of " + manifest.createdAt() + "; rows=" + rows + "; ms=" + took.toMillis());
            p.executeUpdate();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void cleanUp(Path dir, boolean created) {
        try {
            if (Files.exists(dir)) {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                        Files.delete(f);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, @Nullable IOException e) throws IOException {
                        if (created || !d.equals(dir)) {
                            Files.delete(d);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        } catch (IOException e) {
            log.warn("Could not remove the half-restored {}: remove it by hand before trying again", dir, e);
        }
    }
}
