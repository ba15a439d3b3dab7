package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * A CRPK lawyer registers a person in the browser, past the duplicate panel; a KRCT monitor who
 * types that person's URL sees "not found"; a UNHCR manager sees the person and who opened it.
 */
class PeopleJourneyIT extends BrowserTestBase {

    @Test
    void registerPastTheDuplicatePanelThenOtherPartnersCannotOpenIt() {
        String[] personUrl = new String[1];
        inBrowser(page -> {
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            // The CRPK lawyer's remembered language is Albanian: switch to English for this journey.
            chooseLanguage(page, "English");
            page.waitForTimeout(500);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")).first().click();
            page.waitForURL(java.util.regex.Pattern.compile(".*/people$"));
            waitForVaadin(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register person")).click();
            page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill("Djordje");
            page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill("Petrovich");
            assertThat(page.locator(".duplicates")).containsText("Đorđe Petrović");
            // Each match in plain words: sex, birth year, father's name, municipality (or that they are not recorded).
            assertThat(page.locator(".duplicate-about").first()).containsText(Pattern.compile("^(Male|Female|Other / not stated), .*father.*"));

            page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Sex")).click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Male")).first().click();
            page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Community")).click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Serb")).first().click();
            page.getByText("None of these is the person I am registering").click();
            // The registration consent is recorded in the same form.
            page.getByLabel("Registration", new Page.GetByLabelOptions().setExact(true)).check();
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "registration-1280.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register person")).click();
            page.waitForURL(Pattern.compile(".*/people/\\d+$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Djordje Petrovich"))).isVisible();
            assertThat(page.locator(".person-card")).containsText("Consent given to");
            assertThat(page.locator(".person-card")).containsText("Registration");
            personUrl[0] = page.url();

            // Put the language back as it was for other tests.
            chooseLanguage(page, "Shqip");
            page.waitForTimeout(500);
            signOut(page, "Dil");
        });
        inBrowser(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(personUrl[0]);
            assertThat(page.locator("h2")).isVisible();
            assertThat(page.locator("body")).not().containsText("Petrovich");
            signOut(page, "Dil");
        });
        inBrowser(page -> {
            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(personUrl[0]);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Djordje Petrovich"))).isVisible();
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Who opened this record")).click();
            assertThat(page.getByText("Besnik Hoxha")).isVisible();  // staff by name, not username (issue 13)
            assertThat(page.getByText("Refused (other partner or missing)").first()).isVisible();
            signOut(page, "Log out");
        });
    }
}
