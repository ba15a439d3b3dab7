package org.protectioncases.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With no {@code spring.datasource.url}, the app starts its own PostgreSQL 17 so that a newcomer
 * needs nothing but a JDK. With a URL configured, this backs off and Boot connects as usual.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) throws IOException {
        long start = System.nanoTime();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                properties.dataDirectory(), properties.port(), properties.database());
        log.info("Embedded PostgreSQL 17 started in {} ms on 127.0.0.1:{}; data lives in {}, the password of user {} (the tables'"
                        + " owner) in {}; the app logs in as {}. To use an external server instead, set SPRING_DATASOURCE_URL,"
                        + " SPRING_DATASOURCE_USERNAME/PASSWORD (the app) and SPRING_LIQUIBASE_USER/PASSWORD (the owner).",
                (System.nanoTime() - start) / 1_000_000, server.port(), server.dataDirectory(), server.username(),
                server.passwordFile(), server.loginUsername());
        return server;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl());
        // The pool logs in as the login role, never as the owner: see LoginRole, DatabaseOwner.
        ds.setUsername(server.loginUsername());
        ds.setPassword(server.loginPassword());
        return ds;
    }
}
