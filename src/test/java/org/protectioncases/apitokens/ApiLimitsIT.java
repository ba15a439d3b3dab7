package org.protectioncases.apitokens;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.security.SystemAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting API's abuse limits over real HTTP, behind a proxy that names the client in
 * {@code X-Forwarded-For} (so each test is its own client): failed token authentications per
 * client end in 429 with Retry-After and JSON, a token's requests in progress are capped, and
 * whatever the API does not answer is JSON too (405 for writes, 404 for unknown paths).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "app.api.limits.failed-authentications=5",
        "app.api.limits.concurrent-requests-per-token=1",
        // The same context as legal.CalendarFeedLimitsIT (one application started for both).
        "app.calendar-feed.limits.per-feed=3", "app.calendar-feed.limits.per-client=5"})
class ApiLimitsIT {

    static final String FACTSHEET = "/api/v1/reports/factsheet?year=2019&asOf=2019-04-30";

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SystemAccess system;
    @Autowired
    ApiRateLimiter limiter;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, String client, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", client)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CreatedApiToken managerToken() {
        return system.runAsAccount("manager", () -> {
            TokenOwner owner = tokens.owners().stream().filter(o -> o.username().equals("manager")).findFirst().orElseThrow();
            return tokens.create(owner.id(), "ApiLimitsIT", LocalDate.now().plusDays(30));
        });
    }

    private void assertJsonError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asString()).isEqualTo(code);
        assertThat(body.get("message").asString()).isNotBlank();
    }

    @Test
    void aClientThatKeepsGuessingTokensIsSlowedDown() throws Exception {
        String guesser = "203.0.113.7";
        String good = managerToken().secret();
        for (int i = 0; i < 5; i++) {
            assertJsonError(send("GET", FACTSHEET, guesser, "pc_guess" + i + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 401, "invalid_token");
        }
        HttpResponse<String> limited = send("GET", FACTSHEET, guesser, "pc_guess5_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertJsonError(limited, 429, "too_many_requests");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
        // Until the bucket refills even a good token is refused from that address (no more guessing) ...
        assertJsonError(send("GET", FACTSHEET, guesser, good), 429, "too_many_requests");
        // ... while other clients are not affected.
        assertThat(send("GET", FACTSHEET, "203.0.113.8", good).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenHasBoundedRequestsInProgress() throws Exception {
        CreatedApiToken token = managerToken();
        long id = token.token().id();
        // Holds the token's only slot, as a slow report request in progress would.
        assertThat(limiter.tryAcquire(id)).isTrue();
        try {
            HttpResponse<String> busy = send("GET", FACTSHEET, "203.0.113.9", token.secret());
            assertJsonError(busy, 429, "too_many_requests");
            assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        } finally {
            limiter.release(id);
        }
        assertThat(send("GET", FACTSHEET, "203.0.113.9", token.secret()).statusCode()).isEqualTo(200);
        // A finished request gives its slot back.
        assertThat(send("GET", FACTSHEET, "203.0.113.9", token.secret()).statusCode()).isEqualTo(200);
    }

    @Test
    void whatTheApiDoesNotAnswerIsJson() throws Exception {
        String token = managerToken().secret();
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> response = send(method, FACTSHEET, "203.0.113.10", token);
            assertJsonError(response, 405, "method_not_allowed");
            assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        }
        assertJsonError(send("GET", "/api/v1/reports/nothing-here", "203.0.113.10", token), 404, "not_found");
        assertJsonError(send("POST", FACTSHEET, "203.0.113.10", null), 401, "unauthorized");
    }

    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    @OwnerDatabase
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void failuresCountedOnOneNodeBlockTheClientOnEveryNode() throws Exception {
        // Another app node: its own limiter, the same database.
        ApiRateLimiter otherNode = new ApiRateLimiter(new ApiLimits(5, java.time.Duration.ofMinutes(1), 1), dataSource);
        String guesser = "198.51.100.23";
        for (int i = 0; i < 5; i++) {
            assertJsonError(send("GET", FACTSHEET, guesser, "pc_spread" + i + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 401, "invalid_token");
        }
        assertThat(otherNode.blockedFor(guesser)).isPresent();
        assertThat(otherNode.blockedFor(guesser).getAsLong()).isBetween(1L, 60L);
        // Failures the other node counts add to the same bucket.
        String spreader = "198.51.100.24";
        for (int i = 0; i < 3; i++) {
            otherNode.failed(spreader);
        }
        for (int i = 0; i < 2; i++) {
            assertJsonError(send("GET", FACTSHEET, spreader, "pc_spread" + i + "_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"), 401, "invalid_token");
        }
        assertJsonError(send("GET", FACTSHEET, spreader, managerToken().secret()), 429, "too_many_requests");
        // A client that never failed is not written down at all.
        String good = "198.51.100.25";
        assertThat(send("GET", FACTSHEET, good, managerToken().secret()).statusCode()).isEqualTo(200);
        assertThat(otherNode.blockedFor(good)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from api_failed_auth_bucket where id = ?", Integer.class, good)).isZero();
    }
}
