package org.protectioncases.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestPdfs;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Attachments of a case, against the real database: types, limits, scope, and the access log. */
@SpringBootTest
class AttachmentServiceIT extends ActingUsers {

    static final byte[] PDF = TestPdfs.clean("Decision of the asylum office");

    @Autowired
    AttachmentService attachments;
    @Autowired
    CaseService cases;
    @Autowired
    PersonService people;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TestRecords records;

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A case of CRPK, assigned to lawyer.crpk. */
    CaseDetails crpkCase() {
        return records.openCase("lawyer.crpk", person("Attached", "Person", Sex.MALE, LocalDate.of(1985, 5, 5), Community.ROMA,
                "PRI"), CaseType.GENERAL_PROTECTION);
    }

    AttachmentInfo attach(String username, long caseId, String name, byte[] content) {
        return as(username, () -> attachments.attach("CASE", caseId, name, new ByteArrayInputStream(content)));
    }

    long rows(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    long attachmentsOf(long caseId) {
        return rows("select count(*) from attachment where owner_kind = 'CASE' and owner_id = :id", caseId);
    }

    long downloads(long attachmentId, boolean granted) {
        return jdbc.sql("select count(*) from record_access where entity_type = 'attachment' and entity_id = :id and granted = :g")
                .param("id", attachmentId).param("g", granted).query(Long.class).single();
    }

    @Test
    void pdfAndPngAreStoredWithTheTypeOfTheirContentAndComeBackByteIdentical() throws IOException {
        CaseDetails c = crpkCase();
        byte[] png = png();
        AttachmentInfo pdf = attach("lawyer.crpk", c.id(), "Decision of the asylum office.pdf", PDF);
        // The name says PDF, the content is a PNG: the content wins, and the name gets a matching extension.
        AttachmentInfo image = attach("lawyer.crpk", c.id(), "../../scans/photo.pdf", png);

        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.fileName()).isEqualTo("Decision of the asylum office.pdf");
        assertThat(pdf.size()).isEqualTo(PDF.length);
        assertThat(pdf.uploadedBy()).isEqualTo("lawyer.crpk");
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.fileName()).isEqualTo("photo.pdf.png");

        assertThat(as("lawyer.crpk", () -> attachments.list("CASE", c.id()))).extracting(AttachmentInfo::id)
                .containsExactly(image.id(), pdf.id());
        AttachmentDownload pdfBack = as("lawyer.crpk", () -> attachments.download(pdf.id()));
        assertThat(pdfBack.content()).isEqualTo(PDF);
        assertThat(pdfBack.contentType()).isEqualTo("application/pdf");
        assertThat(pdfBack.fileName()).isEqualTo("Decision of the asylum office.pdf");
        assertThat(as("lawyer.crpk", () -> attachments.download(image.id())).content()).isEqualTo(png);
        assertThat(rows("select count(*) from attachment_content where attachment_id = :id", pdf.id())).isOne();

        // The case's history says what was attached.
        assertThat(as("lawyer.crpk", () -> cases.history(c.id()))).extracting(AuditEventDto::action)
                .contains("ATTACHMENT_ADDED");
    }

    @Test
    void aTextFileNamedPdfIsRefusedForItsTypeAndNothingIsStored() {
        CaseDetails c = crpkCase();
        assertThatThrownBy(() -> attach("lawyer.crpk", c.id(), "x.pdf", "MZ not really a PDF".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry(AttachmentService.FILE_FIELD, "attachment.validation.type"));
        assertThatThrownBy(() -> attach("lawyer.crpk", c.id(), "empty.pdf", new byte[0]))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry(AttachmentService.FILE_FIELD, "attachment.validation.empty"));
        assertThat(attachmentsOf(c.id())).isZero();
    }

    @Test
    void pdfsWithJavaScriptLaunchActionsOrEmbeddedFilesAreRefusedWithTheirReasonAndNothingIsStored() {
        CaseDetails c = crpkCase();
        java.util.Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("attachment.validation.pdfScript", TestPdfs.openActionJavaScript(true));
        refused.put("attachment.validation.pdfLaunch", TestPdfs.launchAction(false));
        refused.put("attachment.validation.pdfEmbedded", TestPdfs.embeddedFile(true));
        refused.put("attachment.validation.pdfEncrypted", TestPdfs.encrypted());
        refused.put("attachment.validation.pdfUnreadable", "%PDF-1.7\nno objects at all\n".getBytes(StandardCharsets.US_ASCII));
        refused.forEach((reason, pdf) -> assertThatThrownBy(() -> attach("lawyer.crpk", c.id(), "decision.pdf", pdf))
                .as(reason)
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry(AttachmentService.FILE_FIELD, reason)));
        assertThat(attachmentsOf(c.id())).isZero();
        assertThat(as("lawyer.crpk", () -> cases.history(c.id()))).extracting(AuditEventDto::action)
                .doesNotContain("ATTACHMENT_ADDED");
        // The same document without active content is accepted.
        assertThat(attach("lawyer.crpk", c.id(), "decision.pdf", TestPdfs.clean("Decision")).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void oneByteOverTenMegabytesIsRefusedWithoutReadingTheRestAndNothingIsStored() {
        CaseDetails c = crpkCase();
        long limit = 10L * 1024 * 1024;
        assertThat(as("lawyer.crpk", () -> attachments.maxSize())).isEqualTo(limit);
        CountingPdfStream huge = new CountingPdfStream(50L * 1024 * 1024);
        assertThatThrownBy(() -> as("lawyer.crpk", () -> attachments.attach("CASE", c.id(), "huge.pdf", huge)))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry(AttachmentService.FILE_FIELD, "attachment.validation.tooLarge"));
        assertThat(huge.consumed).isEqualTo(limit + 1);

        CountingPdfStream justOver = new CountingPdfStream(limit + 1);
        assertThatThrownBy(() -> as("lawyer.crpk", () -> attachments.attach("CASE", c.id(), "over.pdf", justOver)))
                .isInstanceOf(FieldValidationException.class);
        assertThat(attachmentsOf(c.id())).isZero();
        assertThat(as("lawyer.crpk", () -> cases.history(c.id()))).extracting(AuditEventDto::action)
                .doesNotContain("ATTACHMENT_ADDED");
    }

    @Test
    void anotherPartnerCannotListOrDownloadAndTheRefusalsAreLogged() {
        CaseDetails c = crpkCase();
        AttachmentInfo pdf = attach("lawyer.crpk", c.id(), "torture-report.pdf", PDF);

        assertThatThrownBy(() -> as("lawyer.krct", () -> attachments.list("CASE", c.id())))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThatThrownBy(() -> as("lawyer.krct", () -> attachments.download(pdf.id())))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThatThrownBy(() -> as("lawyer.krct", () -> attachments.attach("CASE", c.id(), "x.pdf", new ByteArrayInputStream(PDF))))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThatThrownBy(() -> as("lawyer.krct", () -> { attachments.delete(pdf.id()); return null; }))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThat(downloads(pdf.id(), false)).isEqualTo(2);
        assertThat(downloads(pdf.id(), true)).isZero();
        assertThat(rows("select count(*) from record_access where entity_type = 'case' and entity_id = :id and not granted", c.id()))
                .isEqualTo(2);
        // A missing attachment is answered like a forbidden one.
        assertThatThrownBy(() -> as("lawyer.krct", () -> attachments.download(Long.MAX_VALUE)))
                .isInstanceOf(AttachmentNotFoundException.class);
        assertThat(attachmentsOf(c.id())).isOne();
    }

    @Test
    void adminSeesNoAttachmentsAndUnknownOwnerKindsAreRefused() {
        CaseDetails c = crpkCase();
        AttachmentInfo pdf = attach("lawyer.crpk", c.id(), "decision.pdf", PDF);
        assertThatThrownBy(() -> as("admin", () -> attachments.list("CASE", c.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("admin", () -> attachments.download(pdf.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("lawyer.crpk", () -> attachments.list("PRISON", c.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void managersAndMonitorsReadOnlyCaseworkersAttachAndEveryDownloadIsLogged() {
        CaseDetails c = crpkCase();
        AttachmentInfo pdf = attach("lawyer.crpk", c.id(), "decision.pdf", PDF);

        assertThat(as("manager", () -> attachments.list("CASE", c.id()))).extracting(AttachmentInfo::id).containsExactly(pdf.id());
        assertThat(as("manager", () -> attachments.download(pdf.id())).content()).isEqualTo(PDF);
        assertThat(as("manager", () -> attachments.download(pdf.id())).content()).isEqualTo(PDF);
        assertThat(as("manager", () -> attachments.canAttach("CASE", c.id()))).isFalse();
        assertThatThrownBy(() -> as("manager", () -> attachments.attach("CASE", c.id(), "m.pdf", new ByteArrayInputStream(PDF))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(as(Role.PROTECTION_MONITOR, "CRPK", () -> attachments.download(pdf.id())).content()).isEqualTo(PDF);
        assertThat(as(Role.PROTECTION_MONITOR, "CRPK", () -> attachments.canAttach("CASE", c.id()))).isFalse();
        assertThatThrownBy(() -> as(Role.PROTECTION_MONITOR, "CRPK", () -> { attachments.delete(pdf.id()); return null; }))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(downloads(pdf.id(), true)).isEqualTo(3);
        assertThat(jdbc.sql("select username from record_access where entity_type = 'attachment' and entity_id = :id and granted")
                .param("id", pdf.id()).query(String.class).list()).containsOnly("manager", "system");

        // The coordinator may attach and delete; the history keeps the deletion.
        assertThat(as("coordinator.crpk", () -> attachments.canAttach("CASE", c.id()))).isTrue();
        as("coordinator.crpk", () -> { attachments.delete(pdf.id()); return null; });
        assertThat(attachmentsOf(c.id())).isZero();
        assertThat(rows("select count(*) from attachment_content where attachment_id = :id", pdf.id())).isZero();
        assertThatThrownBy(() -> as("lawyer.crpk", () -> attachments.download(pdf.id()))).isInstanceOf(AttachmentNotFoundException.class);
        assertThat(as("lawyer.crpk", () -> cases.history(c.id()))).extracting(AuditEventDto::action).contains("ATTACHMENT_DELETED");
    }

    /** A PDF of a given length made up on the fly, counting how much of it was read. */
    static final class CountingPdfStream extends InputStream {
        private final long length;
        long consumed;

        CountingPdfStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (consumed >= length) {
                return -1;
            }
            return consumed < PDF.length ? PDF[(int) consumed++] & 0xFF : (int) (consumed++ % 26 + 'a');
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (consumed >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - consumed);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
