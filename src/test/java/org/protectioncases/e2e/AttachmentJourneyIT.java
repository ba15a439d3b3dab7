package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestDatabaseInitializer;
import org.protectioncases.support.TestPdfs;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attachments over real HTTP: a KRCT lawyer uploads a PDF to a case and downloads it back; a text
 * file named .pdf (refused by the server: the reason in the file's row) and a file over 10 MB
 * (refused by the browser: the reason below the upload) are not attached; a Serbian-speaking
 * lawyer's PDF with JavaScript is refused with the reason in Serbian.
 */
class AttachmentJourneyIT extends BrowserTestBase {

    @Autowired
    CaseService cases;
    @Autowired
    PersonService people;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TestRecords records;

    @Test
    void uploadRefuseAndDownloadOnTheCasePage() {
        CaseDetails c = records.openCase("lawyer.krct", person("Journey", "Attachment", Sex.MALE, LocalDate.of(1968, 8, 8),
                Community.ALBANIAN, null), CaseType.GENERAL_PROTECTION);
        byte[] pdf = TestPdfs.clean("A decision");
        byte[] tooBig = Arrays.copyOf(pdf, 10 * 1024 * 1024 + 1);

        inBrowser(page -> {
            signIn(page, "lawyer.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + c.id()));
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Attachments")).click();
            Locator input = page.locator("vaadin-upload input[type=file]");

            input.setInputFiles(new FilePayload("decision.pdf", "application/pdf", pdf));
            Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download decision.pdf (PDF, 1 KB)"));
            assertThat(link).isVisible();

            // Refused by the server: the reason is in the file's row of the upload, once.
            input.setInputFiles(new FilePayload("notes.pdf", "application/pdf", "only notes".getBytes(StandardCharsets.UTF_8)));
            Locator notes = page.locator("vaadin-upload-file").filter(new Locator.FilterOptions().setHasText("notes.pdf"));
            assertThat(notes.locator("[part=error]")).hasText("Only PDF, JPEG and PNG files are accepted; this file is none of these.");
            assertThat(page.locator(".attachments .field-error")).not().containsText("notes.pdf");

            input.setInputFiles(new FilePayload("huge.pdf", "application/pdf", tooBig));
            assertThat(page.locator(".attachments .field-error"))
                    .containsText("huge.pdf was not attached: The file is larger than 10 MB");

            Download download = page.waitForDownload(link::click);
            assertThat_(download.suggestedFilename().equals("decision.pdf"), "file name " + download.suggestedFilename());
            try {
                assertThat_(Arrays.equals(Files.readAllBytes(download.path()), pdf), "downloaded bytes differ");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long stored = jdbc.sql("select count(*) from attachment where owner_kind = 'CASE' and owner_id = :id")
                .param("id", c.id()).query(Long.class).single();
        long downloads = jdbc.sql("select count(*) from record_access r join attachment a on a.id = r.entity_id"
                        + " where r.entity_type = 'attachment' and a.owner_id = :id and r.granted and r.username = 'lawyer.krct'")
                .param("id", c.id()).query(Long.class).single();
        assertThat_(stored == 1, "one attachment stored, found " + stored);
        assertThat_(downloads == 1, "one download logged, found " + downloads);
    }

    @Test
    void aPdfWithJavaScriptIsRefusedWithTheReasonInTheUsersLanguage() {
        // lawyer.at works in Serbian.
        CaseDetails c = records.openCase("lawyer.at", person("Journey", "Skripta", Sex.FEMALE, LocalDate.of(1971, 1, 7),
                Community.SERB, null), CaseType.GENERAL_PROTECTION);
        inBrowser(page -> {
            signIn(page, "lawyer.at", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + c.id()));
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Prilozi")).click();
            page.locator("vaadin-upload input[type=file]").setInputFiles(
                    new FilePayload("odluka.pdf", "application/pdf", TestPdfs.openActionJavaScript(true)));
            Locator row = page.locator("vaadin-upload-file").filter(new Locator.FilterOptions().setHasText("odluka.pdf"));
            assertThat(row.locator("[part=error]")).hasText("PDF sadrži JavaScript ili radnje koje se same pokreću kada se otvori;"
                    + " takvi PDF-ovi se ne prihvataju. Odštampajte ga u novi PDF ili skenirajte papir, pa otpremite to.");
            assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pokušaj ponovo"))).isAttached();
            assertThat(page.locator(".attachments")).not().containsText("Upload forbidden");
            assertThat(page.locator(".attachments")).not().containsText("odluka.pdf nije priložena");
            assertThat(page.locator(".attachments")).containsText("Još nema priloga.");
        });
        long stored = jdbc.sql("select count(*) from attachment where owner_kind = 'CASE' and owner_id = :id")
                .param("id", c.id()).query(Long.class).single();
        assertThat_(stored == 0, "nothing stored, found " + stored);
    }

    private static void assertThat_(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
