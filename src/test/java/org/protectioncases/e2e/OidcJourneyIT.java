package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on in Chromium: the login page's button takes the browser to a real OpenID Connect
 * server (mock-oauth2-server with its interactive login form, as {@code security.OidcLoginIT} uses
 * it without a browser), the person signs in there, and the browser comes back signed in to the
 * local account with that e-mail; an e-mail no account has comes back to the login page with the
 * reason.
 */
class OidcJourneyIT extends BrowserTestBase {

    static final String ISSUER = "unhcr";
    static final MockOAuth2Server IDP = new MockOAuth2Server(new OAuth2Config(true));

    static {
        // Before the application context: the app reads the provider's discovery document at start.
        IDP.start();
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add("app.security.oidc.issuer-uri", () -> IDP.issuerUrl(ISSUER).toString());
        properties.add("app.security.oidc.client-id", () -> "protection-cases");
        properties.add("app.security.oidc.client-secret", () -> "test-secret");
    }

    @AfterAll
    static void stopProvider() {
        IDP.shutdown();
    }

    @Autowired
    SystemAccess system;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    JdbcClient jdbc;

    /** The provider's own form: any subject, and the claims as JSON. */
    private static void signInAtProvider(Page page, String email) {
        page.waitForURL(Pattern.compile("^" + Pattern.quote(IDP.issuerUrl(ISSUER).toString()) + ".*"));
        page.locator("input[name=username]").fill("subject-" + UUID.randomUUID());
        page.locator("textarea[name=claims]").fill("{\"email\": \"" + email + "\", \"email_verified\": true}");
        page.locator("input[type=submit]").click();
    }

    @Test
    void aPersonSignsInAtTheirOrganisationAndLandsInTheAppAsTheirAccount() {
        String email = "sso-" + UUID.randomUUID().toString().substring(0, 8) + "@unhcr.example.org";
        String username = "e2e.sso." + UUID.randomUUID().toString().substring(0, 6);
        system.runAsAdmin(() -> accounts.create(new NewUserAccount(username, "Besa Gashi", email, Role.UNHCR_MANAGER,
                partners.findByCode("UNHCR").orElseThrow().id(), "en", "heron-Gjakova-river-77")));

        inBrowser(page -> {
            page.navigate(url("/login"));
            waitForVaadin(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with your organisation's account")).click();
            signInAtProvider(page, email);
            assertThat(page.locator("vaadin-app-layout")).isVisible();
            assertThat(page.getByText("Welcome, Besa Gashi")).isVisible();
        });
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select details from audit_event where actor = :u and action = 'LOGIN_SUCCESS'")
                .param("u", username).query(String.class).list()).containsExactly("single sign-on");

        inBrowser(page -> {
            page.navigate(url("/login"));
            waitForVaadin(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with your organisation's account")).click();
            signInAtProvider(page, "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@unhcr.example.org");
            page.waitForURL(Pattern.compile(".*/login\\?sso=unknown"));
            assertThat(page.getByText("Your organisation's account is not linked to an account in Protection Cases.",
                    new Page.GetByTextOptions().setExact(false))).isVisible();
            assertThat(page.locator("vaadin-app-layout")).hasCount(0);
        });
    }
}
