package org.protectioncases.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import com.microsoft.playwright.Page;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.Roles;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page fits a phone: for each demo role, every route that role may open (read from the
 * routes' own access annotations, so a new view is checked without editing this test) is loaded
 * on an emulated 375×812 touch screen and must not scroll sideways. Routes with a parameter
 * take a sample record of the user's partner from {@link #SAMPLES}; a route without one fails.
 * Each page that overflows leaves a screenshot in {@code target/} and names the widest elements.
 */
class PhoneLayoutIT extends BrowserTestBase {

    /** A record of the partner (code as parameter 1, null for UNHCR/admin: any partner) per parameterised route. */
    static final Map<String, String> SAMPLES = Map.of(
            "cases/:id", "select min(id) from protection_case where ?::text is null or owning_partner = (select id from partner where code = ?)",
            "people/:id", "select min(id) from person where ?::text is null or registered_by_partner = (select id from partner where code = ?)",
            "visits/:id", "select min(id) from monitoring_visit where ?::text is null or owning_partner = (select id from partner where code = ?)",
            "sessions/:id([0-9]+)", "select min(s.id) from counselling_session s join protection_case c on c.id = s.case_id"
                    + " where ?::text is null or c.owning_partner = (select id from partner where code = ?)",
            "shelters/:id", "select min(id) from shelter where ?::text is null or ?::text is not null");

    /** Pages outside the app frame, checked signed out (login) or reached only during sign-in. */
    static final List<String> OUTSIDE_FRAME = List.of("login", "second-factor");

    record DemoLogin(String username, String role, String partner) {
    }

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("monitor.krct", Roles.PROTECTION_MONITOR, "KRCT"),
            new DemoLogin("coordinator.krct", Roles.PARTNER_COORDINATOR, "KRCT"),
            new DemoLogin("lawyer.at", Roles.PARTNER_LAWYER, "AT"),
            new DemoLogin("manager", Roles.UNHCR_MANAGER, null),
            new DemoLogin("admin", Roles.ADMIN, null));

    @Autowired
    @OwnerDatabase
    JdbcTemplate jdbc;

    /** Route template → the roles allowed (empty: every signed-in user). */
    static Map<String, List<String>> routes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, List<String>> routes = new TreeMap<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.protectioncases")) {
            Class<?> view = Class.forName(bean.getBeanClassName());
            String template = view.getAnnotation(Route.class).value();
            RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
            routes.put(template, allowed != null ? Arrays.asList(allowed.value())
                    : view.isAnnotationPresent(PermitAll.class) ? List.of() : List.of("-"));
        }
        return routes;
    }

    @Test
    void everyParameterisedRouteHasASampleAndEveryRouteIsChecked() throws Exception {
        Map<String, List<String>> routes = routes();
        assertThat(routes).containsKeys("", "visits/new", "people/new", "sessions/new", "login");
        List<String> parameterised = routes.keySet().stream().filter(r -> r.contains(":")).toList();
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(parameterised);
        for (String route : routes.keySet()) {
            if (!OUTSIDE_FRAME.contains(route)) {
                assertThat(LOGINS.stream().anyMatch(l -> mayOpen(routes.get(route), l)))
                        .as("some demo login may open /" + route).isTrue();
            }
        }
    }

    static boolean mayOpen(List<String> allowed, DemoLogin login) {
        return allowed.isEmpty() || allowed.contains(login.role());
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() throws Exception {
        Map<String, List<String>> routes = routes();
        List<String> overflowing = new ArrayList<>();
        onPhone(page -> {
            page.navigate(url("/login"));
            page.waitForSelector("vaadin-login-form");
            check(page, "signed-out", "login", overflowing);
        });
        for (DemoLogin login : LOGINS) {
            onPhone(page -> {
                signIn(page, login.username(), TestDatabaseInitializer.DEMO_PASSWORD);
                // The drawer starts closed on a phone: the page, not the menu, is what one sees first.
                assertThat((Boolean) page.evaluate("() => document.querySelector('vaadin-app-layout').drawerOpened"))
                        .as("drawer open on a phone").isFalse();
                routes.forEach((template, allowed) -> {
                    if (OUTSIDE_FRAME.contains(template) || !mayOpen(allowed, login)) {
                        return;
                    }
                    String path = template;
                    if (SAMPLES.containsKey(template)) {
                        Long id = jdbc.queryForObject(SAMPLES.get(template), Long.class, login.partner(), login.partner());
                        if (id == null) {
                            overflowing.add(login.username() + ": no sample record for /" + template);
                            return;
                        }
                        path = template.substring(0, template.indexOf(':')) + id;
                    }
                    try {
                        // Router navigation inside the running UI (as a menu tap does), not a full page load.
                        page.evaluate("p => { const a = document.createElement('a'); a.href = p; a.setAttribute('router-link', '');"
                                + " document.body.appendChild(a); a.click(); a.remove(); }", "/" + path);
                        // Reports query the whole period on first load: slow on a loaded 2-core machine. A page
                        // still loading after two minutes is measured as it stands (its frame and fields are there).
                        if (!settled(page, 60_000)) {
                            // Seen in three full runs (2026-12-03), never by hand: after a router navigation the
                            // Vaadin client stays "active" with the server idle, and every later navigation in
                            // that tab hangs too. A full page load of the same address recovers; the layout is
                            // then measured as before. Printed so the runs show how often (an open bug, see
                            // docs/phone.md), not hidden.
                            System.out.println("PHONE LAYOUT: /" + path + " still loading for " + login.username()
                                    + " after 60 s; loading it again in full");
                            page.navigate(url("/" + path));
                            if (!settled(page, 60_000)) {
                                System.out.println("PHONE LAYOUT: /" + path + " still loading after a full load");
                            }
                        }
                        String first = overflow(page, login.username(), path);
                        if (first != null) {
                            // Seen once in a fresh-clone run (2026-12-03, lawyer.at /people: every column shown
                            // after 20 s, never by hand or alone): the diagnostics say whether phone.js swept.
                            // A full load of the same address tells a page that does not fit (reported) from
                            // folding that did not happen in that tab (printed, see docs/phone.md).
                            System.out.println("PHONE LAYOUT: " + first + "; loading it again in full");
                            page.navigate(url("/" + path));
                            settled(page, 60_000);
                            String again = overflow(page, login.username(), path);
                            if (again != null) {
                                overflowing.add(again + " (first: " + first + ")");
                            } else {
                                System.out.println("PHONE LAYOUT: /" + path + " for " + login.username() + " fits after a full load");
                            }
                        }
                    } catch (RuntimeException e) {
                        overflowing.add(login.username() + " /" + path + ": " + e.getMessage().lines().findFirst().orElse(""));
                    }
                });
            });
        }
        assertThat(overflowing).as("pages wider than a 375 px phone").isEmpty();
    }

    /**
     * Phone screenshots of the main pages for docs/phone.md (copied from target/phone-screenshots
     * into docs/screenshots when they change): home, people, a person, the visit form, a case.
     */
    @Test
    void screenshotsOfTheMainPages() throws Exception {
        Path dir = Path.of("target", "phone-screenshots");
        java.nio.file.Files.createDirectories(dir);
        String partner = "KRCT";
        long person = jdbc.queryForObject(SAMPLES.get("people/:id"), Long.class, partner, partner);
        long caseId = jdbc.queryForObject(SAMPLES.get("cases/:id"), Long.class, partner, partner);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("people", "/people");
        pages.put("person", "/people/" + person);
        pages.put("visit-form", "/visits/new");
        pages.put("case", "/cases/" + caseId);
        onPhone(page -> {
            signIn(page, "coordinator.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            pages.forEach((name, path) -> {
                page.navigate(url(path));
                waitForVaadin(page);
                page.waitForTimeout(500);
                Path file = dir.resolve("phone-" + name + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                assertThat(file).isNotEmptyFile();
            });
        });
    }

    /**
     * Issue 13: the case list (the widest list, with a coordinator's filters and columns) fits a
     * 1280 px screen with the menu open, without scrolling sideways, in English and in Albanian.
     */
    @Test
    void theCaseListFitsA1280PixelScreen() {
        List<String> overflowing = new ArrayList<>();
        for (String coordinator : List.of("coordinator.krct", "coordinator.crpk")) {
            inBrowser(page -> {
                assertThat(page.viewportSize().width).isEqualTo(1280);
                signIn(page, coordinator, TestDatabaseInitializer.DEMO_PASSWORD);
                page.navigate(url("/cases"));
                com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("vaadin-grid")).isVisible();
                waitForVaadin(page);
                assertThat((Boolean) page.evaluate("() => document.querySelector('vaadin-app-layout').drawerOpened"))
                        .as("menu open at 1280 px").isTrue();
                check(page, coordinator, "cases", overflowing);
            });
        }
        assertThat(overflowing).as("the case list wider than a 1280 px screen").isEmpty();
    }

    /** Whether every Vaadin client on the page finished its round trips within {@code millis}. */
    private static boolean settled(Page page, double millis) {
        try {
            page.waitForFunction("() => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                    + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())",
                    null, new Page.WaitForFunctionOptions().setTimeout(millis));
            return true;
        } catch (com.microsoft.playwright.TimeoutError e) {
            return false;
        }
    }

    /** Whether every Vaadin client on the page is idle now (no waiting). */
    private static boolean settledNow(Page page) {
        return Boolean.TRUE.equals(page.evaluate("() => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())"));
    }

    private static void check(Page page, String who, String path, List<String> overflowing) {
        String problem = overflow(page, who, path);
        if (problem != null) {
            overflowing.add(problem);
        }
    }

    /** What overflows the screen once the page had time to settle (with phone.js's state), or null if it fits. */
    private static String overflow(Page page, String who, String path) {
        // Grids and charts lay out after the round trip (and phone.js folds columns in the next frame):
        // give the page up to 20 s to settle within the width before measuring it (5 s was too short on CI).
        // A page whose round trip is still running then (seen once at load 19: the sessions grid measured
        // with all its columns, the loading bar still showing) gets up to another minute to finish and
        // 20 s more to lay out; a page that is done loading and still too wide is reported at once.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                page.waitForFunction("""
                        () => document.documentElement.scrollWidth <= window.innerWidth
                          && [...document.querySelectorAll('vaadin-grid')].every(g => { const t = g.shadowRoot && g.shadowRoot.querySelector('#table');
                                 return !g.offsetParent || !t || t.scrollWidth - t.clientWidth <= 1; })""",
                        null, new Page.WaitForFunctionOptions().setTimeout(20_000).setPollingInterval(250));
                break;
            } catch (com.microsoft.playwright.TimeoutError e) {
                if (attempt > 0 || settledNow(page)) {
                    break; // measured and reported below
                }
                System.out.println("PHONE LAYOUT: /" + path + " for " + who + " still loading after 20 s; waiting for it");
                settled(page, 60_000);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) page.evaluate("""
                () => {
                  const w = window.innerWidth;
                  // The page itself, the app layout's scrolling content area, and any table scrolled
                  // sideways inside a grid (columns cut off): each counts as content wider than the phone.
                  let over = document.documentElement.scrollWidth - w;
                  const where = [];
                  const layout = document.querySelector('vaadin-app-layout');
                  const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
                  if (content && content.scrollWidth - content.clientWidth > over) {
                    over = content.scrollWidth - content.clientWidth;
                  }
                  for (const grid of document.querySelectorAll('vaadin-grid')) {
                    const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
                    if (grid.offsetParent && table && table.scrollWidth - table.clientWidth > 1) {
                      over = Math.max(over, table.scrollWidth - table.clientWidth);
                      const columns = [...grid.querySelectorAll('vaadin-grid-column, vaadin-grid-sort-column')]
                        .map(c => (c.hidden ? 'h' : 'v') + (c.__pcPhoneHidden ? '*' : '') + (c.__pcPhoneShared ? 's' : '') + ':' + c.width).join(' ');
                      where.push('grid[' + (grid.getAttribute('aria-label') || grid.accessibleName || '') + '] ' + table.scrollWidth + '/' + table.clientWidth
                          + ' columns ' + columns);
                    }
                  }
                  const wide = [...document.querySelectorAll('body *')]
                    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1; })
                    .slice(-4).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
                  const p = window.pcPhone;
                  const sweeps = p ? 'phone.js: ' + p.sweeps + ' sweeps, last ' + (Date.now() - p.last) + ' ms ago'
                      + (p.errors.length ? ', errors ' + p.errors.join(' | ') : '') : 'phone.js not loaded';
                  return { scroll: w + Math.max(0, over), width: w, wide: where.concat(wide).concat([sweeps]).join(', ') };
                }""");
        int scroll = ((Number) m.get("scroll")).intValue();
        int width = ((Number) m.get("width")).intValue();
        if (scroll > width) {
            Path shot = Path.of("target", "phone-overflow-" + who + "-" + path.replaceAll("[^a-zA-Z0-9]+", "_") + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            return who + " /" + path + ": " + scroll + " px > " + width + " px (" + m.get("wide") + ") " + shot;
        }
        return null;
    }
}
