package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The field forms on an emulated phone (375×812, touch): every control can be hit with a finger,
 * a monitor records a border visit with counts and a referral by taps and typing only (the taps
 * are counted), and the app is installable (manifest, icons) with an offline page.
 */
class PhoneFormsIT extends BrowserTestBase {

    /** WCAG 2.5.5 (enhanced target size): 44×44 CSS pixels. */
    static final int MIN_TARGET = 44;

    @Autowired
    PersonService people;
    @Autowired
    ConsentService consents;
    @Autowired
    SystemAccess system;
    @Autowired
    org.protectioncases.monitoring.VisitService visits;
    @Autowired
    org.protectioncases.monitoring.VisitReferralService visitReferrals;

    /** Visible controls smaller than 44×44 px: the input box of a field, the host of a button or checkbox. */
    static List<String> smallTargets(Page page) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.evaluate("""
                min => {
                  const fields = 'vaadin-text-field, vaadin-integer-field, vaadin-number-field, vaadin-email-field, vaadin-password-field,'
                    + ' vaadin-text-area, vaadin-select, vaadin-combo-box, vaadin-multi-select-combo-box, vaadin-date-picker';
                  const hosts = 'vaadin-button, vaadin-checkbox, vaadin-radio-button, vaadin-drawer-toggle, vaadin-tab, a[href]';
                  const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
                      && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden]'); };
                  const describe = (e, r) => e.tagName.toLowerCase() + ' "' + (e.getAttribute('aria-label') || e.label
                      || (e.textContent || '').trim().slice(0, 30)) + '" ' + Math.round(r.width) + '×' + Math.round(r.height);
                  const out = [];
                  for (const e of document.querySelectorAll(fields)) {
                    if (!visible(e) || e.disabled || e.readonly) continue;
                    const box = e.shadowRoot && e.shadowRoot.querySelector('[part~="input-field"]');
                    const r = (box || e).getBoundingClientRect();
                    if (r.height < min || r.width < min) out.push(describe(e, r));
                  }
                  for (const e of document.querySelectorAll(hosts)) {
                    if (!visible(e) || e.disabled) continue;
                    const r = e.getBoundingClientRect();
                    if (r.height < min - 0.5 || r.width < min - 0.5) out.push(describe(e, r));
                  }
                  return out;
                }""", MIN_TARGET);
        return small;
    }

    private static void assertTapTargets(Page page, String form) {
        waitForAnimations(page);
        List<String> small = smallTargets(page);
        if (!small.isEmpty()) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "phone-small-targets-" + form + ".png")).setFullPage(true));
        }
        assertThat(small).as("controls under 44×44 px on the " + form + " form").isEmpty();
    }

    @Test
    void everyControlOfTheFieldFormsIsBigEnoughForAFinger() {
        PersonDetails met = system.runAsAccount("lawyer.krct", () -> people.register(PersonForm.of("Arben", "Krasniqi", Sex.MALE,
                LocalDate.of(1988, 2, 3), BirthDatePrecision.EXACT, Community.ALBANIAN, "POD"), List.of()));
        onPhone(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/visits/new"));
            waitForVaadin(page);
            // The border counts appear for a crossing point (the monitor works in Albanian): measure them too.
            page.locator("main vaadin-select").first().click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Pikë e kalimit kufitar")).click();
            waitForVaadin(page);
            // And a referral being typed on the form, for a person linked to the visit.
            page.getByLabel("Numri i regjistrimit", new Page.GetByLabelOptions().setExact(true)).fill(met.registrationNo());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lidh personin")).click();
            waitForVaadin(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Shto referim")).click();
            waitForVaadin(page);
            assertThat(page.locator(".visit-referral vaadin-select")).containsText("Arben Krasniqi");
            assertThat(page.locator(".visit-referral")).containsText("Referuar te");
            assertTapTargets(page, "visit");
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            page.navigate(url("/people/new"));
            waitForVaadin(page);
            assertTapTargets(page, "registration");
        });
    }

    @Test
    void everyControlOfTheSessionDialogIsBigEnoughForAFinger() {
        onPhone(page -> {
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/sessions/new"));
            waitForVaadin(page);
            page.locator("main vaadin-button").first().click();
            // The dialog's host is not laid out itself (its content is shown in an overlay): wait until it is open.
            assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
            waitForVaadin(page);
            assertTapTargets(page, "session");
        });
    }

    /** Counts the taps of a phone user: each tap on the screen; typing on the on-screen keyboard is not a tap. */
    static final class Taps {
        final Page page;
        int count;

        Taps(Page page) {
            this.page = page;
        }

        void tap(Locator target) {
            target.tap();
            count++;
            waitForVaadin(page);
        }

        void type(Locator field, String text) {
            tap(field);
            page.keyboard().type(text);
        }
    }

    @Test
    void aMonitorRecordsABorderVisitWithCountsAndAReferralInAtMost25Taps() {
        PersonDetails met = system.runAsAccount("lawyer.krct", () -> {
            PersonDetails p = people.register(PersonForm.of("Driton", "Berisha", Sex.MALE, LocalDate.of(1990, 5, 4),
                    BirthDatePrecision.EXACT, Community.ALBANIAN, "POD"), List.of());
            consents.recordConsent(p.id(), ConsentScope.REFERRAL, LocalDate.now(), "verbal, at the crossing point");
            return p;
        });
        String reason = "Seeks asylum, no documents " + System.nanoTime() % 100000;
        onPhone(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            // The monitor works in Albanian; the journey reads English labels (a setting, not counted as taps).
            page.navigate(url("/"));
            waitForVaadin(page);
            page.evaluate("() => document.querySelector('vaadin-select.header-language').style.display = 'inline-flex'");
            chooseLanguage(page, "English");
            Taps taps = new Taps(page);
            taps.tap(page.locator("vaadin-drawer-toggle"));
            taps.tap(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Monitoring visits")).first());
            page.waitForURL(Pattern.compile(".*/visits$"));
            taps.tap(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record visit")));
            page.waitForURL(Pattern.compile(".*/visits/new$"));

            taps.tap(page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Location type")));
            taps.tap(page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Border crossing point")));
            taps.type(page.getByLabel("Municipality", new Page.GetByLabelOptions().setExact(true)), "Podujev");
            taps.tap(page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Podujeva").setVisible(true)).first());
            taps.type(page.getByLabel("Place", new Page.GetByLabelOptions().setExact(true)), "Merdare");
            taps.type(page.getByLabel("Persons observed", new Page.GetByLabelOptions().setExact(true)), "37");
            taps.type(page.getByLabel("New arrivals", new Page.GetByLabelOptions().setExact(true)), "9");
            taps.type(page.getByLabel("Intending to seek asylum", new Page.GetByLabelOptions().setExact(true)), "2");
            taps.type(page.getByLabel("Female 18–59", new Page.GetByLabelOptions().setExact(true)), "2");
            taps.type(page.getByLabel("Male 18–59", new Page.GetByLabelOptions().setExact(true)), "5");
            taps.type(page.getByLabel("Registration number", new Page.GetByLabelOptions().setExact(true)), met.registrationNo());
            taps.tap(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link person")));
            assertThat(page.locator(".counts-total")).containsText("7");
            assertThat(page.locator(".visit-people")).containsText("Driton Berisha");

            // The referral on the form itself, before saving: the one person linked is already chosen.
            taps.tap(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add referral")));
            assertThat(page.locator(".visit-referral vaadin-select")).containsText("Driton Berisha");
            taps.type(page.getByLabel("Referred to", new Page.GetByLabelOptions().setExact(true)), "Ministry of Internal");
            taps.tap(page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Ministry of Internal Affairs").setVisible(true)).first());
            taps.type(page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)), reason);
            // The counts and the referral fit the phone: no sideways scrolling while typing.
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

            taps.tap(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record visit")));
            page.waitForURL(Pattern.compile(".*/visits/\\d+$"));
            assertThat(page.getByText("Referral recorded")).isVisible();
            assertThat(page.locator(".facts")).containsText("37");
            // The monitor is named, not shown by username.
            assertThat(page.locator(".facts")).containsText("Besnik Hoxha");

            // Checking the saved visit's referrals is the test's, not the monitor's: not counted.
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Referrals")).tap();
            waitForVaadin(page);
            assertThat(page.locator("vaadin-grid").filter(new Locator.FilterOptions().setHasText("Ministry of Internal Affairs"))).isVisible();
            // The reason's column is folded away on a phone: read it from the service.
            long visitId = Long.parseLong(page.url().replaceAll(".*/visits/(\\d+).*", "$1"));
            assertThat(system.runAsAccount("monitor.krct", () -> visitReferrals.referrals(visitId)))
                    .singleElement().satisfies(r -> {
                        assertThat(r.reason()).isEqualTo(reason);
                        assertThat(r.personId()).isEqualTo(met.id());
                    });
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "phone-border-visit.png")).setFullPage(true));
            System.out.println("PHONE JOURNEY: border visit with counts and a referral in " + taps.count + " taps");
            // Back to the monitor's own language (remembered for the account, other journeys expect it).
            page.evaluate("() => document.querySelector('vaadin-select.header-language').style.display = 'inline-flex'");
            chooseLanguage(page, "Shqip");
            assertThat(taps.count).as("taps").isLessThanOrEqualTo(25);
        });
    }

    /**
     * In Serbian: a referral typed on the form for a person without consent to referral is refused
     * next to the person, the consent dialog is offered, and nothing is recorded; everything typed stays.
     */
    @Test
    void aReferralOnTheVisitFormWithoutConsentIsRefusedNextToThePersonAndNothingIsRecorded() {
        PersonDetails met = system.runAsAccount("lawyer.at", () -> people.register(PersonForm.of("Dragan", "Nikolić", Sex.MALE,
                LocalDate.of(1979, 8, 9), BirthDatePrecision.EXACT, Community.SERB, "POD"), List.of()));
        String reason = "Traži azil " + System.nanoTime() % 100000;
        long visitsBefore = system.runAsAccount("monitor.at", () -> visits.count(org.protectioncases.monitoring.VisitFilter.all()));
        onPhone(page -> {
            signIn(page, "monitor.at", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/visits/new"));
            waitForVaadin(page);
            page.getByLabel("Registracioni broj", new Page.GetByLabelOptions().setExact(true)).fill(met.registrationNo());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Poveži osobu")).click();
            waitForVaadin(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dodaj upućivanje")).click();
            waitForVaadin(page);
            page.getByLabel("Primalac upućivanja", new Page.GetByLabelOptions().setExact(true)).fill("MKCK");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("MKCK").setVisible(true)).first().click();
            page.getByLabel("Razlog", new Page.GetByLabelOptions().setExact(true)).fill(reason);
            waitForVaadin(page);
            assertTapTargets(page, "visit-referral-sr");
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zabeleži posetu")).click();
            waitForVaadin(page);
            Locator person = page.locator(".visit-referral vaadin-select");
            assertThat(person).hasAttribute("invalid", "");
            assertThat(person).containsText("nema evidentiranu saglasnost za upućivanje");
            // As on a saved visit's page: the consent can be recorded right here; not now.
            assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ne sada")).click();
            waitForVaadin(page);
            assertThat(page).hasURL(Pattern.compile(".*/visits/new$"));
            assertThat(page.getByLabel("Razlog", new Page.GetByLabelOptions().setExact(true))).hasValue(reason);
            assertThat(person).containsText("Dragan Nikolić");
            page.locator(".visit-referral").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "phone-visit-referral-sr.png")));
        });
        // Nothing was recorded, not even the visit.
        assertThat(system.runAsAccount("monitor.at", () -> visits.count(org.protectioncases.monitoring.VisitFilter.all())))
                .isEqualTo(visitsBefore);
    }

    @Test
    void whenTheConnectionIsGoneAPageOpenedShowsTheOfflinePageNotTheBrowsersError() {
        onPhone(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            // phone.js registers the service worker on touch screens; wait until it controls the page.
            page.waitForFunction("() => !!navigator.serviceWorker.controller", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(500));
            page.context().setOffline(true);
            try {
                page.navigate(url("/visits"));
                assertThat(page.locator("#offline-sq")).containsText("Draftet");
                assertThat(page.locator("#offline-en")).containsText("needs a connection");
                assertThat(page.locator("#offline-sr-cyrl")).containsText("нацрти");
                // Its icon comes from the worker's cache too (the address is the page's, not /offline.html).
                assertThat((Boolean) page.evaluate("() => { const i = document.querySelector('img'); return i.complete && i.naturalWidth > 0; }")).isTrue();
            } finally {
                page.context().setOffline(false);
            }
            // Back online: the same address is the app again, never a cached copy of a page.
            page.navigate(url("/visits"));
            assertThat(page.locator("vaadin-app-layout")).isVisible();
            assertThat(page.locator("#offline-en")).hasCount(0);
        });
    }

    @Test
    void theAppIsInstallableAndHasAnOfflinePage() {
        onPhone(page -> {
            APIResponse manifest = page.request().get(url("/manifest.webmanifest"));
            assertThat(manifest.status()).isEqualTo(200);
            JsonNode json = JsonMapper.builder().build().readTree(manifest.text());
            assertThat(json.path("name").asString()).isEqualTo("Protection Cases");
            assertThat(json.path("short_name").asString()).isNotBlank();
            assertThat(json.path("start_url").asString()).isNotBlank();
            assertThat(json.path("display").asString()).isEqualTo("standalone");
            assertThat(json.path("theme_color").asString()).matches("#[0-9a-f]{6}");
            List<String> sizes = new java.util.ArrayList<>();
            for (JsonNode icon : json.path("icons")) {
                APIResponse png = page.request().get(url("/" + icon.path("src").asString()));
                assertThat(png.status()).as(icon.path("src").asString()).isEqualTo(200);
                assertThat(png.headers().get("content-type")).isEqualTo("image/png");
                sizes.add(icon.path("sizes").asString());
            }
            assertThat(sizes).contains("192x192", "512x512");

            // The login page links the manifest (installable before signing in) and still works under the CSP.
            page.navigate(url("/login"));
            page.waitForSelector("vaadin-login-form");
            assertThat(page.locator("link[rel=manifest]")).hasAttribute("href", "manifest.webmanifest");
            // The offline page: served without signing in, in the three languages, saying drafts are kept.
            APIResponse offline = page.request().get(url("/offline.html"));
            assertThat(offline.status()).isEqualTo(200);
            page.navigate(url("/offline.html"));
            assertThat(page.locator("#offline-en")).containsText("needs a connection");
            assertThat(page.locator("#offline-en")).containsText("drafts");
            assertThat(page.locator("#offline-sq")).containsText("Draftet");
            assertThat(page.locator("#offline-sr")).containsText("nacrti");
        });
    }
}
