package org.protectioncases.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import speed: a generated people file (with population groups) read, dry-run, imported and
 * undone, each timed, with the heap growth. In the suite with 1,000 rows; the figures in
 * docs/benchmarks.md come from {@code -Dimport.bench.rows=50000}. Writes target/import-benchmark.txt.
 */
@SpringBootTest
class ImportBenchmarkIT extends ActingUsers {

    @Autowired
    ImportService imports;

    @Test
    void peopleFileIsCheckedImportedAndUndoneInBoundedTimeAndMemory() throws Exception {
        // One size, or several in one run: -Dimport.bench.rows=1000,10000,50000
        List<String> lines = new ArrayList<>();
        for (String size : System.getProperty("import.bench.rows", "1000").split(",")) {
            run(Integer.parseInt(size.strip()), lines);
        }
        Files.write(Path.of("target", "import-benchmark.txt"), lines);
    }

    private void run(int n, List<String> lines) {
        byte[] file = generate(n);
        log(lines, "rows " + n + ", file " + file.length / 1024 + " KiB, load average " + load());
        long base = heapAfterGc();
        long t0 = System.nanoTime();
        UploadedFile uploaded = as(Role.PARTNER_COORDINATOR, "AT", () -> imports.read("bench-" + n + ".csv", new ByteArrayInputStream(file), null));
        ColumnMapping mapping = as(Role.PARTNER_COORDINATOR, "AT", () -> imports.suggestMapping(uploaded.table().headers()));
        log(lines, phase("read", t0, base));
        long t1 = System.nanoTime();
        DryRunResult dry = as(Role.PARTNER_COORDINATOR, "AT", () -> imports.dryRun(uploaded, mapping));
        log(lines, phase("dry run", t1, base) + ", load average " + load());
        assertThat(dry.count(DryRunResult.Status.ERROR)).isZero();
        long t2 = System.nanoTime();
        BatchSummary batch = as(Role.PARTNER_COORDINATOR, "AT", () -> imports.importFile(uploaded, mapping, Map.of(),
                ImportMode.VALID_ROWS, true));
        log(lines, phase("import", t2, base) + ", load average " + load());
        long t3 = System.nanoTime();
        as(Role.PARTNER_COORDINATOR, "AT", () -> imports.undo(batch.id()));
        log(lines, phase("undo", t3, base));
        log(lines, "ready " + dry.count(DryRunResult.Status.READY) + ", possible duplicates " + dry.count(DryRunResult.Status.DUPLICATE)
                + ", created " + batch.created() + ", load average " + load());
        assertThat(batch.created() + batch.skipped()).isEqualTo(n);
    }

    /**
     * Cases and sessions files: n people imported (the setup), then a cases file naming them by
     * registration number, then a sessions file naming those cases by number, each dry-run and
     * imported and timed; everything undone at the end. In the suite with 200 rows;
     * {@code -Dimport.bench.records=5000} for the figures in docs/benchmarks.md. Writes
     * target/import-records-benchmark.txt.
     */
    @Test
    void casesAndSessionsFilesAreCheckedImportedAndUndoneInBoundedTime() throws Exception {
        int n = Integer.parseInt(System.getProperty("import.bench.records", "200"));
        List<String> lines = new ArrayList<>();
        String who = "coordinator.crpk"; // a real account: the caseworker and counsellor left empty are the importing user
        Random random = new Random();
        StringBuilder people = new StringBuilder("Given name;Family name;Sex;Community\r\n");
        for (int i = 0; i < n; i++) {
            StringBuilder family = new StringBuilder("B");
            for (int k = 0; k < 10; k++) {
                family.append((char) ('a' + random.nextInt(26)));
            }
            people.append("Arta;").append(family).append(";F;Rom\r\n");
        }
        BatchSummary peopleBatch = as(who, () -> {
            UploadedFile f = imports.read("bench-people.csv", new ByteArrayInputStream(people.toString().getBytes(StandardCharsets.UTF_8)), null);
            return imports.importFile(f, imports.suggestMapping(f.table().headers()), Map.of(), ImportMode.VALID_ROWS, true);
        });
        List<String> numbers = jdbcNumbers("select p.registration_no from import_record r join person p on p.id = r.entity_id"
                + " where r.batch_id = " + peopleBatch.id() + " and r.entity_type = 'person' order by r.row_no");
        log(lines, "records " + numbers.size() + ", load average " + load());
        StringBuilder casesFile = new StringBuilder("Numri i regjistrimit;Lloji i rastit;Statusi;Data e hapjes;Data e mbylljes;Rezultati;Përmbledhja\r\n");
        for (int i = 0; i < numbers.size(); i++) {
            casesFile.append(numbers.get(i)).append(i % 2 == 0 ? ";Azil;Hapur;1.3.2023;;;Kërkesë për azil\r\n"
                    : ";Dokumentacion civil;Mbyllur;1.3.2023;1.9.2023;Dokumenti u sigurua;Certifikatë lindjeje\r\n");
        }
        BatchSummary casesBatch = timed(lines, who, "cases", casesFile.toString(), ImportKind.CASES, numbers.size());
        List<String> caseNos = jdbcNumbers("select c.case_no from import_record r join protection_case c on c.id = r.entity_id"
                + " where r.batch_id = " + casesBatch.id() + " and r.entity_type = 'case' order by r.row_no");
        StringBuilder sessionsFile = new StringBuilder("Broj predmeta;Datum;Vrsta pravne pomoći;Teme;Sažetak;Trajanje (minuti)\r\n");
        // Spread over half a year, as a caseload is: the activity summaries recompute a day's bucket per statement.
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        for (int i = 0; i < caseNos.size(); i++) {
            sessionsFile.append(caseNos.get(i)).append(';').append(LocalDate.of(2023, 3, 1).plusDays(i % 180).format(format))
                    .append(" 10:00;Savetovanje;Postupak azila, Zdravlje;Razgovor;45\r\n");
        }
        BatchSummary sessionsBatch = timed(lines, who, "sessions", sessionsFile.toString(), ImportKind.SESSIONS, caseNos.size());
        long t = System.nanoTime();
        as(who, () -> imports.undo(sessionsBatch.id()));
        as(who, () -> imports.undo(casesBatch.id()));
        log(lines, String.format("undo sessions and cases %.1f s", (System.nanoTime() - t) / 1e9));
        as(who, () -> imports.undo(peopleBatch.id()));
        Files.write(Path.of("target", "import-records-benchmark.txt"), lines);
    }

    private BatchSummary timed(List<String> lines, String who, String name, String content, ImportKind kind, int rows) {
        long base = heapAfterGc();
        UploadedFile f = as(who, () -> imports.read("bench-" + name + ".csv", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                null));
        ColumnMapping mapping = as(who, () -> imports.suggestMapping(kind, f.table().headers()));
        long t1 = System.nanoTime();
        DryRunResult dry = as(who, () -> imports.dryRun(f, mapping));
        log(lines, phase(name + " dry run", t1, base) + ", load average " + load());
        assertThat(dry.errors()).isEmpty();
        long t2 = System.nanoTime();
        BatchSummary batch = as(who, () -> imports.importFile(f, mapping, Map.of(), ImportMode.ALL_OR_NOTHING, true));
        log(lines, phase(name + " import", t2, base) + ", load average " + load());
        assertThat(batch.created()).isEqualTo(rows);
        return batch;
    }

    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private List<String> jdbcNumbers(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    private static void log(List<String> lines, String line) {
        System.out.println("IMPORT BENCHMARK " + line);
        lines.add(line);
    }

    private static String phase(String name, long start, long baseHeap) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long used = usedHeap();
        long retained = heapAfterGc();
        return String.format("%-8s %7.1f s, heap now +%d MB, retained after GC +%d MB", name, seconds, (used - baseHeap) >> 20,
                (retained - baseHeap) >> 20);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapAfterGc() {
        System.gc();
        return usedHeap();
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Albanian headers, Albanian and Serbian values, a population group on every third row. */
    static byte[] generate(int n) {
        Random random = new Random(42);
        String[] given = {"Arta", "Besnik", "Drita", "Fatmir", "Gëzim", "Jelena", "Marko", "Milica", "Nexhmije", "Zoran"};
        String[] municipalities = {"Prishtinë", "Priština", "Pejë", "Peć", "Ferizaj", "Gračanica", "Prizren", "Gjakovë"};
        String[] communities = {"Shqiptar", "Srbin", "Rom", "Ashkali", "Egjiptian", "Boshnjak"};
        StringBuilder s = new StringBuilder("Emri;Mbiemri;Gjinia;Data e lindjes;Komuniteti;Komuna;Grupi;Në grup që nga;Vendi i zhvendosjes\r\n");
        for (int i = 0; i < n; i++) {
            StringBuilder family = new StringBuilder();
            for (int k = 0; k < 9; k++) {
                family.append((char) ('a' + random.nextInt(26)));
            }
            family.setCharAt(0, Character.toUpperCase(family.charAt(0)));
            String group = i % 3 == 0 ? "PZHBV;1.7.1999;Brenda Kosovës" : i % 3 == 1 ? "I kthyer;15.3.2012;" : ";;";
            s.append(given[random.nextInt(given.length)]).append(';').append(family).append(';').append(random.nextBoolean() ? "F" : "M")
                    .append(';').append(1 + random.nextInt(28)).append('.').append(1 + random.nextInt(12)).append('.')
                    .append(1940 + random.nextInt(80)).append(';').append(communities[random.nextInt(communities.length)]).append(';')
                    .append(municipalities[random.nextInt(municipalities.length)]).append(';').append(group).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
