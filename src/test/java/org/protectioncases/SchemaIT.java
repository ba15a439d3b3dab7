package org.protectioncases;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liquibase owns the schema and Hibernate only validates it: the context would not start if an
 * entity disagreed with the migrated tables.
 */
@SpringBootTest
class SchemaIT {

    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @Autowired
    EntityManagerFactory emf;

    @Test
    void hibernateValidatesEntitiesAgainstTheLiquibaseSchema() {
        assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(jdbc.sql("select count(*) from databasechangelog").query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(emf.getMetamodel().getEntities()).extracting(e -> e.getName()).contains("Partner", "UserAccount");
    }

    @Test
    void runsOnPostgresql17() {
        String version = jdbc.sql("show server_version").query(String.class).single();
        assertThat(version).startsWith("17.");
        assertThat(TestDatabase.kind()).isIn("embedded", "testcontainers");
    }

    @Test
    void idleSessionsEndAfterThirtyMinutesEvenWithAnOpenTab() {
        assertThat(env.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
        // Without this, Vaadin's heartbeat keeps an idle tab's session alive forever.
        assertThat(env.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
    }
}
