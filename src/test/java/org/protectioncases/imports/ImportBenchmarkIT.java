package org.protectioncases.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.Role;
import org.protectioncases.testsupport.ActingUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
