package org.protectioncases.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What {@code ./mvnw spring-boot:run} starts is what users get: the test class path is the one
 * spring-boot:run uses, so neither Vaadin's development server nor Copilot may be on it, the app
 * runs in production mode and its pages carry no development tools.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionModeIT {

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;

    @Test
    void developmentToolsAreNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("com.vaadin.base.devserver.DevModeHandlerManagerImpl"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.vaadin.copilot.Copilot")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theAppRunsInProductionModeWithoutDevTools() throws Exception {
        assertThat(ApplicationConfiguration.get(new VaadinServletContext(servletContext)).isProductionMode()).isTrue();
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        // The pre-built production bundle, no dev-tools or Copilot client.
        assertThat(login.body()).contains("VAADIN/build/indexhtml-").doesNotContainIgnoringCase("devtools")
                .doesNotContainIgnoringCase("copilot").doesNotContain("development mode");
    }
}
