package org.protectioncases.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Operation 8: heap held per signed-in Vaadin user with the case list open. Real sessions: headless
 * Chromium signs in through the login form and opens the case list, and every tab stays open (so
 * the UI, its grid and its data provider stay in the session, heartbeats and all) while the
 * server's live heap is measured after full GCs, before and after; the growth divided by the number
 * of sessions is the cost per user. Two sessions opened first warm up classes and caches.
 */
final class SessionMemory {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    record Result(int sessions, long bytesPerSession, long totalGrowthBytes, long openMillis) {
    }

    private SessionMemory() {
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    static @Nullable Result measure(int port, String username, String password, int sessions) {
        if (sessions <= 0 || !available()) {
            return null;
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            List<BrowserContext> open = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    open.add(openCaseList(browser, port, username, password));
                }
                long baseline = HeapProbe.liveHeap();
                long t0 = System.nanoTime();
                for (int i = 0; i < sessions; i++) {
                    open.add(openCaseList(browser, port, username, password));
                }
                long openMillis = (System.nanoTime() - t0) / 1_000_000;
                long after = HeapProbe.liveHeap();
                long growth = Math.max(0, after - baseline);
                return new Result(sessions, growth / sessions, growth, openMillis);
            } finally {
                for (BrowserContext context : open) {
                    context.close();
                }
            }
        }
    }

    private static BrowserContext openCaseList(Browser browser, int port, String username, String password) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 800));
        Page page = context.newPage();
        String base = "http://localhost:" + port;
        page.navigate(base + "/");
        page.waitForURL(Pattern.compile(".*/login.*"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
        page.navigate(base + "/cases");
        // The grid has rendered its first rows: the list's data provider has run for this session.
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^C-\\d{4}-")))
                .first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(60_000));
        page.waitForFunction("() => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        return context;
    }
}
