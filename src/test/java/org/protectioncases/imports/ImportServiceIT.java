package org.protectioncases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
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
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class ImportServiceIT extends ActingUsers {

    static final List<String> ALBANIAN = List.of("Emri", "Mbiemri", "Gjinia", "Data e lindjes", "Komuniteti", "Komuna",
            "Grupi", "Në grup që nga", "Shënime");

    @Autowired
    ImportService imports;
    @Autowired
    ImportJobs jobs;
    @Autowired
    PersonService people;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private static String unique(String base) {
        // Letters only, so the unique part survives name folding in the duplicate search.
        return base + ThreadLocalRandom.current().ints(7, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    private <T> T coordinator(Supplier<T> work) {
        return as(Role.PARTNER_COORDINATOR, "CRPK", work);
    }

    private UploadedFile upload(String name, byte[] bytes) {
        return coordinator(() -> imports.read(name, new ByteArrayInputStream(bytes), null));
    }

    private long peopleNamed(String family) {
        return jdbc.sql("select count(*) from person where family_name = :f").param("f", family).query(Long.class).single();
    }

    private long batches() {
        return jdbc.sql("select count(*) from import_batch").query(Long.class).single();
    }

    @Test
    void albanianSpreadsheetIsMappedCheckedAndImportedAsOneBatchThatShowsOnTheHistory() {
        String family = unique("Krasniqi");
        byte[] file = TestFiles.xlsx(List.of(ALBANIAN,
                List.of("Vjosa", family, "Femër", "14.03.1985", "Shqiptar", "Prishtinë", "PZHBV", "01.06.1999", "x"),
                List.of("Driton", family, "M", "1990-07-01", "Rom", "Priština", "I kthyer", "2.5.2015", ""),
                // An Excel serial number (1.1.1987). Born three years from Driton: with the same family name
                // a birth year within one of his would make the two a possible duplicate (the registry's rule).
                List.of("Merita", family, "F", "31778", "Ashkali", "Ferizaj", "", "", "")));
        UploadedFile uploaded = upload("krasniqi.xlsx", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(uploaded.table().headers()));
        assertThat(mapping.columns()).containsExactly(ImportField.GIVEN_NAME, ImportField.FAMILY_NAME, ImportField.SEX,
                ImportField.BIRTH_DATE, ImportField.COMMUNITY, ImportField.MUNICIPALITY, ImportField.POPULATION_GROUP,
                ImportField.GROUP_SINCE, null);

        DryRunResult dry = coordinator(() -> imports.dryRun(uploaded, mapping));
        assertThat(dry.ignoredColumns()).containsExactly("Shënime");
        // An IDP needs the place of displacement (the person file's own rule): row 2 is refused for it.
        assertThat(dry.rows()).extracting(DryRunResult.RowResult::status)
                .containsExactly(DryRunResult.Status.ERROR, DryRunResult.Status.READY, DryRunResult.Status.READY);
        assertThat(dry.rows().getFirst().errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("DISPLACED_FROM");
            assertThat(e.messageKey()).isEqualTo("person.validation.displacementPlace");
        });
        assertThat(peopleNamed(family)).isZero();

        BatchSummary batch = coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.VALID_ROWS, false));
        assertThat(batch.created()).isEqualTo(2);
        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(batch.sha256()).hasSize(64);
        assertThat(peopleNamed(family)).isEqualTo(2);
        long driton = jdbc.sql("select id from person where given_name = 'Driton' and family_name = :f").param("f", family).query(Long.class).single();
        PersonDetails details = coordinator(() -> people.get(driton).orElseThrow());
        assertThat(details.profile().municipalityCode()).isEqualTo("PRI");
        assertThat(details.profile().community()).isEqualTo(Community.ROMA);
        assertThat(details.profile().birthDate()).isEqualTo(LocalDate.of(1990, 7, 1));
        assertThat(details.groups()).singleElement().satisfies(g -> assertThat(g.startDate()).isEqualTo(LocalDate.of(2015, 5, 2)));
        assertThat(coordinator(() -> people.history(driton))).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("PERSON_IMPORTED");
            assertThat(e.details()).contains("row 3", "batch " + batch.id(), "krasniqi.xlsx");
            // Shown in the reader's language (issue #13): a message key and its arguments.
            assertThat(e.messageKey()).isEqualTo("history.import.row");
            assertThat(e.messageArgs()).startsWith("3", String.valueOf(batch.id()), "krasniqi.xlsx");
        });
        assertThat(coordinator(() -> people.history(driton))).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("PERSON_REGISTERED");
            assertThat(e.messageKey()).startsWith("history.person.registered");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('IMPORT_UPLOADED', 'IMPORT_DRY_RUN', 'IMPORT_BATCH_IMPORTED')"
                + " and details like :f").param("f", "%krasniqi.xlsx%").query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void allOrNothingRefusesAFileWithBadRowsAndSavesNothing() {
        String family = unique("Berisha");
        byte[] file = TestFiles.utf8Csv(List.of(List.of("Given name", "Family name", "Sex", "Date of birth", "Community", "Municipality"),
                List.of("Arta", family, "F", "01.01.1980", "Albanian", "Atlantis"),
                List.of("Besa", family, "F", "01.01.2999", "Albanian", "Peja"),
                List.of("Cen", family, "M", "01.01.1980", "Martian", "Peja"),
                List.of("Dua", family, "Q", "31.02.1980", "Albanian", "Peja"),
                List.of("Era", family, "F", "5.5.1995", "Albanian", "Pejë")));
        UploadedFile uploaded = upload("berisha.csv", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(uploaded.table().headers()));
        DryRunResult dry = coordinator(() -> imports.dryRun(uploaded, mapping));
        assertThat(dry.errors()).extracting(DryRunResult.CellError::row, DryRunResult.CellError::column, DryRunResult.CellError::messageKey)
                .contains(Tuple.tuple(2, "Municipality", "import.value.unknown.MUNICIPALITY"),
                        Tuple.tuple(3, "Date of birth", "validation.notInFuture"),
                        Tuple.tuple(4, "Community", "import.value.unknown.COMMUNITY"),
                        Tuple.tuple(5, "Sex", "import.value.unknown.SEX"),
                        Tuple.tuple(5, "Date of birth", "import.value.date"));
        assertThat(dry.count(DryRunResult.Status.READY)).isEqualTo(1);
        long before = batches();
        assertThatThrownBy(() -> coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false)))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.blockedRows()).isEqualTo(4));
        assertThat(peopleNamed(family)).isZero();
        assertThat(batches()).isEqualTo(before);
        // The error file in Albanian names the bad rows and why.
        var out = new ByteArrayOutputStream();
        coordinator(() -> {
            try {
                imports.writeErrorFile(uploaded, dry, Locale.forLanguageTag("sq-XK"), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        Path errors = writeTemp(out.toByteArray());
        SourceTable errorRows = XlsxTableReader.read(errors, 100);
        assertThat(errorRows.rows()).hasSize(4);
        assertThat(errorRows.rows().getFirst().cells().getLast()).contains("Municipality", "Komunë e panjohur", "Atlantis");
    }

    private static Path writeTemp(byte[] bytes) {
        try {
            Path p = Files.createTempFile("errors", ".xlsx");
            Files.write(p, bytes);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void duplicatesAgainstTheRegistryInCyrillicOrWithoutDiacriticsAndWithinTheFileNeedADecision() {
        String family = unique("Jovanović");
        PersonDetails existing = coordinator(() -> people.register(PersonForm.of("Đorđe", family, Sex.MALE, LocalDate.of(1975, 4, 4),
                BirthDatePrecision.EXACT, Community.SERB, "GRA"), List.of()));
        String latinNoMarks = TextFolding.fold(family).substring(0, 1).toUpperCase() + TextFolding.fold(family).substring(1);
        byte[] file = TestFiles.csv(List.of(List.of("Ime", "Prezime", "Pol", "Datum rođenja", "Zajednica", "Opština"),
                List.of("Djordje", latinNoMarks, "Muški", "4.4.1975", "Srbin", "Gračanica"),
                List.of("Milica", family, "Žensko", "1.1.2001", "Srbin", "Gračanica"),
                List.of("Milica", family, "Ž", "1.1.2001", "Srbin", "Gracanica")), ';', StandardCharsets.UTF_8, true);
        UploadedFile uploaded = upload("jovanovic.csv", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(uploaded.table().headers()));
        DryRunResult dry = coordinator(() -> imports.dryRun(uploaded, mapping));
        assertThat(dry.rows()).extracting(DryRunResult.RowResult::status)
                .containsExactly(DryRunResult.Status.DUPLICATE, DryRunResult.Status.READY, DryRunResult.Status.DUPLICATE);
        assertThat(dry.rows().get(0).matches()).anySatisfy(m -> assertThat(m.personId()).isEqualTo(existing.id()));
        assertThat(dry.rows().get(2).matches()).singleElement().satisfies(m -> assertThat(m.fileRow()).isEqualTo(3));

        assertThatThrownBy(() -> coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false)))
                .isInstanceOf(ImportRefusedException.class);
        BatchSummary batch = coordinator(() -> imports.importFile(uploaded, mapping,
                Map.of(2, new Decision.SamePerson(existing.id()), 4, new Decision.SameAsRow(3)), ImportMode.ALL_OR_NOTHING, false));
        assertThat(batch.created()).isEqualTo(1);
        assertThat(batch.linked()).isEqualTo(2);
        assertThat(peopleNamed(family)).isEqualTo(2); // Đorđe as before, Milica once
        assertThat(coordinator(() -> people.history(existing.id()))).anySatisfy(e -> assertThat(e.action()).isEqualTo("PERSON_IMPORT_LINKED"));
    }

    /**
     * The import reuses the dry run's duplicate answers only while the registry is unchanged: a
     * person registered by a colleague between the dry run and the import is still caught, and
     * an unchanged registry gives the dry run's answers (issue #15, docs/import.md "Speed").
     */
    @Test
    void aPersonRegisteredBetweenTheDryRunAndTheImportIsStillCaught() {
        String family = unique("Berisha");
        String other = unique("Hoxha");
        byte[] file = TestFiles.utf8Csv(List.of(List.of("Emri", "Mbiemri", "Gjinia", "Data e lindjes", "Komuniteti"),
                List.of("Arta", family, "F", "2.3.1990", "Shqiptar"), List.of("Ilir", other, "M", "5.6.1985", "Shqiptar")));
        UploadedFile uploaded = upload("berisha.csv", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(uploaded.table().headers()));
        DryRunResult dry = coordinator(() -> imports.dryRun(uploaded, mapping));
        assertThat(dry.rows()).extracting(DryRunResult.RowResult::status).containsExactly(DryRunResult.Status.READY, DryRunResult.Status.READY);
        // Asked again with nothing changed: the same answers.
        assertThat(coordinator(() -> imports.dryRun(uploaded, mapping))).isEqualTo(dry);

        PersonDetails registered = as(Role.PARTNER_LAWYER, "CRPK", () -> people.register(PersonForm.of("Arta", family, Sex.FEMALE,
                LocalDate.of(1990, 3, 2), BirthDatePrecision.EXACT, Community.ALBANIAN, "PRI"), List.of()));

        assertThatThrownBy(() -> coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false)))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.result().rows().get(0).matches())
                        .singleElement().satisfies(m -> assertThat(m.personId()).isEqualTo(registered.id())));
        BatchSummary batch = coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.VALID_ROWS, false));
        assertThat(batch.created()).isEqualTo(1);
        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(peopleNamed(family)).isEqualTo(1); // the colleague's Arta only
        assertThat(peopleNamed(other)).isEqualTo(1);
    }

    @Test
    void theSameFileTwiceIsNamedBeforeAnythingIsSaved() {
        String family = unique("Gashi");
        byte[] file = TestFiles.utf8Csv(List.of(List.of("Emri", "Mbiemri", "Gjinia", "Komuniteti"), List.of("Ilir", family, "M", "Shqiptar")));
        UploadedFile first = upload("gashi.csv", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(first.table().headers()));
        BatchSummary batch = coordinator(() -> imports.importFile(first, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false));
        UploadedFile again = upload("gashi (copy).csv", file);
        long before = batches();
        assertThatThrownBy(() -> coordinator(() -> imports.importFile(again, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false)))
                .isInstanceOfSatisfying(AlreadyImportedException.class, e -> assertThat(e.previous().id()).isEqualTo(batch.id()));
        assertThat(batches()).isEqualTo(before);
        assertThat(peopleNamed(family)).isEqualTo(1);
    }

    @Test
    void undoWithdrawsThePeopleUnlessOneWasChangedAndOnlyForItsCoordinator() {
        String family = unique("Hoxha");
        // Birth years apart: two of a family of unknown birth would be possible duplicates of each other.
        byte[] file = TestFiles.utf8Csv(List.of(List.of("Emri", "Mbiemri", "Gjinia", "Komuniteti", "Datëlindja"),
                List.of("Agon", family, "M", "Shqiptar", "1980"), List.of("Blerta", family, "F", "Shqiptar", "1990")));
        UploadedFile uploaded = upload("hoxha.csv", file);
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(uploaded.table().headers()));
        BatchSummary batch = coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false));
        assertThat(peopleNamed(family)).isEqualTo(2);

        // Another partner neither sees nor undoes it; a lawyer of the same partner may not import at all.
        assertThat(as(Role.PARTNER_COORDINATOR, "KRCT", () -> imports.batches(0, 200))).noneMatch(b -> b.id() == batch.id());
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> imports.undo(batch.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.undo.notFound"));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> imports.batches(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> imports.read("x.csv", new ByteArrayInputStream(file), null)))
                .isInstanceOf(AccessDeniedException.class);
        // Another coordinator of the same partner sees it but may not undo it.
        assertThatThrownBy(() -> as("coordinator.crpk", () -> imports.undo(batch.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.undo.notYours"));

        // A change to one of its people blocks the undo, which names the row.
        long blerta = jdbc.sql("select id from person where given_name = 'Blerta' and family_name = :f").param("f", family).query(Long.class).single();
        coordinator(() -> {
            PersonDetails p = people.get(blerta).orElseThrow();
            PersonForm f = p.profile();
            return people.update(blerta, p.version(), f.toBuilder().fatherName("Ramadan").build());
        });
        assertThatThrownBy(() -> coordinator(() -> imports.undo(batch.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.undo.blocked");
                    assertThat(e.blockers()).singleElement().satisfies(b -> {
                        assertThat(b.row()).isEqualTo(3);
                        assertThat(b.reason()).isEqualTo("CHANGED");
                    });
                });
        assertThat(peopleNamed(family)).isEqualTo(2);

        // An untouched batch is undone: its people are gone, the batch stays as history.
        // A name unlike the first file's: without a birth year "Agon Hoxha…" and "Agon Hoxha…" with two
        // random tails were sometimes close enough to be a possible duplicate, and the file was refused.
        String other = unique("Qerkezi");
        UploadedFile second = upload("qerkezi.csv", TestFiles.utf8Csv(List.of(List.of("Emri", "Mbiemri", "Gjinia", "Komuniteti", "Grupi", "Nga data"),
                List.of("Dardan", other, "M", "Shqiptar", "Refugjat", "01.01.2020"))));
        BatchSummary undoable = coordinator(() -> imports.importFile(second, imports.suggestMapping(second.table().headers()), Map.of(),
                ImportMode.ALL_OR_NOTHING, false));
        assertThat(peopleNamed(other)).isEqualTo(1);
        BatchSummary undone = coordinator(() -> imports.undo(undoable.id()));
        assertThat(undone.undone()).isTrue();
        assertThat(peopleNamed(other)).isZero();
        assertThatThrownBy(() -> coordinator(() -> imports.undo(undoable.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.undo.alreadyUndone"));
        // After 30 days, no undo.
        jdbc.sql("update import_batch set created_at = now() - interval '31 days' where id = :id").param("id", batch.id()).update();
        assertThatThrownBy(() -> coordinator(() -> imports.undo(batch.id())))
                .isInstanceOfSatisfying(UndoRefusedException.class, e -> assertThat(e.messageKey()).isEqualTo("import.undo.tooOld"));
    }

    @Test
    void badFilesAreRefusedWithAClearReasonAndNothingSaved() {
        long before = batches();
        assertRefused("empty.csv", new byte[0], "import.file.empty");
        assertRefused("blank.csv", "\r\n\r\n".getBytes(), "import.file.empty");
        assertRefused("headers.csv", "Emri;Mbiemri\r\n".getBytes(), "import.file.noRows");
        assertRefused("headers.xlsx", TestFiles.xlsx(List.of(List.of("Emri", "Mbiemri"))), "import.file.noRows");
        assertRefused("renamed.xlsx", "Emri,Mbiemri\nA,B\n".getBytes(), "import.file.notXlsx");
        assertRefused("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, "import.file.oldExcel");
        assertRefused("twice.csv", TestFiles.utf8Csv(List.of(List.of("Emri", "Mbiemri", "emri"), List.of("A", "B", "C"))),
                "import.file.duplicateHeader");
        assertThat(batches()).isEqualTo(before);
    }

    private void assertRefused(String name, byte[] bytes, String key) {
        assertThatThrownBy(() -> upload(name, bytes)).as(name)
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aFailureMidImportLeavesNoTraceOfTheBatch() {
        String family = unique("Rexhepi");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Emri", "Mbiemri", "Gjinia", "Komuniteti", "Datëlindja"));
        for (int i = 0; i < 20; i++) {
            // Birth years three apart, so that no row is a possible duplicate of another.
            rows.add(List.of(i == 15 ? "Boom" : "Person" + (char) ('a' + i), family, "F", "Rom", String.valueOf(1930 + 3 * i)));
        }
        UploadedFile uploaded = upload("rexhepi.csv", TestFiles.utf8Csv(rows));
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(uploaded.table().headers()));
        // The database refuses the 16th person (as a crash or a constraint would, after 15 were written).
        jdbc.sql("""
                create or replace function import_test_boom() returns trigger language plpgsql as $$
                begin if new.given_name = 'Boom' then raise exception 'boom'; end if; return new; end $$""").update();
        jdbc.sql("create trigger import_test_boom before insert on person for each row execute function import_test_boom()").update();
        long before = batches();
        try {
            assertThatThrownBy(() -> coordinator(() -> imports.importFile(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false)))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("drop trigger import_test_boom on person").update();
            jdbc.sql("drop function import_test_boom()").update();
        }
        assertThat(peopleNamed(family)).isZero();
        assertThat(batches()).isEqualTo(before);
        assertThat(coordinator(() -> imports.importedBefore(uploaded.sha256()))).isEmpty();
    }

    private ImportJobs.Status waitFor(Supplier<Optional<ImportJobs.Status>> current) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportJobs.Status status = current.get().orElseThrow();
            if (!status.running()) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish in a minute");
    }

    @Test
    void backgroundJobsReportProgressRunOneAtATimePerPartnerAndAFailedImportLeavesOnlyAFailedBatch() throws Exception {
        String family = unique("Morina");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Emri", "Mbiemri", "Gjinia", "Komuniteti", "Datëlindja"));
        for (int i = 0; i < 30; i++) {
            // Birth years three apart, so that no row is a possible duplicate of another.
            rows.add(List.of(i == 25 ? "Boom" : "Person" + (char) ('a' + i % 26) + (char) ('a' + i / 26), family, "F", "Rom",
                    String.valueOf(1920 + 3 * i)));
        }
        UploadedFile uploaded = upload("morina.csv", TestFiles.utf8Csv(rows));
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(uploaded.table().headers()));

        // A dry run in the background: done with every row counted; the user's job until dismissed.
        coordinator(() -> jobs.startDryRun(uploaded, mapping));
        ImportJobs.Status dry = waitFor(() -> coordinator(jobs::current));
        assertThat(dry.state()).isEqualTo(ImportJobs.State.DONE);
        assertThat(dry.done()).isEqualTo(30);
        assertThat(dry.dryRun()).isNotNull();
        assertThat(dry.dryRun().count(DryRunResult.Status.READY)).isEqualTo(30);
        // Another coordinator of the same partner has no job of their own to see.
        assertThat(as("coordinator.crpk", jobs::current)).isEmpty();

        // The import fails in the database after 25 people: nothing of it is saved but a failed batch with the reason.
        jdbc.sql("""
                create or replace function import_test_boom() returns trigger language plpgsql as $$
                begin if new.given_name = 'Boom' then raise exception 'boom'; end if; return new; end $$""").update();
        jdbc.sql("create trigger import_test_boom before insert on person for each row execute function import_test_boom()").update();
        long before = batches();
        ImportJobs.Status failed;
        try {
            ImportJobs.Status started = coordinator(() -> jobs.startImport(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false));
            // One job at a time per partner: while it runs, neither this user nor a colleague starts another.
            if (coordinator(jobs::current).orElseThrow().running()) {
                assertThatThrownBy(() -> as("coordinator.crpk", () -> jobs.startDryRun(uploaded, mapping)))
                        .isInstanceOf(ImportBusyException.class);
            }
            assertThat(started.kind()).isEqualTo(ImportJobs.Kind.IMPORT);
            failed = waitFor(() -> coordinator(jobs::current));
        } finally {
            jdbc.sql("drop trigger import_test_boom on person").update();
            jdbc.sql("drop function import_test_boom()").update();
        }
        assertThat(failed.state()).isEqualTo(ImportJobs.State.FAILED);
        assertThat(failed.batch()).isNotNull();
        assertThat(failed.batch().failure()).isEqualTo(ImportFailure.DATABASE);
        assertThat(peopleNamed(family)).isZero();
        assertThat(batches()).isEqualTo(before + 1);
        assertThat(coordinator(() -> imports.importedBefore(uploaded.sha256()))).isEmpty();
        assertThat(coordinator(() -> imports.mayUndo(failed.batch().id()))).isFalse();
        assertThat(coordinator(() -> imports.batches(0, 200))).anySatisfy(b -> {
            assertThat(b.id()).isEqualTo(failed.batch().id());
            assertThat(b.failure()).isEqualTo(ImportFailure.DATABASE);
            assertThat(b.created()).isZero();
        });

        // Without the fault the same file imports in the background, every row counted.
        coordinator(() -> jobs.startImport(uploaded, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, false));
        ImportJobs.Status done = waitFor(() -> coordinator(jobs::current));
        assertThat(done.state()).isEqualTo(ImportJobs.State.DONE);
        assertThat(done.done()).isEqualTo(done.total());
        assertThat(done.batch().created()).isEqualTo(30);
        assertThat(peopleNamed(family)).isEqualTo(30);
        coordinator(() -> {
            jobs.dismiss();
            return null;
        });
        assertThat(coordinator(jobs::current)).isEmpty();
    }
}
