package org.protectioncases.scale;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;

/** The app's schema, applied by the app's own Liquibase changelog, exactly as Spring Boot applies it at start-up. */
final class ScaleSchema {

    static final String CHANGELOG = "classpath:db-changelog/db.changelog-master.yaml";

    private ScaleSchema() {
    }

    static void migrate(DataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(CHANGELOG);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase could not apply " + CHANGELOG, e);
        }
    }
}
