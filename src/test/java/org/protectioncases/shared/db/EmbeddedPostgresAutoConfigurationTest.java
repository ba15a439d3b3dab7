package org.protectioncases.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The app's own DataSource on the embedded server: it signs in with the password from the data directory, nobody else gets in. */
class EmbeddedPostgresAutoConfigurationTest {

    @Test
    void theAppConnectsWithThePasswordFromTheDataDirectory(@TempDir Path dir) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
                .withPropertyValues("app.embedded-db.data-directory=" + dir.resolve("postgres"), "app.embedded-db.database=app_test")
                .run(context -> {
                    EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
                    try (Connection c = context.getBean(DataSource.class).getConnection()) {
                        assertThat(c.getMetaData().getURL()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/app_test");
                    }
                    assertThat(Files.readString(dir.resolve("postgres").resolve(EmbeddedPostgresServer.PASSWORD_FILE)).strip())
                            .isEqualTo(server.password());
                    assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close())
                            .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
                });
    }
}
