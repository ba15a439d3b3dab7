package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.ActingUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The feed's rate limits over real HTTP, behind a proxy that names the client in
 * {@code X-Forwarded-For}: a feed address polled too often gets 429 with Retry-After, from any
 * client; a client trying too many addresses (guessing) gets 429 before any is looked up. Small
 * limits (3 per feed, 5 per client), in the same application context as the API's limits test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "app.api.limits.failed-authentications=5",
        "app.api.limits.concurrent-requests-per-token=1",
        "app.calendar-feed.limits.per-feed=3", "app.calendar-feed.limits.per-client=5"})
class CalendarFeedLimitsIT extends ActingUsers {

    @LocalServerPort
    int port;
    @Autowired
    CalendarFeedService feeds;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String client) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", client).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFeedPolledTooOftenAndAClientGuessingAddressesGet429WithRetryAfter() throws Exception {
        String path = as("lawyer.at", () -> feeds.regenerate());
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(get(path, "198.51.100.41").statusCode()).as("request %d", i + 1).isEqualTo(200);
            }
            HttpResponse<String> limited = get(path, "198.51.100.41");
            assertThat(limited.statusCode()).isEqualTo(429);
            // 3 an hour: the next one is free in about 20 minutes.
            assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s ->
                    assertThat(s).isBetween(1_000L, 1_200L));
            assertThat(limited.body()).isEmpty();
            // The limit is the feed's, whoever asks.
            assertThat(get(path, "198.51.100.42").statusCode()).isEqualTo(429);

            // Guessing: five unknown addresses answer 404, the sixth 429 (even a real one).
            String client = "198.51.100.43";
            for (int i = 0; i < 5; i++) {
                assertThat(get(CalendarFeedService.PATH + "guess" + i + ".ics", client).statusCode()).isEqualTo(404);
            }
            HttpResponse<String> guessing = get(CalendarFeedService.PATH + "guess5.ics", client);
            assertThat(guessing.statusCode()).isEqualTo(429);
            assertThat(guessing.headers().firstValue("Retry-After")).isPresent();
        } finally {
            as("lawyer.at", () -> {
                feeds.revoke();
                return null;
            });
        }
    }
}
