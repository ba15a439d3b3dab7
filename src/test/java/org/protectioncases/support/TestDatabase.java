package org.protectioncases.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.protectioncases.shared.db.EmbeddedPostgresServer;
import org.protectioncases.shared.db.LoginRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL 17 every test JVM uses: a Testcontainers {@code postgres:17} when a Docker
 * engine answers, otherwise the same embedded PostgreSQL the app runs on. Force either with
 * {@code -Dtest.database=testcontainers} or {@code -Dtest.database=embedded}. Started once per
 * JVM and shared by all cached Spring contexts; tests therefore use unique names for what they create.
 *
 * <p>Like the app, the tests' contexts log in as {@link LoginRole#NAME} ({@code spring.datasource.*})
 * and migrate as the tables' owner ({@code spring.liquibase.user}/{@code password}, see {@link #OWNER_USER}).
 */
public final class TestDatabase {

    /** Keys of the owner's user and password in {@link #connection()}. */
    public static final String OWNER_USER = "spring.liquibase.user";
    public static final String OWNER_PASSWORD = "spring.liquibase.password";
    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Map<String, String> connection;
    private static String kind;

    private TestDatabase() {
    }

    public static synchronized Map<String, String> connection() {
        if (connection == null) {
            String mode = System.getProperty("test.database", "auto").toLowerCase(Locale.ROOT);
            boolean docker = !mode.equals("embedded") && dockerAvailable();
            if (mode.equals("testcontainers") && !docker) {
                throw new IllegalStateException("-Dtest.database=testcontainers, but no Docker engine answers");
            }
            connection = docker ? startContainer() : startEmbedded();
            log.info("Tests run on {} PostgreSQL: {}", kind, connection.get("spring.datasource.url"));
        }
        return connection;
    }

    /** "testcontainers" or "embedded": which database this JVM's tests ran on. */
    public static String kind() {
        connection();
        return kind;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the JVM
    private static Map<String, String> startContainer() {
        PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17");
        pg.start();
        kind = "testcontainers";
        String loginPassword = java.util.UUID.randomUUID().toString();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword())) {
            LoginRole.ensure(c, loginPassword);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the login role", e);
        }
        return Map.of("spring.datasource.url", pg.getJdbcUrl(),
                "spring.datasource.username", LoginRole.NAME,
                "spring.datasource.password", loginPassword,
                OWNER_USER, pg.getUsername(),
                OWNER_PASSWORD, pg.getPassword());
    }

    private static Map<String, String> startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("pc-test-postgres");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, "protection_cases_test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
            kind = "embedded";
            return Map.of("spring.datasource.url", server.jdbcUrl(),
                    "spring.datasource.username", server.loginUsername(),
                    "spring.datasource.password", server.loginPassword(),
                    OWNER_USER, server.username(),
                    OWNER_PASSWORD, server.password());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL for tests", e);
        }
    }

    /**
     * Creates (once) another database on the same server and returns its JDBC URL, for a test that
     * must not see what other tests wrote.
     */
    public static synchronized String createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        Map<String, String> main = connection();
        String url = main.get("spring.datasource.url");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, main.get(OWNER_USER),
                main.get(OWNER_PASSWORD));
             java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + name);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + name);
    }
}
