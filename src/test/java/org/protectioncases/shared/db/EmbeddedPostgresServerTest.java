package org.protectioncases.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's default database keeps its data across restarts (a partner saved today is there tomorrow). */
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
}
