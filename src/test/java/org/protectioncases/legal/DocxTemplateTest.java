package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.protectioncases.cases.CaseType;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.i18n.SerbianCyrillic;

/** Filling DOCX templates: placeholders split across runs, formatting kept, values per document language, refusals. */
class DocxTemplateTest {

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    @Test
    void placeholdersSplitAcrossRunsAreFilledAndTheFirstRunKeepsItsFormatting() throws Exception {
        // Word splits typed text at will: "{{per" "son.full" "Name}}" is one placeholder.
        byte[] source = DocxFixtures.docx("Name: {{per|son.full|Name}}, case {{case.number}}.", "{{today}}|{{|case.type|}} end");
        byte[] filled;
        try (DocxTemplate t = DocxTemplate.read(source)) {
            XWPFRun first = t.document().getParagraphs().getFirst().getRuns().getFirst();
            first.setBold(true);
            assertThat(t.tokens()).containsExactly("person.fullName", "case.number", "today", "case.type");
            t.fill(Map.of("person.fullName", "Ardian Krasniqi", "case.number", "C-2026-000123", "today", "02.12.2026",
                    "case.type", "Azil")::get);
            XWPFParagraph p = t.document().getParagraphs().getFirst();
            assertThat(p.getText()).isEqualTo("Name: Ardian Krasniqi, case C-2026-000123.");
            assertThat(p.getRuns().getFirst().isBold()).isTrue();
            assertThat(DocxTemplate.text(p.getRuns().getFirst())).isEqualTo("Name: Ardian Krasniqi");
            filled = t.docx();
        }
        assertThat(text(filled)).contains("Name: Ardian Krasniqi, case C-2026-000123.", "02.12.2026Azil end").doesNotContain("{{");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotFilledAgainAndUnknownNamesAreListed() throws Exception {
        byte[] source = DocxFixtures.docx("{{person.fullName}} / {{case.number}} / {{ client.name }}");
        try (DocxTemplate t = DocxTemplate.read(source)) {
            assertThat(t.tokens()).containsExactly("person.fullName", "case.number", "client.name");
            assertThat(t.tokens().stream().filter(n -> Placeholder.of(n).isEmpty()).toList()).containsExactly("client.name");
            t.fill(name -> name.equals("person.fullName") ? "{{case.number}}" : "X");
            assertThat(t.document().getParagraphs().getFirst().getText()).isEqualTo("{{case.number}} / X / X");
        }
    }

    @Test
    void macrosExternalTemplatesAndNonWordFilesAreRefused() {
        byte[] plain = DocxFixtures.docx("{{person.fullName}}");
        assertThatThrownBy(() -> DocxTemplate.read(DocxFixtures.macroEnabled(plain)))
                .isInstanceOfSatisfying(DocxTemplate.Problem.class, p -> assertThat(p.messageKey()).isEqualTo("legal.template.macros"));
        assertThatThrownBy(() -> DocxTemplate.read(DocxFixtures.externalTemplate(plain)))
                .isInstanceOfSatisfying(DocxTemplate.Problem.class, p -> assertThat(p.messageKey()).isEqualTo("legal.template.external"));
        assertThatThrownBy(() -> DocxTemplate.read("%PDF-1.7 not a docx".getBytes()))
                .isInstanceOfSatisfying(DocxTemplate.Problem.class, p -> assertThat(p.messageKey()).isEqualTo("legal.template.notDocx"));
        assertThatThrownBy(() -> DocxTemplate.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0}))
                .isInstanceOfSatisfying(DocxTemplate.Problem.class, p -> assertThat(p.messageKey()).isEqualTo("legal.template.notDocx"));
    }

    private static DocumentData data(LocalDate today) {
        Map<Language, String> gjilan = new EnumMap<>(Language.class);
        gjilan.put(Language.EN, "Gjilan");
        gjilan.put(Language.SQ, "Gjilan");
        gjilan.put(Language.SR, "Gnjilane");
        gjilan.put(Language.SR_CYRL, "Гњилане");
        return new DocumentData(
                new DocumentData.Person("Ardian", "Krasniqi", "Bekim", LocalDate.of(1961, 6, 1), "EXACT", "Gjilan", "Rr. Adem Jashari 5",
                        gjilan, "KOS-2026-000001"),
                new DocumentData.CaseFacts("C-2026-000123", CaseType.ASYLUM, LocalDate.of(2026, 11, 3), "Gjykata Themelore Gjilan", null,
                        LocalDate.of(2026, 12, 14), LocalTime.of(9, 30), "Gjykata Themelore Gjilan, 5", LocalDate.of(2026, 12, 17),
                        DecisionType.COURT_JUDGMENT, LocalDate.of(2026, 11, 30)),
                "Teuta Shala", "CRPK", null, today);
    }

    @Test
    void datesAndNamesAreWrittenInTheDocumentsLanguage() {
        LocalDate today = LocalDate.of(2026, 3, 9);
        Map<Placeholder, @Nullable String> sq = data(today).values(Language.SQ);
        Map<Placeholder, @Nullable String> sr = data(today).values(Language.SR);
        Map<Placeholder, @Nullable String> en = data(today).values(Language.EN);
        assertThat(sq.get(Placeholder.TODAY_LONG)).isEqualTo("9 mars 2026");
        assertThat(sr.get(Placeholder.TODAY_LONG)).isEqualTo("9. mart 2026");
        assertThat(en.get(Placeholder.TODAY_LONG)).isEqualTo("9 March 2026");
        assertThat(DocumentData.longDate(LocalDate.of(2026, 12, 2), Language.SQ)).isEqualTo("2 dhjetor 2026");
        for (var values : java.util.List.of(sq, sr, en)) {
            assertThat(values.get(Placeholder.TODAY)).isEqualTo("09.03.2026");
            assertThat(values.get(Placeholder.PERSON_BIRTH_DATE)).isEqualTo("01.06.1961");
            assertThat(values.get(Placeholder.CASE_NEXT_HEARING)).isEqualTo("14.12.2026, 09:30, Gjykata Themelore Gjilan, 5");
            assertThat(values.get(Placeholder.CASE_NEXT_DEADLINE)).isEqualTo("17.12.2026");
            // Nothing silently blank: what the records lack is null, for the form to list.
            assertThat(values.get(Placeholder.PERSON_PERSONAL_NUMBER)).isNull();
            assertThat(values.get(Placeholder.CASE_OPPOSING_PARTY)).isNull();
            assertThat(values.get(Placeholder.PARTNER_ADDRESS)).isNull();
        }
        assertThat(sr.get(Placeholder.PERSON_MUNICIPALITY)).isEqualTo("Gnjilane");
        Map<Placeholder, @Nullable String> cyrillic = data(today).values(Language.SR_CYRL);
        assertThat(cyrillic.get(Placeholder.TODAY_LONG)).isEqualTo("9. март 2026");
        assertThat(cyrillic.get(Placeholder.CASE_TYPE)).isEqualTo(SerbianCyrillic.convert(sr.get(Placeholder.CASE_TYPE)));
        assertThat(cyrillic.get(Placeholder.CASE_LAST_DECISION)).isEqualTo(SerbianCyrillic.convert(sr.get(Placeholder.CASE_LAST_DECISION)));
        // Names and addresses are printed as recorded (as on the person's documents), not transliterated.
        assertThat(cyrillic.get(Placeholder.PERSON_FULL_NAME)).isEqualTo("Ardian Krasniqi");
        assertThat(sq.get(Placeholder.PERSON_MUNICIPALITY)).isEqualTo("Gjilan");
        assertThat(en.get(Placeholder.CASE_TYPE)).isNotEqualTo(sq.get(Placeholder.CASE_TYPE)).doesNotStartWith("!");
        assertThat(sr.get(Placeholder.CASE_TYPE)).doesNotStartWith("!");
        assertThat(sq.get(Placeholder.CASE_LAST_DECISION)).endsWith("e pranuar më 30.11.2026");
        assertThat(en.get(Placeholder.CASE_LAST_DECISION)).isEqualTo("Court judgment served on 30.11.2026");

        DocumentData byMonth = new DocumentData(new DocumentData.Person("A", "B", null, LocalDate.of(1988, 3, 1), "MONTH", null, null, null,
                "KOS-1"), data(today).caseFacts(), "L", "P", "Rr. UÇK 1", today);
        assertThat(byMonth.values(Language.EN).get(Placeholder.PERSON_BIRTH_DATE)).isEqualTo("03.1988");
        assertThat(byMonth.values(Language.EN).get(Placeholder.PERSON_FATHER_NAME)).isNull();
    }

    @Test
    void serbianLatinTemplateBecomesCyrillicAroundPlaceholdersSplitAcrossRunsWithRunsAndFormattingKept() throws Exception {
        byte[] latin = DocxFixtures.docx("Ovlašćenje za |{{per|son.full|Name}}|, predmet {{case.number}} (UNHCR).", "Datum: {{today}}");
        try (DocxTemplate t = DocxTemplate.read(latin)) {
            t.document().getParagraphs().getFirst().getRuns().get(1).setBold(true);
            t.transliterate(SerbianCyrillic::convert);
            XWPFParagraph first = t.document().getParagraphs().getFirst();
            assertThat(first.getText()).isEqualTo("Овлашћење за {{person.fullName}}, предмет {{case.number}} (UNHCR).");
            assertThat(first.getRuns()).hasSize(5);
            assertThat(first.getRuns().get(1).isBold()).isTrue();
            assertThat(t.tokens()).containsExactly("person.fullName", "case.number", "today");
            t.fill(Map.of("person.fullName", "Dragan Jovanović", "case.number", "C-2026-000123", "today", "02.12.2026")::get);
            assertThat(text(t.docx())).contains("Овлашћење за Dragan Jovanović, предмет C-2026-000123 (UNHCR).", "Датум: 02.12.2026");
        }
    }

    /** Every built-in template reads, uses only documented placeholders, fills completely and renders as PDF with its letters. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyBuiltInTemplateFillsInItsLanguage(Language language) throws Exception {
        Map<Placeholder, @Nullable String> values = data(LocalDate.of(2026, 12, 2)).values(language);
        for (DocumentKind kind : DocumentKind.values()) {
            try (DocxTemplate t = DocxTemplate.read(TemplateStore.builtIn(kind, language))) {
                assertThat(t.tokens()).as(kind + " " + language).isNotEmpty()
                        .allSatisfy(n -> assertThat(Placeholder.of(n)).as(n).isPresent());
                t.fill(n -> {
                    String v = values.get(Placeholder.of(n).orElseThrow());
                    return v == null ? DocumentAssemblyService.BLANK : v;
                });
                String docx = text(t.docx());
                assertThat(docx).as(kind + " " + language).doesNotContain("{{").contains("Krasniqi");
                byte[] pdf = new DocxPdf().render(t.document(), kind.name());
                try (var document = Loader.loadPDF(pdf)) {
                    String pdfText = new PDFTextStripper().getText(document);
                    assertThat(pdfText).contains("Krasniqi", "CRPK");
                }
            }
        }
        try (DocxTemplate t = DocxTemplate.read(TemplateStore.builtIn(DocumentKind.POWER_OF_ATTORNEY, language))) {
            t.fill(n -> values.get(Placeholder.of(n).orElseThrow()) == null ? "_" : values.get(Placeholder.of(n).orElseThrow()));
            String all = t.paragraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains(switch (language) {
                case SQ -> "AUTORIZIM";
                case SR -> "OVLAŠĆENJE";
                case EN -> "POWER OF ATTORNEY";
                case SR_CYRL -> "ОВЛАШЋЕЊЕ";
            }).contains("C-2026-000123");
        }
    }
}
