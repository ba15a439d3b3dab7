package org.protectioncases.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's default database keeps its data across restarts (a partner saved today is there
 * tomorrow), and no other program on the machine gets in without the password.
 */
class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dir, 0, "restart_test")) {
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password())) {
                c.createStatement().execute("create table kept (name text)");
                c.createStatement().execute("insert into kept values ('CRPK')");
                ResultSet version = c.createStatement().executeQuery("show server_version");
                version.next();
                assertThat(version.getString(1)).startsWith("17.");
            }
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dir, 0, "restart_test");
             Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password())) {
            ResultSet rs = c.createStatement().executeQuery("select name from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("CRPK");
            assertThat(second.dataDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void onlyTheRightPasswordGetsInOverLoopbackAndNothingElseListens(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, "locked_test")) {
            assertRefusesWithoutThePassword(server);

            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
                assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
                // No Unix socket at all, so no socket-level rule can let anyone in.
                assertThat(show(c, "unix_socket_directories")).isEmpty();
                assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
                ResultSet rs = c.createStatement().executeQuery("select rolpassword from pg_authid where rolname = 'postgres'");
                rs.next();
                assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$");
                rs = c.createStatement().executeQuery("select distinct auth_method from pg_hba_file_rules");
                java.util.List<String> methods = new java.util.ArrayList<>();
                while (rs.next()) {
                    methods.add(rs.getString(1));
                }
                assertThat(methods).containsExactly("scram-sha-256");
            }
            assertThat(Path.of("/tmp", ".s.PGSQL." + server.port())).doesNotExist();
            Optional<InetAddress> lan = nonLoopbackAddress();
            if (lan.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(lan.get(), server.port()), 2000))
                            .isInstanceOf(ConnectException.class);
                }
            }
            assertOwnerOnlyPasswordFile(server);
        }
        // Nothing of the password was left next to the data directory.
        try (var siblings = Files.list(parent)) {
            assertThat(siblings).containsExactly(dir);
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsLockedOnItsNextStart(@TempDir Path dir) throws Exception {
        // As the previous version made it: zonky's defaults, trust for every local connection, no password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8").start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (name text)");
            c.createStatement().execute("insert into kept values ('from before')");
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");
        assertThat(dir.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).doesNotExist();

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(dir, 0, "upgrade_test")) {
            assertRefusesWithoutThePassword(upgraded);
            assertOwnerOnlyPasswordFile(upgraded);
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).isEqualTo(EmbeddedPostgresServer.PG_HBA);
            assertStillThere(upgraded);
            assertLoginRole(upgraded);
        }
        // And the next start is an ordinary one.
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, 0, "upgrade_test")) {
            assertRefusesWithoutThePassword(again);
            assertStillThere(again);
        }
    }

    @Test
    void anUpgradeCutOffHalfWayIsFinishedOnTheNextStart(@TempDir Path dir) throws Exception {
        // Cut off after the password file was written and the password set, before pg_hba.conf was rewritten;
        // and the file was left readable by others.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8").start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create table kept (name text)");
            c.createStatement().execute("insert into kept values ('from before')");
            c.createStatement().execute("alter role postgres password 'half-way-there-password'");
        }
        Path file = dir.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
        Files.writeString(file, "half-way-there-password\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, "half_way_test")) {
            assertThat(server.password()).isEqualTo("half-way-there-password");
            assertRefusesWithoutThePassword(server);
            assertOwnerOnlyPasswordFile(server);
            assertStillThere(server);
        }
    }

    @Test
    void aDataDirectoryFromBeforeTheLoginRoleGetsItWithItsOwnPasswordOnItsNextStart(@TempDir Path dir) throws Exception {
        // As the version before the login role left it: locked, the owner's password only, no pc_login. A hand-made
        // pc_login with too many rights is put right too.
        try (EmbeddedPostgresServer before = EmbeddedPostgresServer.start(dir, 0, "login_test");
             Connection c = DriverManager.getConnection(before.jdbcUrl(), before.username(), before.password())) {
            c.createStatement().execute("create table kept (name text)");
            c.createStatement().execute("insert into kept values ('from before')");
            c.createStatement().execute("drop role " + LoginRole.NAME);
            c.createStatement().execute("create role " + LoginRole.NAME + " superuser createrole bypassrls nologin");
        }
        Files.delete(dir.resolve(EmbeddedPostgresServer.LOGIN_PASSWORD_FILE));

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(dir, 0, "login_test")) {
            assertLoginRole(upgraded);
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), LoginRole.NAME, upgraded.password()).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        // The next start keeps the same password.
        String password = Files.readString(dir.resolve(EmbeddedPostgresServer.LOGIN_PASSWORD_FILE)).strip();
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, 0, "login_test")) {
            assertThat(again.loginPassword()).isEqualTo(password);
            assertLoginRole(again);
        }
    }

    /** The login role exists, signs in with the password in its 0600 file, and has no right beyond logging in. */
    private static void assertLoginRole(EmbeddedPostgresServer server) throws Exception {
        Path file = server.dataDirectory().resolve(EmbeddedPostgresServer.LOGIN_PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).isEqualTo(server.loginPassword()).hasSizeGreaterThanOrEqualTo(20)
                .isNotEqualTo(server.password());
        assertThat(server.loginUsername()).isEqualTo(LoginRole.NAME);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.loginUsername(), server.loginPassword())) {
            ResultSet rs = c.createStatement().executeQuery("select current_user, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls,"
                    + " rolreplication, rolcanlogin from pg_roles where rolname = current_user");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(LoginRole.NAME);
            for (int i = 2; i <= 6; i++) {
                assertThat(rs.getBoolean(i)).as(rs.getMetaData().getColumnName(i)).isFalse();
            }
            assertThat(rs.getBoolean(7)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), LoginRole.NAME, "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    private static void assertRefusesWithoutThePassword(EmbeddedPostgresServer server) throws SQLException {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), noPassword).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("no password was provided");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password() + "x").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        // The maintenance database, another role: the same.
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
                "nobody", "").close()).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static void assertOwnerOnlyPasswordFile(EmbeddedPostgresServer server) throws Exception {
        assertThat(server.passwordFile()).isEqualTo(server.dataDirectory().resolve(EmbeddedPostgresServer.PASSWORD_FILE));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(server.passwordFile()).strip()).isEqualTo(server.password());
        assertThat(server.password()).hasSizeGreaterThanOrEqualTo(20);
    }

    private static void assertStillThere(EmbeddedPostgresServer server) throws SQLException {
        String postgresDb = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
        try (Connection c = DriverManager.getConnection(postgresDb, server.username(), server.password())) {
            ResultSet rs = c.createStatement().executeQuery("select name from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("from before");
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        ResultSet rs = c.createStatement().executeQuery("show " + setting);
        rs.next();
        return rs.getString(1);
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
