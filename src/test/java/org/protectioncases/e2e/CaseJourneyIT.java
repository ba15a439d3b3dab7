package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * The journey in a browser: a CRPK lawyer registers a person past the duplicate panel
 * (which offers the seeded Đorđe Petrović), records consent, opens a civil documentation case,
 * refers it to the municipal civil registry and closes it with an outcome; a KRCT lawyer cannot
 * open the case URL; a UNHCR manager sees the case, its history and who opened it.
 */
class CaseJourneyIT extends BrowserTestBase {

    private static void choose(Page page, String selectLabel, String item) {
        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText(selectLabel)).last().click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    private static void english(Page page) {
        chooseLanguage(page, "English");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))).isVisible();
    }

    private static void shqip(Page page) {
        chooseLanguage(page, "Shqip");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dil"))).isVisible();
    }

    @Test
    void civilDocumentationCaseFromOpeningToClosingAndOnlyTheRightPeopleSeeIt() {
        String[] caseUrl = new String[1];
        inBrowser(page -> {
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            english(page);
            // Register the person; the duplicate panel offers the seeded Đorđe Petrović spelled differently.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")).first().click();
            page.waitForURL(Pattern.compile(".*/people$"));
            waitForVaadin(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register person")).click();
            page.getByLabel("Given name", new Page.GetByLabelOptions().setExact(true)).fill("Đorđe");
            page.getByLabel("Family name", new Page.GetByLabelOptions().setExact(true)).fill("Petrovič");
            assertThat(page.locator(".duplicates")).containsText("Đorđe Petrović");
            choose(page, "Sex", "Male");
            choose(page, "Community", "Serb");
            page.getByText("None of these is the person I am registering").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register person")).click();
            page.waitForURL(Pattern.compile(".*/people/\\d+$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Đorđe Petrovič"))).isVisible();

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Consents")).click();
            choose(page, "Consent to", "Referral to services");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record consent")).click();
            assertThat(page.getByText("Consent recorded")).isVisible();

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Cases")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a case")).click();
            page.waitForURL(Pattern.compile(".*/cases/new\\?person=\\d+$"));
            choose(page, "Document sought", "Birth certificate");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open a case")).click();
            page.waitForURL(Pattern.compile(".*/cases/\\d+$"));
            caseUrl[0] = page.url();
            assertThat(page.locator(".case-status")).hasText("Open");

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Referrals")).click();
            page.getByLabel("Referred to", new Page.GetByLabelOptions().setExact(true)).fill("Municipal civil");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Municipal civil registry")).click();
            page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Late registration of birth");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer").setExact(true)).click();
            assertThat(page.getByText("Referral recorded")).isVisible();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the case")).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByText("Choose the outcome before closing the case")).isVisible();
            choose(page, "Outcome", "Document obtained");
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator(".case-status")).containsText("Closed");
            assertThat(page.locator(".case-status")).containsText("Document obtained");

            shqip(page);
            signOut(page, "Dil");
        });
        inBrowser(page -> {
            signIn(page, "lawyer.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(caseUrl[0]);
            assertThat(page.locator("h2")).isVisible();
            assertThat(page.locator("body")).not().containsText("Petrovič");
            assertThat(page.locator(".case-status")).hasCount(0);
            signOut(page, "Log out");
        });
        inBrowser(page -> {
            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(caseUrl[0]);
            assertThat(page.locator(".case-status")).containsText("Closed");
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
            assertThat(page.getByText("Referral sent").filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Who opened this case")).click();
            assertThat(page.getByText("lawyer.krct").filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();
            assertThat(page.getByText("lawyer.crpk").filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();
            signOut(page, "Log out");
        });
    }
}
