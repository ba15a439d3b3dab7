package org.protectioncases.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.attachments.ui.AttachmentsPanel;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestPdfs;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** The attachments tab of the case page: upload, refusal next to the upload, download, read-only for monitors. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class CaseAttachmentsTest extends SpringBrowserlessTest {

    static final byte[] PDF = TestPdfs.clean("Decision");

    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    PersonService people;
    @Autowired
    AttachmentService attachments;
    @Autowired
    SystemAccess system;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    org.protectioncases.legal.CasePartyService parties;
    @Autowired
    TestRecords records;

    private CaseDetails caseOf(String lawyer) {
        return records.openCase(lawyer, person("Panel", "Person", Sex.FEMALE, LocalDate.of(1977, 7, 7), Community.SERB, null),
                CaseType.GENERAL_PROTECTION);
    }

    private AttachmentsPanel openAttachmentsTab(long caseId) {
        CaseView view = navigate("cases/" + caseId, CaseView.class);
        TabSheet tabs = find(TabSheet.class).single();
        Tab tab = find(Tab.class).withText(view.getTranslation("attachment.title")).single();
        tabs.setSelectedTab(tab);
        return find(AttachmentsPanel.class).single();
    }

    @Test
    @WithUserDetails("lawyer.krct")
    void theAssignedLawyerUploadsDownloadsAndIsToldWhyAFileIsRefused() {
        CaseDetails c = caseOf("lawyer.krct");
        AttachmentsPanel panel = openAttachmentsTab(c.id());
        Upload upload = find(Upload.class).from(panel).single();

        test(upload).upload("decision.pdf", "application/pdf", PDF);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = find(Grid.class).from(panel).single();
        assertThat(test(grid).size()).isOne();

        // Plain text named .pdf: refused; the reason goes back to the upload's row of the file (see AttachmentJourneyIT),
        // and is not repeated below it.
        test(upload).upload("notes.pdf", "application/pdf", "just some notes".getBytes(StandardCharsets.UTF_8));
        assertThat(test(grid).size()).isOne();
        assertThat(find(Paragraph.class).from(panel).all()).extracting(Paragraph::getText).noneMatch(t -> t.startsWith("notes.pdf"));

        // The link downloads the very bytes, and the download is logged.
        Anchor link = (Anchor) test(grid).getCellComponent(0, 0);
        assertThat(link.getText()).isEqualTo("decision.pdf");
        assertThat(link.getElement().getAttribute("aria-label")).contains("decision.pdf", "PDF");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test(link).download(out);
        assertThat(out.toByteArray()).isEqualTo(PDF);
        long id = attachments.list("CASE", c.id()).get(0).id();
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'attachment' and entity_id = :id and granted")
                .param("id", id).query(Long.class).single()).isOne();

        // Deleting asks first, then the list is empty and the case's history says so.
        test((Button) test(grid).getCellComponent(0, 5)).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(Button.class).from(dialog).withText(panel.getTranslation("attachment.delete")).single()).click();
        assertThat(grid.isVisible()).isFalse();
        assertThat(attachments.list("CASE", c.id())).isEmpty();
        assertThat(cases.history(c.id())).extracting(h -> h.action()).contains("ATTACHMENT_ADDED", "ATTACHMENT_DELETED");
    }

    @Test
    @WithUserDetails("lawyer.krct")
    void aPdfWithJavaScriptIsRefusedAndTheUploadSpeaksTheUsersLanguage() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        CaseDetails c = caseOf("lawyer.krct");
        AttachmentsPanel panel = openAttachmentsTab(c.id());
        Upload upload = find(Upload.class).from(panel).single();

        test(upload).upload("odluka.pdf", "application/pdf", TestPdfs.openActionJavaScript(true));
        assertThat(attachments.list("CASE", c.id())).isEmpty();

        // Every text the upload can show is Serbian, none of Vaadin's English defaults.
        UploadI18N i18n = upload.getI18n();
        assertThat(i18n.getUploading().getError().getForbidden()).isEqualTo("Datoteka nije prihvaćena.");
        assertThat(i18n.getUploading().getError().getUnexpectedServerError()).isEqualTo(panel.getTranslation("attachment.failed"));
        assertThat(i18n.getUploading().getError().getServerUnavailable()).startsWith("Otpremanje nije uspelo");
        assertThat(i18n.getUploading().getStatus().getProcessing()).isEqualTo("Provera datoteke…");
        assertThat(i18n.getFile().getRemove()).isEqualTo("Ukloni");
        assertThat(List.of(i18n.getUploading().getError().getForbidden(), i18n.getUploading().getError().getFileTooLarge(),
                i18n.getUploading().getStatus().getConnecting(), i18n.getUploading().getRemainingTime().getPrefix(),
                i18n.getFile().getRetry(), i18n.getFile().getStart(), i18n.getAddFiles().getOne(), i18n.getError().getIncorrectFileType()))
                .doesNotContainNull()
                .noneMatch(t -> t.contains("Upload") || t.contains("forbidden") || t.contains("Connecting") || t.contains("remaining")
                        || t.equals("Retry") || t.equals("Start"));
    }

    /**
     * Issue 13: a closed case is read-only on every tab of its page until it is reopened: no upload or delete,
     * no party, hearing, deadline, time or document form, no "done" or "clear" button; only "Reopen" is offered.
     * The services refuse the same changes.
     */
    @Test
    @WithUserDetails("lawyer.krct")
    void aClosedCaseIsReadOnlyOnEveryTabUntilReopened() {
        CaseDetails open = caseOf("lawyer.krct");
        system.runAsAccount("lawyer.krct", () -> attachments.attach("CASE", open.id(), "decision.pdf", new ByteArrayInputStream(PDF)));
        system.runAsAccount("lawyer.krct", () -> parties.add(open.id(),
                new org.protectioncases.legal.PartyForm(org.protectioncases.legal.PartyRole.AUTHORITY, "Municipality of Prizren", null)));
        CaseDetails current = cases.get(open.id()).orElseThrow();
        CaseDetails closed = system.runAsAccount("lawyer.krct", () -> caseWorkflow.close(open.id(), current.version(),
                open.summary().type().outcomes().get(0), "Done", java.util.Set.of(), java.util.Set.of()));
        assertThat(closed.summary().status()).isEqualTo(org.protectioncases.cases.CaseStatus.CLOSED);

        CaseView view = navigate("cases/" + open.id(), CaseView.class);
        TabSheet tabs = find(TabSheet.class).single();
        java.util.Set<String> buttons = new java.util.TreeSet<>();
        java.util.List<String> editable = new java.util.ArrayList<>();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            tabs.setSelectedIndex(i);
            String label = tabs.getTabAt(i).getLabel();
            find(Button.class).from(view).all().stream().filter(b -> b.isVisible()).forEach(b -> buttons.add(b.getText()));
            find(com.vaadin.flow.component.Component.class).from(view).all().stream()
                    .filter(f -> f instanceof com.vaadin.flow.component.HasValue<?, ?> field && !field.isReadOnly() && f.isVisible())
                    .forEach(f -> editable.add(label + ": " + f.getClass().getSimpleName()));
            assertThat(find(Upload.class).from(view).exists()).as("upload on a closed case").isFalse();
        }
        assertThat(buttons).containsExactly(view.getTranslation("case.action.reopen"));
        assertThat(editable).isEmpty();
        // The attachment stays downloadable; no delete column.
        AttachmentsPanel panel = openAttachmentsTab(open.id());
        @SuppressWarnings("unchecked")
        Grid<Object> grid = find(Grid.class).from(panel).single();
        assertThat(grid.getColumns()).hasSize(5);

        long id = attachments.list("CASE", open.id()).get(0).id();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> system.runAsAccount("lawyer.krct",
                () -> attachments.attach("CASE", open.id(), "late.pdf", new ByteArrayInputStream(PDF)))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> system.runAsAccount("lawyer.krct", () -> {
            attachments.delete(id);
            return null;
        }))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> system.runAsAccount("lawyer.krct", () -> parties.add(open.id(),
                new org.protectioncases.legal.PartyForm(org.protectioncases.legal.PartyRole.AUTHORITY, "Ministry", null)))))
                .isInstanceOfSatisfying(org.protectioncases.shared.FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("name", "legal.caseClosed"));
        assertThat(attachments.list("CASE", open.id())).hasSize(1);
    }

    @Test
    @WithUserDetails("monitor.krct")
    void aMonitorDownloadsButCannotUploadOrDelete() {
        CaseDetails c = caseOf("lawyer.krct");
        system.runAsAccount("lawyer.krct", () -> attachments.attach("CASE", c.id(), "photo.pdf", new ByteArrayInputStream(PDF)));
        AttachmentsPanel panel = openAttachmentsTab(c.id());
        assertThat(find(Upload.class).from(panel).exists()).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        @SuppressWarnings("unchecked")
        Grid<Object> grid = find(Grid.class).from(panel).single();
        assertThat(grid.getColumns()).hasSize(5);
        test((Anchor) test(grid).getCellComponent(0, 0)).download(out);
        assertThat(out.toByteArray()).isEqualTo(PDF);
    }
}
