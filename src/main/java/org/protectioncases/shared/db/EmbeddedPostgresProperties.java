package org.protectioncases.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; survives restarts ({@code APP_EMBEDDED_DB_DATA_DIRECTORY})
 * @param port TCP port on localhost; 0 picks a free one
 * @param database database created inside the cluster for the application
 */
@ConfigurationProperties("app.embedded-db")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, String database) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
        if (database == null || database.isBlank()) {
            database = "protection_cases";
        }
    }
}
