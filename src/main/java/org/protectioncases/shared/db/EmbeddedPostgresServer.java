package org.protectioncases.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 server (zonky binaries) with a persistent data directory. Used by the app
 * when no external database is configured, and by the tests when no Docker engine is available.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, String database) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.database = database;
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
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("encoding", "UTF8");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'");
            if (!rs.next()) {
                s.execute("create database \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            pg.close();
            throw new IOException("Could not prepare database " + database, e);
        }
        return new EmbeddedPostgresServer(pg, dir, database);
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
        return postgres.getJdbcUrl("postgres", database);
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
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
