package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Document assembly against the real database: filled from the case in the chosen language, recorded
 * and attached; another partner's cases and templates refused and logged; templates with macros or
 * unknown placeholders refused at upload.
 */
@SpringBootTest
class DocumentAssemblyIT extends ActingUsers {

    @Autowired
    DocumentAssemblyService documents;
    @Autowired
    DocumentTemplateService templates;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    CaseService cases;
    @Autowired
    CasePartyService parties;
    @Autowired
    PersonService people;
    @Autowired
    AttachmentService attachments;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    @AfterEach
    void removeCrpkTemplates() {
        // Tests share one database: the journey must find the built-in templates.
        jdbc.sql("delete from generated_document where template_id in (select id from document_template where kind = 'COVER_LETTER')").update();
        jdbc.sql("delete from document_template where kind = 'COVER_LETTER'").update();
        jdbc.sql("delete from document_letterhead").update();
    }

    private CaseDetails caseFor(String given, String family) {
        return as("lawyer.crpk", () -> {
            PersonDetails p = people.register(PersonForm.builder(given, family, Sex.MALE, Community.ALBANIAN).fatherName("Bekim")
                    .birthDate(LocalDate.of(1961, 6, 1)).birthPrecision(BirthDatePrecision.EXACT).placeOfBirth("Gjilan")
                    .address("Rr. Adem Jashari 5").municipalityCode("GJI").build(), List.of());
            return workflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Documents", null, null,
                    LocalDate.now().minusDays(3)));
        });
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    @Test
    void lawyerGeneratesAPowerOfAttorneyInAlbanianFilledFromTheCaseRecordedAndAttached() throws Exception {
        CaseDetails c = caseFor("Arbnor", "Test-Dokumenti");
        String caseNo = c.summary().caseNo();
        as("lawyer.crpk", () -> parties.add(c.id(), new PartyForm(PartyRole.AUTHORITY, "Zyra e Gjendjes Civile Gjilan", null)));
        as("coordinator.crpk", () -> {
            templates.setLetterheadAddress("Rr. Nëna Terezë 20, Prishtinë");
            return null;
        });

        DocumentPreview preview = as("lawyer.crpk", () -> documents.preview(c.id(), DocumentKind.POWER_OF_ATTORNEY, Language.SQ));
        assertThat(preview.templateVersion()).isNull();
        assertThat(preview.blockedKey()).isNull();
        // Listed before generating, never silently blank.
        assertThat(preview.missing()).contains(Placeholder.PERSON_PERSONAL_NUMBER).doesNotContain(Placeholder.PERSON_FULL_NAME,
                Placeholder.CASE_NUMBER, Placeholder.CASE_AUTHORITY);

        GeneratedDocument docx = as("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.POWER_OF_ATTORNEY, Language.SQ, DocumentFormat.DOCX, false),
                Map.of("person.personalNumber", "1234567890")));
        assertThat(docx.fileName()).isEqualTo("power-of-attorney-sq-" + caseNo + ".docx");
        String text = docxText(docx.content());
        assertThat(text).contains("AUTORIZIM", "Arbnor Test-Dokumenti", caseNo, "1234567890", "Bekim", "01.06.1961",
                "Zyra e Gjendjes Civile Gjilan", "Rr. Adem Jashari 5", "Komuna Gjilan", "Rr. Nëna Terezë 20, Prishtinë")
                .doesNotContain("{{");

        GeneratedDocument pdf = as("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.POWER_OF_ATTORNEY, Language.SR, DocumentFormat.PDF, true), Map.of()));
        assertThat(pdf.attachmentId()).isNotNull();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "power-of-attorney-sr.pdf"), pdf.content());
        try (var document = Loader.loadPDF(pdf.content())) {
            String pdfText = new PDFTextStripper().getText(document);
            assertThat(pdfText).contains("OVLAŠĆENJE", "Arbnor Test-Dokumenti", "Gnjilane", DocumentAssemblyService.BLANK);
        }
        assertThat(as("lawyer.crpk", () -> attachments.list("CASE", c.id()))).extracting(a -> a.fileName())
                .contains("power-of-attorney-sr-" + caseNo + ".pdf");

        List<GeneratedDocumentDto> history = as("coordinator.crpk", () -> documents.history(c.id()));
        assertThat(history).hasSize(2);
        assertThat(history.getFirst().format()).isEqualTo(DocumentFormat.PDF);
        assertThat(history.getFirst().savedToCase()).isTrue();
        assertThat(history.getFirst().blanks()).contains("person.personalNumber");
        assertThat(history.getLast().blanks()).isNull();
        assertThat(history).allSatisfy(h -> assertThat(h.generatedBy()).isEqualTo("lawyer.crpk"));
        List<AuditEventDto> audit = as("lawyer.crpk", () -> cases.history(c.id()));
        assertThat(audit).filteredOn(e -> e.action().equals("DOCUMENT_GENERATED")).hasSize(2);

        assertThatThrownBy(() -> as("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.APPEAL, Language.EN, DocumentFormat.DOCX, false), Map.of("client.name", "x"))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("client.name", "legal.document.unknownPlaceholder"));
    }

    @Test
    void anotherPartnersCaseIsRefusedAsNotFoundAndTheAttemptIsLogged() {
        CaseDetails c = caseFor("Besnik", "Test-Tjetri");
        assertThatThrownBy(() -> as("lawyer.at", () -> documents.preview(c.id(), DocumentKind.APPEAL, Language.SR)))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> as("lawyer.at", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.APPEAL, Language.SR, DocumentFormat.DOCX, false), Map.of())))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> as("coordinator.krct", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.APPEAL, Language.EN, DocumentFormat.PDF, true), Map.of())))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(jdbc.sql("""
                        select count(*) from record_access where entity_type = 'case' and entity_id = :id and not granted
                        and username in ('lawyer.at', 'coordinator.krct')""")
                .param("id", c.id()).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from generated_document where case_id = :id").param("id", c.id()).query(Long.class).single())
                .isZero();
        // Monitors may read cases but not generate documents.
        assertThatThrownBy(() -> as("monitor.krct", () -> documents.canGenerate(c.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void coordinatorsTemplateIsCheckedAtUploadUsedForThePartnerOnlyAndRetired() throws Exception {
        byte[] good = DocxFixtures.docx("CRPK LETTERHEAD", "To: {{case.authority}}", "Re: {{per|son.fullName}}, {{case.number}}", "{{todayLong}}");

        TemplateUploadResult macros = as("coordinator.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.EN, "letter.docx",
                new ByteArrayInputStream(DocxFixtures.macroEnabled(good))));
        assertThat(macros.accepted()).isFalse();
        assertThat(macros.problemKey()).isEqualTo("legal.template.macros");
        TemplateUploadResult docm = as("coordinator.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.EN, "letter.docm",
                new ByteArrayInputStream(good)));
        assertThat(docm.problemKey()).isEqualTo("legal.template.macros");
        TemplateUploadResult unknown = as("coordinator.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.EN, "letter.docx",
                new ByteArrayInputStream(DocxFixtures.docx("{{person.fullName}} {{client.passport}} {{case.numbr}}"))));
        assertThat(unknown.problemKey()).isEqualTo("legal.template.unknownPlaceholders");
        assertThat(unknown.unknown()).containsExactly("client.passport", "case.numbr");
        assertThat(unknown.placeholders()).containsExactly("person.fullName", "client.passport", "case.numbr");
        TemplateUploadResult tooBig = as("coordinator.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.EN, "big.docx",
                new ByteArrayInputStream(new byte[DocumentTemplateService.MAX_BYTES + 10])));
        assertThat(tooBig.problemKey()).isEqualTo("legal.template.tooLarge");
        assertThat(as("coordinator.crpk", () -> templates.versions(DocumentKind.COVER_LETTER, Language.EN))).isEmpty();

        TemplateUploadResult saved = as("coordinator.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.EN, "letter.docx",
                new ByteArrayInputStream(good)));
        assertThat(saved.accepted()).isTrue();
        assertThat(saved.saved().version()).isEqualTo(1);
        assertThat(saved.placeholders()).containsExactly("case.authority", "person.fullName", "case.number", "todayLong");
        long versionId = saved.saved().id();

        CaseDetails c = caseFor("Drilon", "Test-Letra");
        DocumentPreview preview = as("lawyer.crpk", () -> documents.preview(c.id(), DocumentKind.COVER_LETTER, Language.EN));
        assertThat(preview.templateVersion()).isEqualTo(1);
        assertThat(preview.values()).extracting(DocumentPreview.Value::placeholder)
                .containsExactly(Placeholder.CASE_AUTHORITY, Placeholder.PERSON_FULL_NAME, Placeholder.CASE_NUMBER, Placeholder.TODAY_LONG);
        GeneratedDocument letter = as("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.COVER_LETTER, Language.EN, DocumentFormat.DOCX, false), Map.of("case.authority", "UNHCR")));
        assertThat(docxText(letter.content())).contains("CRPK LETTERHEAD", "To: UNHCR", "Re: Drilon Test-Letra, " + c.summary().caseNo());
        assertThat(as("lawyer.crpk", () -> documents.history(c.id())).getFirst().templateVersion()).isEqualTo(1);

        // Another partner neither uses nor sees it; asking for it by id is "not found", and logged.
        assertThat(as("coordinator.krct", () -> templates.overview())).filteredOn(s -> s.kind() == DocumentKind.COVER_LETTER)
                .allSatisfy(s -> assertThat(s.inUse()).isNull());
        assertThatThrownBy(() -> as("coordinator.krct", () -> templates.version(versionId)))
                .isInstanceOf(DocumentTemplateService.TemplateNotFoundException.class);
        assertThat(jdbc.sql("""
                        select count(*) from record_access where entity_type = 'document_template' and entity_id = :id and not granted
                        and username = 'coordinator.krct'""")
                .param("id", versionId).query(Long.class).single()).isEqualTo(1);
        assertThat(as("coordinator.crpk", () -> templates.version(versionId)).content()).isEqualTo(good);
        // Lawyers generate but do not manage templates.
        assertThatThrownBy(() -> as("lawyer.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.EN, "x.docx",
                new ByteArrayInputStream(good)))).isInstanceOf(AccessDeniedException.class);

        as("coordinator.crpk", () -> {
            templates.useBuiltIn(DocumentKind.COVER_LETTER, Language.EN);
            return null;
        });
        assertThat(as("lawyer.crpk", () -> documents.preview(c.id(), DocumentKind.COVER_LETTER, Language.EN)).templateVersion()).isNull();
        assertThat(as("coordinator.crpk", () -> templates.versions(DocumentKind.COVER_LETTER, Language.EN))).hasSize(1)
                .allSatisfy(v -> assertThat(v.retired()).isTrue());
    }

    @Test
    void serbianCyrillicDocumentsComeFromThePartnersLatinTemplateTransliteratedUnlessItKeepsACyrillicOne() throws Exception {
        CaseDetails c = caseFor("Arbnor", "Test-Cirilica");
        GeneratedDocument builtIn = as("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.POWER_OF_ATTORNEY, Language.SR_CYRL, DocumentFormat.DOCX, false), Map.of()));
        assertThat(builtIn.fileName()).isEqualTo("power-of-attorney-sr-Cyrl-" + c.summary().caseNo() + ".docx");
        // The template's text in Cyrillic, the person's name as recorded, the municipality's Serbian name in Cyrillic.
        assertThat(docxText(builtIn.content())).contains("ОВЛАШЋЕЊЕ", "Arbnor Test-Cirilica", "Гњилане", c.summary().caseNo())
                .doesNotContain("{{", "OVLAŠĆENJE");

        // The partner's own Latin cover letter is what Cyrillic documents are made from, until it keeps a Cyrillic one.
        as("coordinator.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.SR, "pismo.docx",
                new ByteArrayInputStream(DocxFixtures.docx("CRPK memorandum", "Predmet: {{case.number}}, {{person.fullName}}"))));
        GeneratedDocument fromLatin = as("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.COVER_LETTER, Language.SR_CYRL, DocumentFormat.PDF, false), Map.of()));
        try (var document = Loader.loadPDF(fromLatin.content())) {
            assertThat(new PDFTextStripper().getText(document)).contains("CRPK меморандум", "Предмет: " + c.summary().caseNo() + ", Arbnor Test-Cirilica");
        }
        as("coordinator.crpk", () -> templates.upload(DocumentKind.COVER_LETTER, Language.SR_CYRL, "писмо.docx",
                new ByteArrayInputStream(DocxFixtures.docx("CRPK допис", "Број: {{case.number}}"))));
        GeneratedDocument own = as("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.COVER_LETTER, Language.SR_CYRL, DocumentFormat.DOCX, false), Map.of()));
        assertThat(docxText(own.content())).contains("CRPK допис", "Број: " + c.summary().caseNo()).doesNotContain("меморандум");
        assertThat(as("lawyer.crpk", () -> documents.history(c.id()))).extracting(GeneratedDocumentDto::language)
                .containsOnly(Language.SR_CYRL);
    }
}
