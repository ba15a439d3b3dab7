package org.protectioncases.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky binaries) with a persistent data directory. Used by the app
 * when no external database is configured, and by the tests when no Docker engine is available.
 *
 * <p>Locked like a server that holds personal data: it listens on 127.0.0.1 only, has no Unix
 * socket, and every connection needs the superuser's password (SCRAM-SHA-256). The password is
 * random, made at the first start and kept in {@value #PASSWORD_FILE} in the data directory,
 * readable by its owner only; the app, the tests and the benchmark tools all read it from there.
 * A data directory made by an older version (trust for everyone, no password) is upgraded on its
 * next start; each step can be repeated, so an upgrade cut off half-way finishes on the next start.
 *
 * <p>The superuser owns the tables and runs the migrations and backups; the app's pool logs in as
 * {@link LoginRole#NAME}, whose random password is kept in {@value #LOGIN_PASSWORD_FILE} and set
 * by the superuser at every start (so a directory made before the login role existed gets it too).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser's password, in the data directory (POSIX permissions 0600). */
    public static final String PASSWORD_FILE = "protection-cases.password";
    /** The password of the app's login role ({@link LoginRole}), next to it (0600). */
    public static final String LOGIN_PASSWORD_FILE = "protection-cases.login-password";
    static final String USER = "postgres";
    /** Written on every start: anything else found there (an old {@code trust}, a hand edit) is replaced. */
    static final String PG_HBA = """
            # Written by Protection Cases at every start of its embedded PostgreSQL: every connection needs
            # the password (SCRAM-SHA-256); the server listens on 127.0.0.1 only and has no Unix socket.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String database;
    private final String password;
    private final String loginPassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String database, String password,
                                   String loginPassword) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.password = password;
        this.loginPassword = loginPassword;
    }

    /**
     * Starts the server on {@code dataDirectory}, keeping existing data, and creates {@code database}
     * if it does not exist yet.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String database) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        // A crashed previous run may leave a pid file behind; PostgreSQL refuses to start over it.
        Path pidFile = dir.resolve("postmaster.pid");
        if (Files.exists(pidFile) && !processAlive(pidFile)) {
            Files.delete(pidFile);
        }
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        // initdb wants an empty directory, so a new cluster's password waits next to it until initdb is done.
        Path pending = dir.resolveSibling("." + dir.getFileName() + "." + PASSWORD_FILE);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        if (!fresh && !Files.exists(passwordFile) && Files.exists(pending)) {
            Files.move(pending, passwordFile, StandardCopyOption.ATOMIC_MOVE); // a first start cut off after initdb
        }
        Path secret = fresh ? pending : passwordFile;
        if (!Files.exists(secret)) {
            writeOwnerOnly(secret, newPassword());
        }
        keepOwnerOnly(secret);
        String password = Files.readString(secret).strip();

        boolean locked = !fresh && Files.exists(dir.resolve("pg_hba.conf"))
                && Files.readString(dir.resolve("pg_hba.conf")).equals(PG_HBA);
        EmbeddedPostgres pg = startPostgres(dir, port, password, fresh);
        String loginPassword;
        try {
            if (!fresh && !locked) {
                // An old directory (trust, no password) or a changed pg_hba.conf: the server still lets us in
                // as before, so set the password, lock pg_hba.conf, and restart so no connection is trusted any more.
                pg = upgrade(pg, dir, port, password);
            }
            createDatabase(pg.getPort(), password, database);
            loginPassword = loginRole(pg.getPort(), password, dir.resolve(LOGIN_PASSWORD_FILE));
        } catch (IOException | SQLException | RuntimeException e) {
            pg.close();
            throw e instanceof IOException io ? io : new IOException("Could not prepare database " + database + " in " + dir
                    + " (its password is in " + passwordFile + ")", e);
        }
        return new EmbeddedPostgresServer(pg, dir, database, password, loginPassword);
    }

    /** Makes (first start, or a directory of an older version) or reads the login role's password and sets it. */
    private static String loginRole(int port, String password, Path file) throws IOException, SQLException {
        if (!Files.exists(file)) {
            writeOwnerOnly(file, newPassword());
        }
        keepOwnerOnly(file);
        String loginPassword = Files.readString(file).strip();
        try (Connection c = connect(port, "postgres", password)) {
            LoginRole.ensure(c, loginPassword);
        }
        return loginPassword;
    }

    private static EmbeddedPostgres startPostgres(Path dir, int port, String password, boolean fresh) throws IOException {
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        Path pending = dir.resolveSibling("." + dir.getFileName() + "." + PASSWORD_FILE);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("encoding", "UTF8")
                // zonky's own readiness check connects as postgres: with the password, like everyone.
                .setConnectConfig("password", password);
        if (fresh) {
            // zonky runs initdb with "-A trust" and appends these "locale" options, which win: the cluster is
            // born with the password and SCRAM, so it never trusts anyone, not even for a moment.
            builder.setLocaleConfig("pwfile", pending.toString())
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setDataDirectoryCustomizer(initialised -> {
                        try {
                            Files.move(pending, passwordFile, StandardCopyOption.ATOMIC_MOVE);
                            writeOwnerOnly(dir.resolve("pg_hba.conf"), PG_HBA);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static EmbeddedPostgres upgrade(EmbeddedPostgres pg, Path dir, int port, String password) throws IOException, SQLException {
        try (Connection c = connect(pg.getPort(), "postgres", password)) {
            // Hashed by the driver: the plain password never reaches the server or its log.
            c.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
        }
        writeOwnerOnly(dir.resolve("pg_hba.conf"), PG_HBA);
        int used = pg.getPort();
        pg.close();
        log.warn("The embedded PostgreSQL in {} trusted every local connection; it now needs the password in {}",
                dir, dir.resolve(PASSWORD_FILE));
        return startPostgres(dir, port > 0 ? port : used, password, false);
    }

    private static void createDatabase(int port, String password, String database) throws SQLException {
        try (Connection c = connect(port, "postgres", password); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'");
            if (!rs.next()) {
                s.execute("create database \"" + database.replace("\"", "") + "\"");
            }
        }
    }

    private static Connection connect(int port, String db, String password) throws SQLException {
        return DriverManager.getConnection(url(port, db), USER, password);
    }

    private static String url(int port, String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    private static String newPassword() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Writes {@code content} so that the file is never readable by others, not even while being written. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void keepOwnerOnly(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; it is now readable by its owner only", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static boolean processAlive(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return url(port(), database);
    }

    /** The superuser: owns the tables, runs migrations and backups. Never the app's pool. */
    public String username() {
        return USER;
    }

    /** The superuser's password, as kept in {@link #passwordFile()}. */
    public String password() {
        return password;
    }

    /** The role the app's connection pool logs in as. */
    public String loginUsername() {
        return LoginRole.NAME;
    }

    /** Its password, as kept in {@value #LOGIN_PASSWORD_FILE}. */
    public String loginPassword() {
        return loginPassword;
    }

    /** Where the password is kept, for an administrator who wants to connect with {@code psql -h 127.0.0.1}. */
    public Path passwordFile() {
        return dataDirectory.resolve(PASSWORD_FILE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
