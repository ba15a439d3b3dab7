package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monitoring journey in a browser: the KRCT monitor records a visit to the Merdare
 * border crossing point with its counts and a person met there (registered by KRCT, with consent
 * to referral), refers that person from the visit page and sees the referral; the AT monitor
 * opening the visit's URL gets "not found", and the administrator cannot open it either.
 */
class VisitJourneyIT extends BrowserTestBase {

    @Autowired
    PersonService people;
    @Autowired
    ConsentService consents;
    @Autowired
    SystemAccess system;

    private static void choose(Page page, String selectLabel, String item) {
        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText(selectLabel)).last().click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    private static void language(Page page, String language, String logoutLabel) {
        page.locator("vaadin-select.header-language").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(language)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(logoutLabel))).isVisible();
    }

    @Test
    void aMonitorRecordsABorderVisitWithCountsAndAReferralAndNobodyElseSeesIt() {
        String reason = "Expressed intention to seek asylum " + System.nanoTime() % 100000;
        PersonDetails met = system.runAsAccount("lawyer.krct", () -> {
            PersonDetails p = people.register(PersonForm.of("Arian", "Kelmendi", Sex.MALE, LocalDate.of(1994, 3, 2),
                    BirthDatePrecision.EXACT, Community.ALBANIAN, "POD"), List.of());
            consents.recordConsent(p.id(), ConsentScope.REFERRAL, LocalDate.now(), "verbal, at the crossing point");
            return p;
        });
        String[] visitUrl = new String[1];
        inBrowser(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            // The KRCT monitor works in Albanian; the journey reads English labels and switches back at the end.
            language(page, "English", "Log out");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Monitoring visits")).first().click();
            page.waitForURL(Pattern.compile(".*/visits$"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record visit")).click();
            page.waitForURL(Pattern.compile(".*/visits/new$"));

            choose(page, "Location type", "Border crossing point");
            assertThat(page.getByLabel("Persons observed", new Page.GetByLabelOptions().setExact(true))).isVisible();
            page.getByLabel("Municipality", new Page.GetByLabelOptions().setExact(true)).fill("Podujev");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Podujeva")).click();
            page.getByLabel("Place", new Page.GetByLabelOptions().setExact(true)).fill("Merdare crossing point");
            page.getByLabel("Persons observed", new Page.GetByLabelOptions().setExact(true)).fill("37");
            page.getByLabel("New arrivals", new Page.GetByLabelOptions().setExact(true)).fill("9");
            page.getByLabel("Intending to seek asylum", new Page.GetByLabelOptions().setExact(true)).fill("40");
            page.getByLabel("Female 18–59", new Page.GetByLabelOptions().setExact(true)).fill("2");
            page.getByLabel("Male 18–59", new Page.GetByLabelOptions().setExact(true)).fill("5");
            page.getByLabel("Registration number", new Page.GetByLabelOptions().setExact(true)).fill(met.registrationNo());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link person")).click();
            assertThat(page.locator(".visit-people")).containsText("Arian Kelmendi");
            page.getByText("Documentation", new Page.GetByTextOptions().setExact(true)).click();
            page.getByLabel("Findings", new Page.GetByLabelOptions().setExact(true)).fill("Deportee without identity documents.");

            // More asylum intentions than persons observed: refused next to the field, nothing saved.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record visit")).click();
            // Next to the field (Vaadin also announces it in an aria-live region, so the text is there twice).
            assertThat(page.locator("[slot=error-message]").getByText("Cannot be more than the persons observed")).isVisible();
            assertThat(page).hasURL(Pattern.compile(".*/visits/new$"));
            page.getByLabel("Intending to seek asylum", new Page.GetByLabelOptions().setExact(true)).fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record visit")).click();
            page.waitForURL(Pattern.compile(".*/visits/\\d+$"));
            visitUrl[0] = page.url();
            assertThat(page.locator("h2")).containsText("Border crossing point · Merdare crossing point");
            assertThat(page.locator(".facts")).containsText("37");
            assertThat(page.locator(".facts")).containsText("Border monitoring");
            assertThat(page.locator(".visit-people")).containsText("Arian Kelmendi");

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Referrals")).click();
            page.getByLabel("Referred to", new Page.GetByLabelOptions().setExact(true)).fill("Ministry of Internal");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Ministry of Internal Affairs")).click();
            page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill(reason);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer").setExact(true)).click();
            assertThat(page.getByText("Referral recorded")).isVisible();
            Locator referrals = page.locator("vaadin-grid").filter(new Locator.FilterOptions().setHasText("Referred to"));
            assertThat(referrals).containsText("Ministry of Internal Affairs");
            assertThat(referrals).containsText(reason);

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
            assertThat(page.getByText("Visit recorded").filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();

            language(page, "Shqip", "Dil");
            signOut(page, "Dil");
        });
        inBrowser(page -> {
            signIn(page, "monitor.at", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(visitUrl[0]);
            assertThat(page.locator("h2")).hasText("Poseta nije pronađena");
            assertThat(page.locator("body")).not().containsText("Kelmendi");
            assertThat(page.locator("body")).not().containsText(reason);
            assertThat(page.locator(".facts")).hasCount(0);
            signOut(page, "Odjava");
        });
        inBrowser(page -> {
            signIn(page, "admin", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(visitUrl[0]);
            // Visits are not an administrator's to open: answered like an unknown route, naming nothing.
            assertThat(page.locator("body")).containsText("Page not found");
            assertThat(page.locator("body")).containsText("This page does not exist, or you cannot open it.");
            assertThat(page.locator("body")).not().containsText("Merdare");
            assertThat(page.locator("body")).not().containsText("Kelmendi");
            assertThat(page.locator(".facts")).hasCount(0);
        });
    }
}
