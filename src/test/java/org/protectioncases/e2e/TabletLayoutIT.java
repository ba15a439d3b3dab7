package org.protectioncases.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The main pages on a tablet (768×1024, touch), in English, Serbian and Albanian: the page never
 * scrolls sideways and nothing is cut off at its right or left edge (no element beyond the screen,
 * no table with hidden columns). Between phone (375 px, {@link PhoneLayoutIT}) and desktop this is
 * where the drawer is an overlay but grids show all their columns. A screenshot of every page is
 * kept in {@code target/tablet-screenshots/}.
 */
class TabletLayoutIT extends BrowserTestBase {

    @Autowired
    @OwnerDatabase
    JdbcTemplate jdbc;

    static Browser.NewContextOptions tablet() {
        return new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(768, 1024)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
    }

    private long sample(String route, String partner) {
        Long id = jdbc.queryForObject(PhoneLayoutIT.SAMPLES.get(route), Long.class, partner, partner);
        assertThat(id).as("a sample for /" + route + " of " + partner).isNotNull();
        return id;
    }

    @Test
    void theMainPagesFitATabletWithNothingCutOff() throws Exception {
        Path dir = Path.of("target", "tablet-screenshots");
        Files.createDirectories(dir);
        // Who, in which language, opens what: every main page at least once, the field pages in all three languages.
        Map<String, Map<String, String>> tours = new LinkedHashMap<>();
        Map<String, String> coordinator = new LinkedHashMap<>(); // English
        coordinator.put("home", "/");
        coordinator.put("people", "/people");
        coordinator.put("person", "/people/" + sample("people/:id", "KRCT"));
        coordinator.put("case", "/cases/" + sample("cases/:id", "KRCT"));
        coordinator.put("visits", "/visits");
        coordinator.put("visit", "/visits/" + sample("visits/:id", "KRCT"));
        coordinator.put("visit-form", "/visits/new");
        coordinator.put("log-session", "/sessions/new");
        tours.put("coordinator.krct", coordinator);
        Map<String, String> monitor = new LinkedHashMap<>(); // Serbian
        monitor.put("home", "/");
        monitor.put("people", "/people");
        monitor.put("person", "/people/" + sample("people/:id", "AT"));
        monitor.put("visits", "/visits");
        monitor.put("visit-form", "/visits/new");
        tours.put("monitor.at", monitor);
        Map<String, String> lawyer = new LinkedHashMap<>(); // Albanian
        lawyer.put("home", "/");
        lawyer.put("people", "/people");
        lawyer.put("person", "/people/" + sample("people/:id", "CRPK"));
        lawyer.put("case", "/cases/" + sample("cases/:id", "CRPK"));
        lawyer.put("log-session", "/sessions/new");
        tours.put("lawyer.crpk", lawyer);

        List<String> problems = new ArrayList<>();
        tours.forEach((user, pages) -> inBrowser(tablet(), page -> {
            signIn(page, user, TestDatabaseInitializer.DEMO_PASSWORD);
            pages.forEach((name, path) -> {
                page.navigate(url(path));
                waitForVaadin(page);
                String problem = cutOff(page);
                Path shot = dir.resolve("tablet-" + user.replace('.', '-') + "-" + name + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot));
                if (problem != null) {
                    problems.add(user + " " + path + ": " + problem + " (" + shot + ")");
                }
            });
        }));
        assertThat(problems).as("pages that scroll sideways or cut something off at 768 px").isEmpty();
    }

    /** What is wider than the tablet or beyond its edges, or null when the page fits. */
    static String cutOff(Page page) {
        // Grids lay out their columns after the round trip: give the page a moment to settle.
        try {
            page.waitForFunction(FITS, null, new Page.WaitForFunctionOptions().setTimeout(20_000).setPollingInterval(250));
            return null;
        } catch (com.microsoft.playwright.TimeoutError e) {
            return (String) page.evaluate("() => (" + MEASURE + ")().join(', ')");
        }
    }

    /**
     * The page's own scroll width, the app layout's content area, every shown grid's table (a
     * table scrolled sideways hides columns), and every visible element of the page beyond the
     * screen's left or right edge (the closed drawer and closed overlays excepted).
     */
    static final String MEASURE = """
            () => {
              const w = window.innerWidth;
              const out = [];
              if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth + ' px');
              const layout = document.querySelector('vaadin-app-layout');
              const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
              if (content && content.scrollWidth - content.clientWidth > 1) out.push('content ' + content.scrollWidth + '/' + content.clientWidth);
              for (const grid of document.querySelectorAll('vaadin-grid')) {
                const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
                if (grid.offsetParent && table && table.scrollWidth - table.clientWidth > 1) {
                  out.push('grid[' + (grid.getAttribute('aria-label') || '') + '] ' + table.scrollWidth + '/' + table.clientWidth);
                }
              }
              const shown = e => { const s = getComputedStyle(e); return s.visibility !== 'hidden' && s.display !== 'none'; };
              for (const e of document.querySelectorAll('vaadin-app-layout > :not([slot]) *, vaadin-app-layout > [slot=navbar] *')) {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || !shown(e) || e.closest('vaadin-grid')) continue;
                if (r.right > w + 1 || r.left < -1) {
                  out.push(e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
                }
              }
              return out.slice(0, 8);
            }""";

    static final String FITS = "() => (" + MEASURE + ")().length === 0";
}
