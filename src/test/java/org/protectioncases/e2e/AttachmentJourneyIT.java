package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attachments over real HTTP: a KRCT lawyer uploads a PDF to a case and downloads it back; a text
 * file named .pdf and a file over 10 MB are refused with the reason next to the upload.
 */
class AttachmentJourneyIT extends BrowserTestBase {

    @Autowired
    CaseService cases;
    @Autowired
    PersonService people;
    @Autowired
    SystemAccess system;
    @Autowired
    JdbcClient jdbc;

    @Test
    void uploadRefuseAndDownloadOnTheCasePage() {
        CaseDetails c = system.runAsAccount("lawyer.krct", () -> {
            var p = people.register(PersonForm.of("Journey", "Attachment", Sex.MALE, LocalDate.of(1968, 8, 8),
                    BirthDatePrecision.EXACT, Community.ALBANIAN, null), List.of());
            return cases.open(new NewCase(p.id(), CaseType.GENERAL_PROTECTION, CasePriority.NORMAL, null, null, null, null));
        });
        byte[] pdf = "%PDF-1.4\n% a decision\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tooBig = Arrays.copyOf(pdf, 10 * 1024 * 1024 + 1);

        inBrowser(page -> {
            signIn(page, "lawyer.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + c.id()));
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Attachments")).click();
            Locator input = page.locator("vaadin-upload input[type=file]");

            input.setInputFiles(new FilePayload("decision.pdf", "application/pdf", pdf));
            Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download decision.pdf (PDF, 1 KB)"));
            assertThat(link).isVisible();

            input.setInputFiles(new FilePayload("notes.pdf", "application/pdf", "only notes".getBytes(StandardCharsets.UTF_8)));
            assertThat(page.locator(".attachments .field-error"))
                    .containsText("notes.pdf was not attached: Only PDF, JPEG and PNG files are accepted");

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

    private static void assertThat_(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
