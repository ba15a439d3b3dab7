package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect server started here (mock-oauth2-server: discovery,
 * authorization endpoint, token endpoint, signed ID tokens), driven over real HTTP like a browser
 * follows redirects: an identity maps to the local account with its e-mail; unknown and disabled
 * accounts are refused with their reason; the provider's second factor counts only when its
 * {@code amr} says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcLoginIT {

    static final String ISSUER = "unhcr";
    static final String CLIENT = "protection-cases";
    static final MockOAuth2Server IDP = new MockOAuth2Server();

    static {
        // Before the application context: the app reads the provider's discovery document at start.
        IDP.start();
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add("app.security.oidc.issuer-uri", () -> IDP.issuerUrl(ISSUER).toString());
        properties.add("app.security.oidc.client-id", () -> CLIENT);
        properties.add("app.security.oidc.client-secret", () -> "test-secret");
        properties.add("app.security.oidc.trust-mfa", () -> "true");
    }

    @AfterAll
    static void stopProvider() {
        IDP.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    SystemAccess system;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    SecondFactorService secondFactor;
    @Autowired
    SecondFactorPolicy policy;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    @AfterEach
    void backToTheTestPolicy() {
        jdbc.sql("delete from second_factor_policy").update();
        policy.reload();
    }

    private UserAccountDto account(Role role, String email) {
        String username = "sso." + UUID.randomUUID().toString().substring(0, 8);
        // Reading the partner needs a signed-in user too (as in SecondFactorJourneyIT): inside runAsAdmin.
        return system.runAsAdmin(() -> accounts.create(new NewUserAccount(username, "Single Sign-On " + role, email, role,
                role == Role.ADMIN ? null : partners.findByCode("UNHCR").orElseThrow().id(), "en", "heron-Gjakova-river-77")));
    }

    private static String email() {
        return "sso-" + UUID.randomUUID().toString().substring(0, 8) + "@unhcr.example.org";
    }

    /** A browser's cookies and no automatic redirects, so each hop is seen. */
    private HttpClient browser = newBrowser();

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    private static String location(HttpResponse<?> response) {
        assertThat(response.statusCode()).as("a redirect from " + response.uri()).isBetween(300, 399);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /**
     * Clicks "Sign in with your organisation's account": the app sends the browser to the provider,
     * which signs in the person with these claims and sends the browser back with a code; the app
     * exchanges it for the ID token. Returns where the app sends the browser then.
     */
    private String signInAtProvider(Map<String, Object> claims) throws IOException, InterruptedException {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-" + UUID.randomUUID(), "JWT", List.of(CLIENT), claims, 3600));
        String toProvider = location(get(app("/oauth2/authorization/oidc")));
        assertThat(toProvider).startsWith(IDP.issuerUrl(ISSUER).toString()).contains("client_id=" + CLIENT, "nonce=");
        String back = location(get(toProvider));
        assertThat(back).startsWith(app("/login/oauth2/code/oidc")).contains("code=", "state=");
        String next = location(get(back));
        return next.startsWith("/") ? app(next) : next;
    }

    @Test
    void anIdentityWithTheEmailOfALocalAccountSignsInAsThatAccount() throws Exception {
        String email = email();
        UserAccountDto manager = account(Role.UNHCR_MANAGER, email);

        String landing = signInAtProvider(Map.of("email", email.toUpperCase(), "email_verified", true, "name", "Someone Else"));

        assertThat(landing).isEqualTo(app("/"));
        assertThat(get(app("/")).statusCode()).as("the start page opens (no redirect to the login)").isEqualTo(200);
        assertThat(jdbc.sql("select details from audit_event where actor = :u and action = 'LOGIN_SUCCESS'")
                .param("u", manager.username()).query(String.class).list()).containsExactly("single sign-on");
    }

    @Test
    void anIdentityWithoutALocalAccountIsRefusedWithItsReasonAndNoAccountIsCreated() throws Exception {
        String email = email();
        long before = jdbc.sql("select count(*) from user_account").query(Long.class).single();

        String landing = signInAtProvider(Map.of("email", email, "email_verified", true));

        assertThat(landing).isEqualTo(app("/login?sso=unknown"));
        assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(before);
        assertThat(get(app("/")).statusCode()).as("still signed out").isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :a and action = 'SSO_REFUSED'")
                .param("a", "sso:" + email).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDisabledLocalAccountIsRefused() throws Exception {
        String email = email();
        UserAccountDto lawyer = account(Role.UNHCR_MANAGER, email);
        system.runAsAdmin(() -> accounts.setEnabled(lawyer.id(), false));

        String landing = signInAtProvider(Map.of("email", email, "email_verified", true));

        assertThat(landing).isEqualTo(app("/login?sso=disabled"));
        assertThat(get(app("/")).statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void theProvidersSecondFactorCountsOnlyWhenItsAmrSaysSo() throws Exception {
        system.runAsAdmin(() -> {
            secondFactor.setRequired(Role.ADMIN, true);
            return null;
        });
        String email = email();
        account(Role.ADMIN, email);

        // The actuator needs an administrator who passed the second factor.
        signInAtProvider(Map.of("email", email, "email_verified", true, "amr", List.of("pwd")));
        assertThat(get(app("/actuator/info")).statusCode()).as("password at the provider only: second factor still owed")
                .isEqualTo(403);

        browser = newBrowser();
        signInAtProvider(Map.of("email", email, "email_verified", true, "amr", List.of("pwd", "mfa")));
        assertThat(get(app("/actuator/info")).statusCode()).as("the provider's own second factor, trusted").isEqualTo(200);
    }
}
