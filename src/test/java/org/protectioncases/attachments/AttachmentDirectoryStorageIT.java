package org.protectioncases.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseType;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code app.attachments.storage=directory}: files named by id, following the transaction (one more Spring context). */
@SpringBootTest
class AttachmentDirectoryStorageIT extends ActingUsers {

    static Path dir;

    @DynamicPropertySource
    static void directoryStorage(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("pc-attachments").resolve("files");
        registry.add("app.attachments.storage", () -> "directory");
        registry.add("app.attachments.dir", () -> dir.toString());
    }

    @Autowired
    AttachmentService attachments;
    @Autowired
    PersonService people;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TestRecords records;

    /**
     * The rows go with the class: the suite's other contexts store attachments in the database and have
     * no directory, so they could neither read nor delete these files (e.g. when anonymising everyone).
     */
    @org.junit.jupiter.api.AfterAll
    static void forgetDirectoryAttachments(@Autowired @OwnerDatabase JdbcClient jdbc) {
        jdbc.sql("delete from attachment where storage = 'DIRECTORY'").update();
    }

    private CaseDetails crpkCase() {
        return records.openCase("lawyer.crpk", person("Filed", "Person", Sex.FEMALE, LocalDate.of(1990, 3, 3), Community.ASHKALI,
                "FER"), CaseType.GENERAL_PROTECTION);
    }

    private AttachmentInfo attach(long caseId, String name, byte[] content) {
        return as("lawyer.crpk", () -> attachments.attach("CASE", caseId, name, new ByteArrayInputStream(content)));
    }

    private long fileCount() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void filesAreNamedByIdComeBackByteIdenticalAndGoWhenDeleted() throws IOException {
        CaseDetails c = crpkCase();
        byte[] png = AttachmentServiceIT.png();
        AttachmentInfo image = attach(c.id(), "passport scan.png", png);
        Path file = dir.resolve(String.valueOf(image.id()));
        assertThat(file).exists().hasBinaryContent(png);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("passport"));
        }
        assertThat(jdbc.sql("select count(*) from attachment_content where attachment_id = :id").param("id", image.id())
                .query(Long.class).single()).isZero();
        assertThat(as("manager", () -> attachments.download(image.id())).content()).isEqualTo(png);
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'attachment' and entity_id = :id and granted")
                .param("id", image.id()).query(Long.class).single()).isOne();

        // A refused file leaves nothing behind, on disk either.
        long before = fileCount();
        assertThatThrownBy(() -> attach(c.id(), "x.png", "not an image".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> as("lawyer.crpk", () -> attachments.attach("CASE", c.id(), "big.pdf",
                new AttachmentServiceIT.CountingPdfStream(11L * 1024 * 1024)))).isInstanceOf(FieldValidationException.class);
        assertThat(fileCount()).isEqualTo(before);

        as("lawyer.crpk", () -> { attachments.delete(image.id()); return null; });
        assertThat(file).doesNotExist();
    }

    @Test
    void aChangedFileIsNotHandedOut() throws IOException {
        CaseDetails c = crpkCase();
        AttachmentInfo pdf = attach(c.id(), "decision.pdf", AttachmentServiceIT.PDF);
        Files.write(dir.resolve(String.valueOf(pdf.id())), "%PDF-1.4 tampered".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> as("lawyer.crpk", () -> attachments.download(pdf.id()))).isInstanceOf(IllegalStateException.class);
    }
}
