package org.protectioncases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this validates it with
 * {@code docker-compose config} and proves the app reads every variable the file sets.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        try (FileReader in = new FileReader(COMPOSE.toFile(), StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) root.get("services")).get(name);
        }
    }

    @Test
    void composeFileIsValid() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/docker-compose"));
        if (System.getenv("CI") != null) {
            assertThat(installed).as("CI must install docker-compose (see .ci/run)").isTrue();
        }
        assumeTrue(installed, "docker-compose is not installed");
        Process p = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void databaseIsPostgres17WithAVolumeAndAHealthCheck() throws IOException {
        Map<String, Object> db = service("db");
        assertThat(db.get("image")).isEqualTo("postgres:17");
        assertThat((List<String>) db.get("volumes")).anyMatch(v -> v.startsWith("pgdata:"));
        assertThat(db).containsKey("healthcheck");
        Map<String, Object> app = service("app");
        assertThat(((Map<String, Object>) app.get("depends_on")).get("db")).isEqualTo(Map.of("condition", "service_healthy"));
        assertThat(app.get("healthcheck").toString()).contains("/actuator/health");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppReadsEveryVariableTheComposeFileSets() throws IOException {
        Map<String, Object> composeEnv = (Map<String, Object>) service("app").get("environment");
        Map<String, Object> env = new HashMap<>();
        composeEnv.forEach((k, v) -> env.put(k, "value-of-" + k));

        StandardEnvironment app = new StandardEnvironment();
        MutablePropertySources sources = app.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource("composeEnv", env));
        sources.addLast(new ResourcePropertySource("classpath:application.properties"));

        // Each compose variable must land in the property the app actually uses.
        Map<String, String> expected = Map.of(
                "SPRING_DATASOURCE_URL", "spring.datasource.url",
                "SPRING_DATASOURCE_USERNAME", "spring.datasource.username",
                "SPRING_DATASOURCE_PASSWORD", "spring.datasource.password",
                "APP_ADMIN_PASSWORD", "app.admin.initial-password",
                "APP_DEMO_DATA_ENABLED", "app.demo-data.enabled",
                "APP_MFA_ENCRYPTION_KEY", "app.security.mfa.encryption-key");
        assertThat(composeEnv.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((variable, property) ->
                assertThat(app.getProperty(property)).as(variable + " -> " + property).isEqualTo("value-of-" + variable));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterProfileRunsTwoIdenticalNodesBehindAStickyLoadBalancerThatFollowsReadiness() throws IOException {
        Map<String, Object> app1 = service("app1");
        Map<String, Object> app2 = service("app2");
        assertThat(app1).isEqualTo(app2);
        assertThat((List<String>) app1.get("profiles")).containsExactly("cluster");
        Map<String, Object> nodeEnv = (Map<String, Object>) app1.get("environment");
        // The same settings as the single node, plus the proxy's forwarded headers.
        assertThat(nodeEnv).containsAllEntriesOf((Map<String, Object>) service("app").get("environment"))
                .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        StandardEnvironment app = new StandardEnvironment();
        app.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        assertThat(app.getProperty("server.forward-headers-strategy")).isEqualTo("none"); // read from that variable
        assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
                .contains("server.forward-headers-strategy=${SERVER_FORWARD_HEADERS_STRATEGY:none}");

        Map<String, Object> lb = service("lb");
        assertThat((List<String>) lb.get("profiles")).containsExactly("cluster");
        String config = Files.readString(Path.of("docs/deploy/haproxy.cfg"));
        assertThat((List<String>) lb.get("volumes")).anyMatch(v -> v.startsWith("./docs/deploy/haproxy.cfg:"));
        assertThat(config).contains("cookie PC_NODE insert", "option httpchk GET /actuator/health/readiness",
                "server app1 app1:8080 check", "server app2 app2:8080 check");
    }
}
