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

    @org.springframework.beans.factory.annotation.Autowired
    org.protectioncases.security.SystemAccess system;
    @org.springframework.beans.factory.annotation.Autowired
    org.protectioncases.people.PersonService people;
    @org.springframework.beans.factory.annotation.Autowired
    org.protectioncases.cases.CaseWorkflowService workflow;

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", name)).setFullPage(true));
    }

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

            // Closing (issue 13): a rare, final action in the "More actions" menu; the dialog lists what is
            // still open (the referral, no answer yet) and wants a decision for each.
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark in progress"))).isVisible();
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("More actions")).click();
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Close the case")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("Referral to Municipal civil registry");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close the case")).click();
            assertThat(dialog.getByText("Decide for every open item before closing the case")).isVisible();
            dialog.getByText("Withdraw the referral").click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close the case")).click();
            assertThat(dialog.getByText("Choose the outcome before closing the case")).isVisible();
            choose(page, "Outcome", "Document obtained");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close the case")).click();
            assertThat(page.locator(".case-status")).containsText("Closed");
            assertThat(page.locator(".case-status")).containsText("Document obtained");
            // Closed means read-only until reopened: no Save, no transfer, only Reopen.
            assertThat(page.getByText("This case is closed and read-only")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))).hasCount(0);
            assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("More actions"))).hasCount(0);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen the case"))).isVisible();
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Referrals")).click();
            assertThat(page.getByText("Withdrawn").filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();

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
            // Staff by full name, never by username (issue 13): on the case page, in the list and in the export.
            assertThat(page.getByText("Besa Morina").filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();
            assertThat(page.getByText("Vjosa Gashi").filter(new Locator.FilterOptions().setVisible(true)).first()).isVisible();
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Summary")).click();
            assertThat(page.locator(".facts")).containsText("Vjosa Gashi");
            assertThat(page.locator("main")).not().containsText("lawyer.crpk");
            assertThat(page.locator("main")).not().containsText("lawyer.krct");
            shot(page, "case-closed-1280.png");

            // The case list: found by the person's name typed without diacritics; caseworker by name.
            page.navigate(url("/cases"));
            waitForVaadin(page);
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("dorde petrovic");
            Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Petrovič"));
            assertThat(row.first()).isVisible();
            assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Vjosa Gashi")).first())
                    .isVisible();
            assertThat(page.locator("vaadin-grid")).not().containsText("lawyer.crpk");
            assertThat(page.getByText("Rows in red with a bar")).isVisible();
            shot(page, "cases-list-1280.png");
            signOut(page, "Log out");
        });
    }

    /**
     * Issue 13: the coordinator's home shows the team's overdue work per caseworker (by name), and
     * the overdue link opens the list filtered; the case page and the list also work on a phone.
     */
    @Test
    void coordinatorSeesOverdueWorkPerCaseworkerAndTheCasePagesFitAPhone() {
        var overdue = system.runAsAccount("lawyer.crpk", () -> {
            var p = people.register(org.protectioncases.people.PersonForm.of("Overdue", "Qerimi", org.protectioncases.people.Sex.MALE,
                    java.time.LocalDate.of(1970, 1, 1), org.protectioncases.people.BirthDatePrecision.EXACT,
                    org.protectioncases.people.Community.ALBANIAN, "PRI"), java.util.List.of());
            var c = workflow.open(new org.protectioncases.cases.NewCase(p.id(), org.protectioncases.cases.CaseType.CIVIL_DOCUMENTATION,
                    org.protectioncases.cases.CasePriority.NORMAL, "Overdue next action", null, null, java.time.LocalDate.now().minusDays(20)));
            return workflow.update(c.id(), c.version(), new org.protectioncases.cases.CaseUpdate(org.protectioncases.cases.CasePriority.NORMAL,
                    java.time.LocalDate.now().minusDays(3), "Overdue next action", null, null, null, null));
        });
        inBrowser(page -> {
            signIn(page, "coordinator.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            english(page);
            page.navigate(url("/"));
            waitForVaadin(page);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overdue work by caseworker"))).isVisible();
            Locator team = page.locator("vaadin-grid").filter(new Locator.FilterOptions().setHasText("Overdue follow-ups"));
            assertThat(team).containsText("Vjosa Gashi");
            assertThat(team).not().containsText("lawyer.crpk");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Transfers waiting for your decision"))).isVisible();
            shot(page, "home-coordinator-1280.png");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show the overdue cases")).click();
            page.waitForURL(Pattern.compile(".*/cases\\?overdue.*"));
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(overdue.summary().caseNo());
            assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Qerimi")).first()).isVisible();
            shqip(page);
            signOut(page, "Dil");
        });
        onPhone(page -> {
            // lawyer.crpk works in Albanian (the language selector is folded away on phones).
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + overdue.id()));
            waitForVaadin(page);
            assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Më shumë veprime"))).isVisible();
            shot(page, "case-375.png");
            page.navigate(url("/cases"));
            waitForVaadin(page);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rast i ri"))).isVisible();
            shot(page, "cases-list-375.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rast i ri")).click();
            page.waitForURL(Pattern.compile(".*/cases/new$"));
            assertThat(page.getByText("Rasti hapet për një person të regjistruar")).isVisible();
            shot(page, "new-case-375.png");
        });
    }
}
