package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, as a TLS proxy would talk to the app ({@code server.forward-headers-strategy=native}):
 * every kind of response carries the security headers, personal data is never cached, the login
 * form refuses a missing CSRF token, session ids never travel in URLs, and behind HTTPS the
 * cookie is Secure and HSTS is sent.
 */
// The same properties as ApiLimitsIT, so that both run in one application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "app.api.limits.failed-authentications=5",
        "app.api.limits.concurrent-requests-per-token=1"})
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return headers.length > 0 ? request.headers(headers) : request;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path, headers));
    }

    private static void assertSecurityHeaders(String what, HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).as(what + " CSP").hasValueSatisfying(csp -> {
            assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("'unsafe-inline' 'unsafe-eval'");
            assertThat(csp).satisfiesAnyOf(
                    c -> assertThat(c).startsWith("default-src 'none'"),
                    c -> assertThat(c).startsWith("default-src 'self'").contains("object-src 'none'", "base-uri 'self'",
                            "form-action 'self'").containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'unsafe-eval';"));
        });
        assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(headers.allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).as(what).hasValueSatisfying(p -> assertThat(p).contains("camera=()",
                "geolocation=()", "microphone=()",
                // Passkeys: our own pages may create and use them (WebAuthn), no frame of another origin may.
                "publickey-credentials-create=(self)", "publickey-credentials-get=(self)"));
    }

    private static void assertNotStored(String what, HttpHeaders headers) {
        assertThat(headers.allValues("Cache-Control")).as(what + " Cache-Control").isNotEmpty()
                .allSatisfy(value -> assertThat(value).contains("no-store"));
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        // A redirect to the login (Spring Security), the login page (Vaadin), a missing page (error page),
        // the API with and without a token, the OpenAPI description, health, a static style sheet, a webjar.
        List<String> personal = List.of("/", "/login", "/people", "/no-such-page", "/api/v1/reports/factsheet?year=2019",
                "/actuator/health", "/actuator/metrics", "/v3/api-docs");
        for (String path : personal) {
            HttpResponse<String> response = get(path);
            assertSecurityHeaders(path, response.headers());
            assertNotStored(path, response.headers());
        }
        HttpResponse<String> badToken = get("/api/v1/reports/factsheet?year=2019", "Authorization", "Bearer pc_nonsense");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertSecurityHeaders("API 401", badToken.headers());
        assertNotStored("API 401", badToken.headers());
        assertThat(badToken.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));

        for (String path : List.of("/styles/app.css", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(path, response.headers());
        }
        // Error pages (the servlet container's error dispatch): see aLoginWithTheFormsCsrfTokenSignsIn.
    }

    @Test
    void vaadinRequestsAndThePageNonceAreCovered() throws Exception {
        HttpResponse<String> login = get("/login");
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertThat(nonce.find()).isTrue();
        // Every script of Vaadin's bootstrap page carries this response's nonce, and no other.
        List<String> scripts = Pattern.compile("<script[^>]*>").matcher(login.body()).results().map(m -> m.group()).toList();
        assertThat(scripts).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce.group(1) + "\""));
        assertThat(get("/login").headers().firstValue("Content-Security-Policy")).isPresent().isNotEqualTo(Optional.of(csp));

        // Vaadin's UIDL/heartbeat endpoint (POST ?v-r=...), even when refused for a missing UI, carries the headers.
        String cookie = sessionCookie(login).orElseThrow().split(";")[0];
        HttpResponse<String> heartbeat = send(request("/?v-r=heartbeat&v-uiId=0", "Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertSecurityHeaders("heartbeat " + heartbeat.statusCode(), heartbeat.headers());
        assertNotStored("heartbeat", heartbeat.headers());
        HttpResponse<String> uidl = send(request("/?v-r=uidl&v-uiId=0", "Cookie", cookie, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}")));
        assertSecurityHeaders("uidl " + uidl.statusCode(), uidl.headers());
        assertNotStored("uidl", uidl.headers());
    }

    @Test
    void sessionIdsTravelOnlyInCookies() throws Exception {
        HttpResponse<String> redirect = get("/cases");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContainIgnoringCase("jsessionid"));
        assertThat(get("/login").body()).doesNotContainIgnoringCase("jsessionid=");
    }

    @Test
    void behindATlsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> plain = get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(plain)).hasValueSatisfying(c -> assertThat(c).contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure"));

        HttpResponse<String> tls = get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.20");
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");
        assertThat(sessionCookie(tls)).hasValueSatisfying(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Strict"));
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> page = get("/login");
        String cookie = sessionCookie(page).orElseThrow().split(";")[0];
        HttpResponse<String> forged = send(request("/login", "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded")
                .POST(form("username", "admin", "password", TestDatabaseInitializer.DEMO_PASSWORD)));
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        // No session was signed in: neither the old nor a new cookie opens a page.
        String after = sessionCookie(forged).map(c -> c.split(";")[0]).orElse(cookie);
        for (String c : List.of(cookie, after)) {
            HttpResponse<String> home = get("/", "Cookie", c);
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void aLoginWithTheFormsCsrfTokenSignsIn() throws Exception {
        HttpResponse<String> page = get("/login");
        String cookie = sessionCookie(page).orElseThrow().split(";")[0];
        // The login form posts the token Vaadin put into the page's meta tags.
        Matcher parameter = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page.body());
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(parameter.find()).isTrue();
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = send(request("/login", "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded")
                .POST(form("username", "admin", "password", TestDatabaseInitializer.DEMO_PASSWORD, parameter.group(1), token.group(1))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String signedIn = sessionCookie(login).orElseThrow().split(";")[0];
        HttpResponse<String> home = get("/", "Cookie", signedIn);
        assertThat(home.statusCode()).isEqualTo(200);
        assertSecurityHeaders("signed-in view", home.headers());
        assertNotStored("signed-in view", home.headers());
        // An address that is no page is refused by Spring Security's error page, which names nothing.
        HttpResponse<String> unknown = get("/no-such-page", "Cookie", signedIn);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertSecurityHeaders("signed-in error page", unknown.headers());
        assertNotStored("signed-in error page", unknown.headers());
        assertThat(unknown.body()).doesNotContain("no-such-page", "admin/users", "people", "Exception");
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }
}
