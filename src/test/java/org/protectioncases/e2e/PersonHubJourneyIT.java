package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentGiver;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.people.SpecificNeed;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The person page as a hub (issue #13), in Albanian: a CRPK lawyer sees the summary card (age,
 * consent status, the restricted-need flag), the person's open case and the actions her role has;
 * she refers the case without a recorded consent, records the consent in the dialog that offers
 * it, and the referral is saved with what she had typed. A UNHCR manager sees the case but neither
 * the restricted flag nor the partner staff's actions; the coordinator's "Record visit" starts a
 * visit with the person among the people met.
 */
class PersonHubJourneyIT extends BrowserTestBase {

    @Autowired
    SystemAccess system;
    @Autowired
    PersonService people;
    @Autowired
    PersonFileService files;
    @Autowired
    ConsentService consents;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    CaseService cases;

    @Test
    void theHubShowsTheCaseAndTheActionsPerRoleAndAReferralGetsItsConsentInPlace() {
        String family = "Hubaj" + Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("[0-9]", "x");
        String reason = "Regjistrim i vonuar i lindjes " + System.nanoTime() % 100_000;
        PersonDetails p = system.runAsAccount("lawyer.crpk", () -> people.register(PersonForm.of("Drenusha", family, Sex.FEMALE,
                LocalDate.now().minusYears(34).minusDays(10), BirthDatePrecision.EXACT, Community.ASHKALI, "FER"), List.of()));
        CaseDetails c = system.runAsAccount("lawyer.crpk", () -> {
            files.addNeed(p.id(), SpecificNeed.TORTURE_SURVIVOR, LocalDate.now(), null);
            return workflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Certifikatë lindjeje",
                    DocumentType.BIRTH_CERTIFICATE, null, null));
        });

        inBrowser(page -> {
            // Vjosa Gashi works in Albanian (her remembered language).
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/people/" + p.id()));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Drenusha " + family))).isVisible();
            Locator card = page.locator(".person-card");
            assertThat(card).containsText("Mosha");
            assertThat(card).containsText("34 vjeç");
            assertThat(card).containsText("Femër");
            assertThat(card).containsText(p.registrationNo());
            assertThat(card).containsText("Asnjë pëlqim i regjistruar");
            assertThat(page.locator(".restricted-flag")).hasText("Nevojë e kufizuar: trajtojeni me kujdes");
            assertThat(page.locator(".person-cases")).containsText("1 rast i hapur");
            assertThat(page.locator(".person-cases")).containsText(c.summary().caseNo());
            assertThat(page.locator(".person-cases")).containsText("Hapur");
            // A lawyer opens cases and logs sessions; recording visits is for monitors and coordinators.
            assertThat(page.locator("#open-case")).hasText("Hap një rast");
            assertThat(page.locator("#log-session-for-person")).hasText("Regjistro seancën");
            assertThat(page.locator("#record-visit")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "person-hub-1280.png")).setFullPage(true));

            // From the hub to the case, and a referral without consent.
            page.locator(".person-cases").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(c.summary().caseNo())).click();
            page.waitForURL(Pattern.compile(".*/cases/" + c.id() + "$"));
            waitForVaadin(page);
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Referimet")).click();
            page.getByLabel("Referuar te", new Page.GetByLabelOptions().setExact(true)).fill("Gjendja civile");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Gjendja civile komunale")).click();
            page.getByLabel("Arsyeja", new Page.GetByLabelOptions().setExact(true)).fill(reason);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refero").setExact(true)).click();

            // The dialog offers to record the consent; the referral form behind it keeps what was typed.
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("Regjistro pëlqimin: Referim te shërbimet");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "consent-dialog-1280.png")));
            dialog.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Kush e dha pëlqimin")).click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Prindi ose kujdestari")).click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Regjistro pëlqimin dhe vazhdo")).click();
            assertThat(page.getByText("Referimi u regjistrua")).isVisible();
            // The page shows the case again after saving; the referral is in its tab.
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Referimet")).click();
            assertThat(page.getByText(reason).first()).isVisible();

            // Back on the hub, the consent shows.
            page.navigate(url("/people/" + p.id()));
            assertThat(page.locator(".person-card")).containsText("Referim te shërbimet");
            signOut(page, "Dil");
        });
        CaseDetails after = system.runAsAccount("lawyer.crpk", () -> cases.get(c.id()).orElseThrow());
        assertThat(after.referrals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.target()).isEqualTo(ReferralTarget.MUNICIPAL_CIVIL_REGISTRY);
        });
        assertThat(system.runAsAccount("lawyer.crpk", () -> consents.consents(p.id()))).singleElement().satisfies(x -> {
            assertThat(x.scope()).isEqualTo(ConsentScope.REFERRAL);
            assertThat(x.givenBy()).isEqualTo(ConsentGiver.PARENT_OR_GUARDIAN);
        });

        inBrowser(page -> {
            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/people/" + p.id()));
            assertThat(page.locator(".person-cases")).containsText(c.summary().caseNo());
            assertThat(page.locator(".person-card")).containsText("Referral to services");
            // Restricted needs never reach UNHCR managers, not even as a flag; managers do no casework.
            assertThat(page.locator(".restricted-flag")).hasCount(0);
            assertThat(page.locator("#open-case")).hasCount(0);
            assertThat(page.locator("#log-session-for-person")).hasCount(0);
            assertThat(page.locator("#record-visit")).hasCount(0);
            signOut(page, "Log out");
        });

        inBrowser(phone(), page -> {
            signIn(page, "coordinator.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/people/" + p.id()));
            assertThat(page.locator(".restricted-flag")).isVisible();
            assertThat(page.locator("#open-case")).isVisible();
            assertThat(page.locator("#log-session-for-person")).isVisible();
            // Nothing wider than the phone.
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "person-hub-375.png")).setFullPage(true));
            page.locator("#record-visit").click();
            page.waitForURL(Pattern.compile(".*/visits/new\\?person=" + p.id() + "$"));
            assertThat(page.locator(".visit-people")).containsText(family);
        });
    }
}
