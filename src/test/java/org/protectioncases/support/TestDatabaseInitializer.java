package org.protectioncases.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring test context at {@link TestDatabase}, turns demo data on (so the demo
 * logins exist in tests) and writes backups under {@code target/} (unless {@code test.database.own=true}). Registered in {@code META-INF/spring.factories} of the test classpath.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "Kosovo-Demo-2026";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
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
        props.put("app.demo-data.enabled", "true");
        props.put("vaadin.launch-browser", "false");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", props));
    }
}
