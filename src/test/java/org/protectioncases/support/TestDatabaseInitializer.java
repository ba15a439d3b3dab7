package org.protectioncases.support;

import java.util.HashMap;
import java.util.Map;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.protectioncases.shared.db.DatabaseOwner;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Points every Spring test context at {@link TestDatabase}, turns demo data on (so the demo
 * logins exist in tests) and writes backups under {@code target/} (unless {@code test.database.own=true}). Registered in {@code META-INF/spring.factories} of the test classpath.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "Kosovo-Demo-2026";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        registerOwnerJdbc(context);
        if (context.getEnvironment().getProperty("test.database.own", Boolean.class, false)) {
            // The app as a user starts it, on a database of its own (e.g. a restored backup).
            return;
        }
        Map<String, Object> props = new HashMap<>(TestDatabase.connection());
        props.put("app.backup.directory", "target/test-backups");
        String database = context.getEnvironment().getProperty("test.database.name");
        if (database != null) {
            // A test that needs a database of its own (e.g. exact figures from demo data alone).
            props.put("spring.datasource.url", TestDatabase.createDatabase(database));
        }
        // The owner migrates on the same database as the pool (also when a test picks its own, or wraps the pool).
        props.put("spring.liquibase.url", "${spring.datasource.url}");
        props.put("app.demo-data.enabled", "true");
        props.put("vaadin.launch-browser", "false");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", props));
    }

    /**
     * A small pool as the tables' owner and a JdbcClient/JdbcTemplate on it, injected only where asked for with
     * {@link OwnerDatabase} (not default candidates: the app's code and Boot's auto-configuration never see them).
     */
    private static void registerOwnerJdbc(ConfigurableApplicationContext context) {
        if (!(context instanceof BeanDefinitionRegistry registry)) {
            return;
        }
        RootBeanDefinition pool = new RootBeanDefinition(HikariDataSource.class, () -> {
            DatabaseOwner owner = context.getBean(DatabaseOwner.class);
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(owner.url());
            ds.setUsername(owner.username());
            ds.setPassword(owner.password());
            ds.setMaximumPoolSize(3);
            ds.setMinimumIdle(0);
            ds.setPoolName("test-owner");
            return ds;
        });
        pool.setDefaultCandidate(false);
        pool.setAutowireCandidate(false);
        pool.setDestroyMethodName("close");
        pool.setLazyInit(true); // made only where a test asks for it (small contexts, e.g. the restore command's, have no owner)
        registry.registerBeanDefinition("testOwnerDataSource", pool);
        RootBeanDefinition client = new RootBeanDefinition(JdbcClient.class,
                () -> JdbcClient.create(context.getBean("testOwnerDataSource", DataSource.class)));
        client.setDefaultCandidate(false);
        client.setLazyInit(true);
        client.addQualifier(new AutowireCandidateQualifier(OwnerDatabase.class));
        registry.registerBeanDefinition("testOwnerJdbcClient", client);
        RootBeanDefinition template = new RootBeanDefinition(JdbcTemplate.class,
                () -> new JdbcTemplate(context.getBean("testOwnerDataSource", DataSource.class)));
        template.setDefaultCandidate(false);
        template.setLazyInit(true);
        template.addQualifier(new AutowireCandidateQualifier(OwnerDatabase.class));
        registry.registerBeanDefinition("testOwnerJdbcTemplate", template);
    }
}
