package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real headless Chromium (Debian's, driven by Playwright without a browser download) against the
 * app on a random port. On failure a screenshot is left in {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {

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
        // A 2-core CI machine opening a Vaadin view can take longer than Playwright's 5 s default.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
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

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Runs {@code steps} in a fresh browser context; on failure keeps a screenshot and the URL. */
    void inBrowser(Consumer<Page> steps) {
        inBrowser(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 800), steps);
    }

    /** Runs {@code steps} on an emulated phone: 375×812 CSS pixels, touch, mobile viewport. */
    void onPhone(Consumer<Page> steps) {
        inBrowser(phone(), steps);
    }

    static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(375, 812)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
    }

    void inBrowser(Browser.NewContextOptions options, Consumer<Page> steps) {
        try (BrowserContext context = browser.newContext(options)) {
            // Every journey runs under the app's real Content-Security-Policy (never bypassed): a
            // violation (a blocked script, style, eval, frame or connection) fails the journey.
            List<String> cspViolations = new CopyOnWriteArrayList<>();
            context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                    + "'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));");
            Page page = context.newPage();
            page.onConsoleMessage(m -> {
                if (m.type().equals("warning")) {
                    System.out.println("BROWSER console warning: " + m.text());
                }
                if (m.type().equals("error")) {
                    System.out.println("BROWSER console error: " + m.text());
                    if (m.text().contains("CSP violation") || m.text().contains("Content Security Policy")) {
                        cspViolations.add(m.text());
                    }
                }
            });
            try {
                steps.accept(page);
                org.assertj.core.api.Assertions.assertThat(cspViolations).as("Content-Security-Policy violations").isEmpty();
            } catch (RuntimeException | AssertionError e) {
                Path shot = Path.of("target", "e2e-failure-" + getClass().getSimpleName() + "-" + System.currentTimeMillis() + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
                throw new AssertionError(e.getMessage() + " (screenshot: " + shot + ", url: " + page.url() + ")", e);
            }
        }
    }

    static String sessionId(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst().orElse("");
    }

    void signIn(Page page, String username, String password) {
        page.navigate(url("/"));
        page.waitForURL(Pattern.compile(".*/login.*"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        // Spring Security returns to the saved request ("/?continue") after login.
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        waitForVaadin(page);
    }

    /**
     * Signs in where a second factor is asked: password, then the current code of the
     * authenticator whose key (Base32, as the enrolment page shows it) is {@code totpSecret}.
     */
    void signInWithSecondFactor(Page page, String username, String password, String totpSecret) {
        page.navigate(url("/"));
        page.waitForURL(Pattern.compile(".*/login.*"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/second-factor.*"));
        waitForVaadin(page);
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(TotpCodes.next(totpSecret));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify").setExact(true)).click();
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        waitForVaadin(page);
    }

    void signOut(Page page, String logoutLabel) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(logoutLabel)).click();
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    /**
     * Waits until Vaadin has no request in flight, so that a click is not sent to a component
     * whose server-side listener is not bound yet (seen on a loaded 2-core CI machine).
     */
    static void waitForVaadin(Page page) {
        page.waitForFunction("() => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /**
     * Waits until no finite animation runs (a dialog's opening scale, an overlay's fade): anything
     * measured during one is measured shrunk (a 44 px field read 42 px on a slow CI machine).
     */
    static void waitForAnimations(Page page) {
        // Each shadow root answers for its own tree (an overlay animates inside one).
        page.waitForFunction("""
                () => { const all = [];
                  const walk = root => { all.push(...root.getAnimations());
                    root.querySelectorAll('*').forEach(e => { if (e.shadowRoot) walk(e.shadowRoot); }); };
                  walk(document);
                  return all.every(a => a.playState !== 'running' || a.effect == null
                      || a.effect.getComputedTiming().iterations === Infinity); }""");
    }

    /** Picks a UI language in the header (the choice is remembered for the user). */
    static void chooseLanguage(Page page, String language) {
        waitForVaadin(page);
        Locator shown = page.locator("vaadin-select.header-language vaadin-select-value-button");
        if (shown.count() > 0 && language.equals(shown.first().textContent().strip())) {
            return; // already in that language: choosing it again changes nothing and reloads nothing
        }
        // The choice reloads the page: mark this document and wait for a new one, or a navigation
        // started right after would be cut off by the reload (seen on a slow CI machine).
        page.evaluate("() => { window.__pcBeforeLanguage = true; }");
        page.locator("vaadin-select.header-language").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions().setName(language).setExact(true)).click();
        page.waitForCondition(() -> {
            try {
                return Boolean.FALSE.equals(page.evaluate("() => !!window.__pcBeforeLanguage"));
            } catch (com.microsoft.playwright.PlaywrightException reloading) {
                return false;
            }
        }, new Page.WaitForConditionOptions().setTimeout(60_000));
        page.waitForLoadState();
        waitForVaadin(page);
    }
}
