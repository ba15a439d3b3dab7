package org.protectioncases.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP requests to the app under test (a {@code RANDOM_PORT} test's {@code @LocalServerPort}). */
public final class LocalHttp {

    /** Does not follow redirects: a redirect (to the login page, say) is often the answer under test. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private LocalHttp() {
    }

    /** GET {@code path} (starting with a slash) from the app on {@code port}, without cookies or credentials. */
    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
