package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lawyer opens a case, the Documents tab lists what the records lack (the personal number), she
 * types it and downloads a power of attorney in Albanian; the Word file, read back with POI, names
 * the client and the case; the document then shows in the case's list of generated documents.
 */
class DocumentJourneyIT extends BrowserTestBase {

    @Autowired
    SystemAccess system;
    @Autowired
    PersonService people;
    @Autowired
    CaseWorkflowService workflow;

    @Test
    void lawyerGeneratesAPowerOfAttorneyInAlbanian() throws Exception {
        CaseDetails c = system.runAsAccount("lawyer.crpk", () -> {
            PersonDetails p = people.register(PersonForm.builder("Lirije", "Test-Autorizimi", Sex.FEMALE, Community.ASHKALI)
                    .fatherName("Halil").birthDate(LocalDate.of(1990, 4, 12)).birthPrecision(BirthDatePrecision.EXACT)
                    .placeOfBirth("Ferizaj").address("Rr. Dëshmorët 12").municipalityCode("FER").build(), List.of());
            return workflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Documents", null, null,
                    LocalDate.now().minusDays(2)));
        });
        String caseNo = c.summary().caseNo();
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        inBrowser(page -> {
            page.setDefaultTimeout(60_000);
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + c.id()));
            waitForVaadin(page);
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Dokumentet").setExact(true)).click();
            Locator panel = page.locator("#documents-panel");
            assertThat(panel.locator("#document-kind")).containsText("Autorizim");
            // The document's language starts as the UI's (Shqip for this lawyer); it is chosen per document.
            assertThat(panel.locator("#document-language")).containsText("Shqip");
            assertThat(page.locator("#document-values")).containsText("Lirije Test-Autorizimi");
            Locator personalNumber = page.locator("#document-missing-person-personalNumber input");
            personalNumber.fill("1098765432");
            personalNumber.press("Tab");
            waitForVaadin(page);
            page.setViewportSize(375, 800);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "legal-documents-sq-375.png")).setFullPage(true));
            page.setViewportSize(1280, 900);

            Download download = page.waitForDownload(() -> page.locator("#document-docx").click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("power-of-attorney-sq-" + caseNo + ".docx");
            try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in);
                 XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                org.assertj.core.api.Assertions.assertThat(text.getText())
                        .contains("AUTORIZIM", "Lirije Test-Autorizimi", caseNo, "1098765432", "Halil", "12.04.1990", "Ferizaj")
                        .doesNotContain("{{");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // Recorded on the case: the list below updates without a reload.
            assertThat(page.locator("#document-history")).containsText("Autorizim");
            assertThat(page.locator("#document-history")).containsText("Vjosa Gashi");
        });
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }
}
