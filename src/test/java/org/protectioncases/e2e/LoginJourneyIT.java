package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator's first journey in a real headless Chromium: sign in, create a partner and a
 * user, sign out, sign in as that user, see only their navigation, sign out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginJourneyIT {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String sessionId(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst().orElse("");
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(url("/"));
        page.waitForURL(Pattern.compile(".*/login.*"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        // Spring Security returns to the saved request ("/?continue") after login.
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
        assertThat(page.locator("vaadin-app-layout")).isVisible();
    }

    private void signOut(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void adminCreatesAPartnerAndAUserWhoThenSignsIn() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String partnerCode = "E2E" + suffix;
        String username = "e2e." + suffix.toLowerCase();
        String password = "walnut-Prizren-bridge-42";

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            Page page = context.newPage();
            page.onConsoleMessage(m -> System.out.println("BROWSER " + m.type() + ": " + m.text()));
            try {
                journey(page, context, partnerCode, username, password);
            } catch (RuntimeException | AssertionError e) {
                // Leave a picture of what the browser showed, for whoever reads the CI log.
                Path shot = Path.of("target", "e2e-failure-" + System.currentTimeMillis() + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
                throw new AssertionError(e.getMessage() + " (screenshot: " + shot + ", url: " + page.url() + ")", e);
            }
        }
    }

    private void journey(Page page, BrowserContext context, String partnerCode, String username, String password) {
        {
            page.navigate(url("/login"));
            assertThat(page.locator("vaadin-login-form")).isVisible();
            String anonymousSession = sessionId(context);

            signIn(page, "admin", TestDatabaseInitializer.DEMO_PASSWORD);
            assertThat(page.getByText("Welcome, System Administrator")).isVisible();
            // Session fixation protection: a new id after login.
            assertThat(sessionId(context)).isNotEmpty().isNotEqualTo(anonymousSession);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Partner organisations")).first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New partner")).click();
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(partnerCode);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("End-to-end Legal Aid");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByText("Partner " + partnerCode + " saved")).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("User accounts")).first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
            page.getByLabel("Full name", new Page.GetByLabelOptions().setExact(true)).fill("Teuta Shala");
            page.getByLabel("Partner organisation", new Page.GetByLabelOptions().setExact(true)).fill(partnerCode);
            page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(partnerCode)).click();
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByText("User " + username + " saved")).isVisible();

            signOut(page);

            signIn(page, username, password);
            assertThat(page.getByText("Welcome, Teuta Shala")).isVisible();
            assertThat(page.getByText("Partner lawyer · " + partnerCode)).isVisible();
            assertThat(page.locator("vaadin-side-nav-item")).hasCount(1);

            signOut(page);
            page.navigate(url("/admin/users"));
            page.waitForURL(Pattern.compile(".*/login.*"));
        }
    }
}
