package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * The Content-Security-Policy in a real browser: the app's pages (the login, the factsheet with its
 * ECharts charts from /webjars driven by executeJs, an unknown address) work under it without a
 * single violation, and it does its job: a script injected into the page is refused. Every other
 * journey also fails on a violation (see {@link BrowserTestBase}).
 */
class ContentSecurityPolicyJourneyIT extends BrowserTestBase {

    @Test
    void theAppWorksUnderItsPolicyAndInjectedScriptsAreRefused() {
        inBrowser(page -> {
            Response login = page.navigate(url("/login"));
            assertThat(login.headerValue("content-security-policy")).contains("'nonce-").doesNotContain("'unsafe-inline' 'unsafe-eval'");
            assertThat(login.headerValue("x-frame-options")).isEqualTo("DENY");

            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/reports/factsheet?year=2019&asOf=2019-04-30"));
            waitForVaadin(page);
            // ECharts draws into a canvas once its webjar script has loaded and executeJs has run.
            assertThat(page.locator(".chart canvas").first()).isVisible();

            // A page the manager may not open answers like one that does not exist, in the user's language,
            // listing no routes (development mode listed them all).
            page.navigate(url("/admin/users"));
            assertThat(page.getByText("Page not found")).isVisible();
            assertThat(page.locator("body")).not().containsText("admin/users");
            assertThat(page.locator("body")).not().containsText("people");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the home page")).click();
            assertThat(page.locator("vaadin-app-layout")).isVisible();
        });
    }

    @Test
    void theApiDescriptionWorksUnderThePolicy() {
        inBrowser(page -> {
            page.navigate(url("/swagger-ui/index.html"));
            assertThat(page.locator("body")).containsText("Protection Cases reporting API",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.locator("body")).containsText("/api/v1/reports/factsheet");
        });
    }

    @Test
    void aScriptInjectedIntoThePageIsRefused() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            List<String> violations = new CopyOnWriteArrayList<>();
            context.addInitScript("document.addEventListener('securitypolicyviolation', e => window.__violations = "
                    + "(window.__violations || []).concat(e.violatedDirective));");
            Page page = context.newPage();
            page.onConsoleMessage(m -> violations.add(m.text()));
            page.navigate(url("/login"));
            assertThat(page.locator("vaadin-login-form")).isVisible();
            // What an HTML injection would try: an inline script and an inline event handler.
            page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true';"
                    + " document.head.appendChild(s);"
                    + " const i = document.createElement('img'); i.setAttribute('onerror', 'window.__handler = true'); i.src = 'data:,x';"
                    + " document.body.appendChild(i); }");
            page.waitForFunction("() => (window.__violations || []).length >= 2");
            assertThat(page.evaluate("() => window.__injected === undefined && window.__handler === undefined")).isEqualTo(true);
            assertThat(page.evaluate("() => window.__violations.every(d => d.startsWith('script-src'))")).isEqualTo(true);
        }
    }
}
