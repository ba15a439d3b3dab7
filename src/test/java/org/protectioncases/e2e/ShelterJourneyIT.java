package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shelters.ShelterForm;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "done when" in a browser: a KRCT protection monitor opens the shelters, opens one,
 * moves a person in (found by registration number) and out again, and the occupancy follows.
 */
class ShelterJourneyIT extends BrowserTestBase {

    @Autowired
    ShelterService shelters;
    @Autowired
    PersonService people;
    @Autowired
    SystemAccess system;

    private static void language(Page page, String name, String logout) {
        page.locator("vaadin-select.header-language").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(name)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(logout))).isVisible();
    }

    @Test
    void aMonitorMovesAPersonInAndOutAndTheOccupancyFollows() {
        String name = "Collective Centre Partesh annex " + UUID.randomUUID().toString().substring(0, 6);
        system.runAsAccount("manager", () -> shelters.create(new ShelterForm(name, "PAR", "Partesh, school annex", 15,
                LocalDate.of(2002, 6, 1), "Municipal Office for Communities and Returns, Partes")));
        PersonDetails person = system.runAsAccount("monitor.krct", () -> people.register(PersonForm.of("Dragana", "Stojanović",
                Sex.FEMALE, LocalDate.of(1981, 2, 14), BirthDatePrecision.EXACT, Community.SERB, "PAR"), List.of()));
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

        inBrowser(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            language(page, "English", "Log out");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shelters")).first().click();
            page.waitForURL(Pattern.compile(".*/shelters$"));
            assertThat(page.locator(".shelter-figure")).containsText("persons in");

            page.getByLabel("Municipality", new Page.GetByLabelOptions().setExact(true)).fill("Partes");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Partes")).first().click();
            // The grid recycles row elements while it scrolls them into view, which defeats a pointer click in
            // headless Chromium; a click event on the shelter's link is what a keyboard user's Enter sends too.
            assertThat(page.locator("vaadin-grid")).containsText(name);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).first().dispatchEvent("click");
            page.waitForURL(Pattern.compile(".*/shelters/\\d+$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
            assertThat(page.getByText("Persons living here on " + today + ": 0 (capacity 15)")).isVisible();

            page.getByLabel("Person (registration number or name)", new Page.GetByLabelOptions().setExact(true))
                    .fill(person.registrationNo());
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(person.registrationNo())).first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move in").setExact(true)).click();
            assertThat(page.getByText("Persons living here on " + today + ": 1 (capacity 15)")).isVisible();
            assertThat(page.locator(".residents").getByRole(AriaRole.LINK)).containsText(person.registrationNo());
            assertThat(page.locator(".facts")).containsText("1 / 15");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Move out: " + person.registrationNo()))).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move out").setExact(true)).click();
            assertThat(page.getByText("Persons living here on " + today + ": 0 (capacity 15)")).isVisible();
            assertThat(page.locator(".facts")).containsText("0 / 15");

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Residence history")).click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile(person.registrationNo())))
                    .filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();

            language(page, "Shqip", "Dil");
            signOut(page, "Dil");
        });
    }
}
