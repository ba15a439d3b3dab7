package org.protectioncases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases and counselling sessions imported from files: mapping, the modules' rules by row and column, both modes, undo. */
@SpringBootTest
class RecordImportIT extends ActingUsers {

    /** The demo coordinator and lawyer of CRPK (real accounts: a caseworker is looked up among them). */
    static final String COORDINATOR = "coordinator.crpk";
    static final String LAWYER = "lawyer.crpk";
    static final String LAWYER_NAME = "Vjosa Gashi";

    @Autowired
    ImportService imports;
    @Autowired
    PersonService people;
    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWork;
    @Autowired
    CounsellingService counselling;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private <T> T coordinator(Supplier<T> work) {
        return as(COORDINATOR, work);
    }

    private static String unique(String base) {
        return base + ThreadLocalRandom.current().ints(7, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    private PersonDetails person(String partnerCode, String family) {
        return as(Role.PARTNER_COORDINATOR, partnerCode, () -> people.register(PersonForm.of(unique("Drita"), family, Sex.FEMALE,
                LocalDate.of(1980 + ThreadLocalRandom.current().nextInt(20), 1, 1), BirthDatePrecision.EXACT, Community.ROMA, "PRI"), List.of()));
    }

    private UploadedFile upload(String name, byte[] bytes) {
        return coordinator(() -> imports.read(name, new ByteArrayInputStream(bytes), null));
    }

    private List<Long> casesOf(long personId) {
        return jdbc.sql("select id from protection_case where principal_person_id = :p order by id").param("p", personId).query(Long.class).list();
    }

    @Test
    void casesWithAlbanianHeadersAreCheckedByTheCaseRulesAndImportedInEitherMode() {
        String family = unique("Gashi");
        PersonDetails ana = person("CRPK", family);
        PersonDetails besa = person("CRPK", family);
        PersonDetails other = person("KRCT", family);
        byte[] file = TestFiles.xlsx(List.of(
                List.of("Numri i regjistrimit", "Lloji i rastit", "Statusi", "Data e hapjes", "Data e mbylljes", "Rezultati", "Përmbledhja",
                        "Punonjësi i rastit", "Koment"),
                List.of(ana.registrationNo(), "Dokumentacion civil", "Hapur", "01.03.2024", "", "", "Kërkon certifikatë lindjeje", LAWYER_NAME, "x"),
                List.of(besa.registrationNo(), "Azil", "Mbyllur", "2023-01-10", "15.06.2023", "U dha mbrojtja", "", LAWYER, ""),
                // Another partner's person: not among CRPK's people, whatever the number.
                List.of(other.registrationNo(), "Azil", "", "01.01.2024", "", "", "", LAWYER, ""),
                // Closed without a date, and an outcome of another case type.
                List.of(ana.registrationNo(), "Azil", "Mbyllur", "01.01.2024", "", "Dokumenti u sigurua", "", LAWYER, ""),
                List.of(ana.registrationNo(), "Kthim", "", "01.01.2999", "", "", "", "", ""),
                List.of(ana.registrationNo(), "Marsian", "", "01.01.2024", "", "", "", "Askush Këtu", "")));
        UploadedFile uploaded = upload("raste.xlsx", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(ImportKind.CASES, uploaded.table().headers()));
        assertThat(mapping.kind()).isEqualTo(ImportKind.CASES);
        assertThat(mapping.columns()).containsExactly(ImportField.CASE_PERSON, ImportField.CASE_TYPE, ImportField.CASE_STATUS,
                ImportField.CASE_OPENED_ON, ImportField.CASE_CLOSED_ON, ImportField.CASE_OUTCOME, ImportField.CASE_SUMMARY,
                ImportField.CASE_CASEWORKER, null);

        DryRunResult dry = coordinator(() -> imports.dryRun(uploaded, mapping));
        assertThat(dry.ignoredColumns()).containsExactly("Koment");
        assertThat(dry.rows()).extracting(DryRunResult.RowResult::status).containsExactly(DryRunResult.Status.READY,
                DryRunResult.Status.READY, DryRunResult.Status.ERROR, DryRunResult.Status.ERROR, DryRunResult.Status.ERROR,
                DryRunResult.Status.ERROR);
        assertThat(dry.errors()).extracting(DryRunResult.CellError::row, DryRunResult.CellError::column, DryRunResult.CellError::messageKey)
                .containsExactlyInAnyOrder(
                        tuple(4, "Numri i regjistrimit", "import.case.person"),
                        tuple(5, "Data e mbylljes", "validation.required"),
                        tuple(5, "Rezultati", "case.validation.outcomeType"),
                        tuple(6, "Data e hapjes", "validation.notInFuture"),
                        tuple(7, "Lloji i rastit", "import.value.unknown.CASE_TYPE"),
                        tuple(7, "Punonjësi i rastit", "import.value.staff"));
        // The error file in Serbian says why, by column.
        var out = new ByteArrayOutputStream();
        coordinator(() -> {
            try {
                imports.writeErrorFile(uploaded, dry, Locale.forLanguageTag("sr-Latn-XK"), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        assertThat(ErrorFileWriter.describe(dry.rows().get(2), Locale.forLanguageTag("sr-Latn-XK")))
                .contains("Numri i regjistrimit", "Među osobama vaše organizacije nema osobe", other.registrationNo());

        assertThatThrownBy(() -> coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false)))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.blockedRows()).isEqualTo(4));
        assertThat(casesOf(ana.id())).isEmpty();
        assertThat(casesOf(besa.id())).isEmpty();

        BatchSummary batch = coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.VALID_ROWS, false));
        assertThat(batch.kind()).isEqualTo(ImportKind.CASES);
        assertThat(batch.created()).isEqualTo(2);
        assertThat(batch.skipped()).isEqualTo(4);
        CaseDetails open = coordinator(() -> cases.get(casesOf(ana.id()).getFirst()).orElseThrow());
        assertThat(open.summary().type()).isEqualTo(CaseType.CIVIL_DOCUMENTATION);
        assertThat(open.summary().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(open.summary().openedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(open.summary().assignedTo()).isEqualTo(LAWYER);
        assertThat(open.summary().owningPartner()).isEqualTo(partner("CRPK"));
        assertThat(open.fields().summary()).isEqualTo("Kërkon certifikatë lindjeje");
        assertThat(open.summary().caseNo()).startsWith("C-2024-");
        CaseDetails closed = coordinator(() -> cases.get(casesOf(besa.id()).getFirst()).orElseThrow());
        assertThat(closed.summary().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.summary().closedOn()).isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(closed.summary().outcome()).isEqualTo(CaseOutcome.PROTECTION_GRANTED);
        assertThat(coordinator(() -> cases.history(closed.summary().id()))).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("CASE_IMPORTED");
            assertThat(e.details()).contains("row 3", "batch " + batch.id(), "raste.xlsx");
        });
        assertThat(casesOf(other.id())).isEmpty();
        // The mapping is not the people one: the same headers as a people file map to nothing of a case.
        assertThat(coordinator(() -> imports.suggestMapping(uploaded.table().headers())).columns()).doesNotContain(ImportField.CASE_TYPE);
    }

    @Test
    void sessionsWithSerbianHeadersGoThroughTheDialogRulesOnlyOnTheImportingPartnersCases() {
        String family = unique("Jovanovic");
        PersonDetails mira = person("CRPK", family);
        CaseDetails own = coordinator(() -> caseWork.open(new NewCase(mira.id(), CaseType.ASYLUM, CasePriority.NORMAL, null, null, LAWYER,
                LocalDate.of(2024, 1, 1))));
        PersonDetails elsewhere = person("KRCT", family);
        CaseDetails foreign = as(Role.PARTNER_COORDINATOR, "KRCT", () -> caseWork.open(new NewCase(elsewhere.id(), CaseType.ASYLUM,
                CasePriority.NORMAL, null, null, null, LocalDate.of(2024, 1, 1))));
        String caseNo = own.summary().caseNo();
        byte[] file = TestFiles.utf8Csv(List.of(
                List.of("Broj predmeta", "Datum", "Vrsta pravne pomoći", "Teme", "Sažetak", "Savetnik", "Trajanje (minuti)"),
                List.of(caseNo, "14.03.2024 10:30", "Savetovanje", "Azil; Imovina i stanovanje", "Razgovor o zahtevu", LAWYER_NAME, "45"),
                List.of(caseNo.toLowerCase(Locale.ROOT), "01.01.2023", "Informisanje", "Zdravlje", "", "", ""),
                List.of(foreign.summary().caseNo(), "02.02.2024", "Savetovanje", "Zdravlje", "", "", ""),
                List.of(caseNo, "02.02.2024", "Zastupanje", "", "", LAWYER, ""),
                List.of(caseNo, "3.3.2024", "Nešto", "Zdravlje", "", "", "pola sata")));
        UploadedFile uploaded = upload("savetovanja.csv", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(ImportKind.SESSIONS, uploaded.table().headers()));
        assertThat(mapping.columns()).containsExactly(ImportField.SESSION_CASE, ImportField.SESSION_DATE, ImportField.SESSION_AID_TYPE,
                ImportField.SESSION_TOPICS, ImportField.SESSION_SUMMARY, ImportField.SESSION_COUNSELLOR, ImportField.SESSION_DURATION);

        DryRunResult dry = coordinator(() -> imports.dryRun(uploaded, mapping));
        assertThat(dry.errors()).extracting(DryRunResult.CellError::row, DryRunResult.CellError::column, DryRunResult.CellError::messageKey)
                .containsExactlyInAnyOrder(
                        tuple(3, "Datum", "session.validation.beforeCase"),
                        tuple(4, "Broj predmeta", "import.session.case"),
                        tuple(5, "Teme", "session.validation.topics"),
                        tuple(6, "Vrsta pravne pomoći", "import.value.unknown.SESSION_AID_TYPE"),
                        tuple(6, "Trajanje (minuti)", "import.value.number"));
        assertThat(dry.count(DryRunResult.Status.READY)).isEqualTo(1);

        assertThatThrownBy(() -> coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false)))
                .isInstanceOf(ImportRefusedException.class);
        assertThat(coordinator(() -> counselling.forCase(own.summary().id()))).isEmpty();

        BatchSummary batch = coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.VALID_ROWS, false));
        assertThat(batch.kind()).isEqualTo(ImportKind.SESSIONS);
        assertThat(batch.created()).isEqualTo(1);
        assertThat(batch.skipped()).isEqualTo(4);
        SessionDto session = coordinator(() -> counselling.forCase(own.summary().id())).getFirst();
        assertThat(session.heldAt()).isEqualTo(LocalDateTime.of(2024, 3, 14, 10, 30));
        assertThat(session.counsellor()).isEqualTo(LAWYER);
        assertThat(session.form().durationMinutes()).isEqualTo(45);
        assertThat(session.form().mode()).isEqualTo(SessionMode.OFFICE);
        assertThat(session.form().aidType()).isEqualTo(LegalAidType.COUNSELLING);
        assertThat(session.form().topics()).containsExactlyInAnyOrder(SessionTopic.ASYLUM, SessionTopic.PROPERTY_HOUSING);
        assertThat(session.form().summary()).isEqualTo("Razgovor o zahtevu");
        assertThat(session.personId()).isEqualTo(mira.id());
        assertThat(as(Role.PARTNER_COORDINATOR, "KRCT", () -> counselling.forCase(foreign.summary().id()))).isEmpty();

        BatchSummary undone = coordinator(() -> imports.undo(batch.id()));
        assertThat(undone.undone()).isTrue();
        assertThat(coordinator(() -> counselling.forCase(own.summary().id()))).isEmpty();
    }

    @Test
    void undoOfCasesIsBlockedBySessionsOnThemUntilThoseAreUndoneAndIsOnlyForItsCoordinator() {
        String family = unique("Berisha");
        PersonDetails arta = person("CRPK", family);
        UploadedFile casesFile = upload("cases.csv", TestFiles.utf8Csv(List.of(
                List.of("Registration number", "Case type", "Opened on", "Caseworker"),
                List.of(arta.registrationNo(), "General protection", "10.10.2024", LAWYER))));
        BatchSummary casesBatch = coordinator(() -> imports.importFile(casesFile, imports.suggestMapping(ImportKind.CASES,
                casesFile.table().headers()), Map.of(), ImportMode.ALL_OR_NOTHING, false));
        long caseId = casesOf(arta.id()).getFirst();
        String caseNo = coordinator(() -> cases.get(caseId).orElseThrow()).summary().caseNo();
        // The counsellor left empty: the importing coordinator.
        UploadedFile sessionsFile = upload("sessions.csv", TestFiles.utf8Csv(List.of(
                List.of("Case number", "Date", "Type of legal aid", "Topics", "Counsellor"),
                List.of(caseNo, "11.10.2024", "Information", "Other, Health", ""))));
        BatchSummary sessionsBatch = coordinator(() -> imports.importFile(sessionsFile, imports.suggestMapping(ImportKind.SESSIONS,
                sessionsFile.table().headers()), Map.of(), ImportMode.ALL_OR_NOTHING, false));
        assertThat(coordinator(() -> counselling.forCase(caseId))).singleElement()
                .satisfies(s -> assertThat(s.counsellor()).isEqualTo(COORDINATOR));

        // Another partner's coordinator neither sees nor undoes; another coordinator of the partner may not undo.
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> imports.undo(casesBatch.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.undo.notFound"));
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "CRPK", () -> imports.undo(casesBatch.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.undo.notYours"));
        // A session on the case keeps the case's batch, and names the row.
        assertThatThrownBy(() -> coordinator(() -> imports.undo(casesBatch.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.undo.blocked");
                    assertThat(e.blockers()).singleElement().satisfies(b -> {
                        assertThat(b.row()).isEqualTo(2);
                        assertThat(b.reason()).isEqualTo("LINKED");
                    });
                });
        assertThat(casesOf(arta.id())).containsExactly(caseId);

        coordinator(() -> imports.undo(sessionsBatch.id()));
        BatchSummary undone = coordinator(() -> imports.undo(casesBatch.id()));
        assertThat(undone.undone()).isTrue();
        assertThat(casesOf(arta.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASE_WITHDRAWN' and entity_id = :id").param("id", String.valueOf(caseId))
                .query(Long.class).single()).isEqualTo(1);

        // A case changed since its import blocks the undo as CHANGED.
        UploadedFile again = upload("cases2.csv", TestFiles.utf8Csv(List.of(
                List.of("Registration number", "Case type", "Opened on", "Caseworker", "Summary"),
                List.of(arta.registrationNo(), "Civil documentation", "10.10.2024", LAWYER, "again"))));
        BatchSummary second = coordinator(() -> imports.importFile(again, imports.suggestMapping(ImportKind.CASES, again.table().headers()),
                Map.of(), ImportMode.ALL_OR_NOTHING, false));
        long secondCase = casesOf(arta.id()).getFirst();
        coordinator(() -> caseWork.changeStatus(secondCase, cases.get(secondCase).orElseThrow().version(), CaseStatus.IN_PROGRESS, null, null));
        assertThatThrownBy(() -> coordinator(() -> imports.undo(second.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> assertThat(e.blockers()).singleElement()
                        .satisfies(b -> assertThat(b.reason()).isEqualTo("CHANGED")));
    }

    @Test
    void templatesOfCasesAndSessionsHaveTheColumnsInTheLanguageAndTheAllowedValues() throws Exception {
        var out = new ByteArrayOutputStream();
        coordinator(() -> {
            try {
                imports.writeTemplate(ImportKind.SESSIONS, Locale.forLanguageTag("sq-XK"), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            var header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Numri i rastit");
            var values = workbook.getSheetAt(1);
            assertThat(values.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Lloji i ndihmës juridike");
            assertThat(values.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Regjistrimi civil dhe dokumentacioni");
        }
        // A template read back maps every column to its field.
        UploadedFile back = upload("template.xlsx", withRow(out.toByteArray()));
        assertThat(coordinator(() -> imports.suggestMapping(ImportKind.SESSIONS, back.table().headers())).columns())
                .containsExactlyElementsOf(ImportKind.SESSIONS.fields());
    }

    /** The template with one data row, so that it can be read as a file. */
    private static byte[] withRow(byte[] template) throws Exception {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             var out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).createRow(1).createCell(0).setCellValue("C-2024-000001");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
