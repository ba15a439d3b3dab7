package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.LocalHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP: anonymous users reach the login page, static styles and health, nothing else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSecurityIT {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return LocalHttp.get(port, path);
    }

    @Test
    void anonymousUsersAreSentToTheLoginPage() throws Exception {
        for (String path : new String[] {"/", "/admin/users", "/admin/partners", "/actuator/metrics", "/actuator/info"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void loginPageHealthAndStylesAreOpen() throws Exception {
        assertThat(get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/styles/app.css").statusCode()).isEqualTo(200);
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> redirect = get("/");
        assertThat(redirect.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(redirect.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(redirect.headers().firstValue("Referrer-Policy")).contains("same-origin");
        // Vaadin writes its own headers for the pages it renders; framing stays restricted there too.
        HttpResponse<String> login = get("/login");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValueSatisfying(v -> assertThat(v).isIn("DENY", "SAMEORIGIN"));
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("HttpOnly", "SameSite=Strict"));
    }

}
