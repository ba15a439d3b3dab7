package org.protectioncases.shared.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Who owns the tables. Embedded: the server's superuser (the pool logs in as {@link LoginRole}).
 * External: {@code spring.liquibase.user}/{@code password} (SPRING_LIQUIBASE_USER/PASSWORD), the pool
 * {@code spring.datasource.username}/{@code password}; with only the latter given, the pool's user is
 * the owner too (and the app then runs unscoped SQL as the owner: warned at start).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOwnerConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOwnerConfig.class);

    @Bean
    DatabaseOwner databaseOwner(ObjectProvider<EmbeddedPostgresServer> embedded, Environment env) {
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server != null) {
            return new DatabaseOwner(server.jdbcUrl(), server.username(), server.password(), true);
        }
        String url = env.getProperty("spring.liquibase.url", env.getRequiredProperty("spring.datasource.url"));
        String login = env.getProperty("spring.datasource.username", "");
        String owner = env.getProperty("spring.liquibase.user", "");
        if (owner.isBlank()) {
            log.warn("No separate owner of the tables is configured (SPRING_LIQUIBASE_USER): the app logs in as {}, who runs"
                    + " the migrations and owns the tables, so SQL outside a transaction is not bound by row-level security."
                    + " See README, 'Configure'.", login);
            return new DatabaseOwner(url, login, env.getProperty("spring.datasource.password", ""), false);
        }
        return new DatabaseOwner(url, owner, env.getProperty("spring.liquibase.password", ""), !owner.equals(login));
    }
}
