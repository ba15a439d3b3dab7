package org.protectioncases.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark suite, tiny, in the normal build so that none of it rots: every operation runs
 * on a database of its own (demo data), a few rounds each, and every product answer must equal
 * the bare SQL's answer (same ids, same counts, same figures). No timing is asserted here; the
 * harness must only have produced numbers.
 */
class BenchmarkSmokeIT {

    static final BenchConfig SMOKE = new BenchConfig(1, 3, 1000, 500, 2, 6, 2, 0,
            "lawyer.crpk", "coordinator.crpk", "manager", TestDatabaseInitializer.DEMO_PASSWORD,
            "Đorđe Petorvić", "Djordje", "Petrovic", 1979, 2019, LocalDate.of(2019, 4, 30), Path.of("target", "benchmarks-smoke.md"));

    @Test
    void everyOperationRunsAndTheServicesAnswerLikeTheBareSql() throws Exception {
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = BenchmarkRunner.start(true, "--test.database.name=bench_smoke", "--server.port=0",
                "--spring.main.banner-mode=off")) {
            BenchmarkSuite suite = BenchmarkRunner.run(SMOKE, app);

            assertThat(suite.agreements).extracting(BenchmarkSuite.Agreement::id)
                    .contains("1a", "1b", "2", "2k", "3", "4", "5", "6a", "6b", "7", "7-bare", "7-zip");
            for (BenchmarkSuite.Agreement a : suite.agreements) {
                assertThat(a.product()).as("operation %s: service vs bare SQL", a.id()).isEqualTo(a.bare());
            }
            // The answers are not trivially empty: the demo data has cases, the seeded Đorđe Petrović and factsheet figures.
            BenchmarkSuite.ListAnswer myCases = (BenchmarkSuite.ListAnswer) answer(suite, "1a");
            assertThat(myCases.count()).isPositive();
            assertThat(((BenchmarkSuite.ListAnswer) answer(suite, "3")).ids()).isNotEmpty();
            assertThat(((BenchmarkSuite.DuplicateAnswer) answer(suite, "4")).visible()).isNotEmpty();
            assertThat((java.util.List<?>) answer(suite, "2")).hasSize(BenchmarkSuite.PAGE);
            assertThat(answer(suite, "6a").toString()).contains("28154");
            // The case page must not grow with its content (N+1): a fixed handful of statements.
            assertThat(Long.parseLong(suite.facts.get("case page statements"))).isBetween(3L, 12L);

            assertThat(suite.rows).extracting(BenchmarkSuite.Row::id).contains("1a", "1b", "2", "2k", "3", "4", "5", "6a", "6b", "7", "9s");
            for (BenchmarkSuite.Row row : suite.rows) {
                if (row.product() != null) {
                    assertThat(row.product().samples()).as(row.id()).isPositive();
                    assertThat(row.product().p95()).as(row.id()).isPositive();
                }
            }
            assertThat(suite.facts.get("concurrent errors (think 0)")).isEqualTo("0");
            if (SessionMemory.available()) {
                assertThat(suite.rows).extracting(BenchmarkSuite.Row::id).contains("8");
            }
            assertThat(SMOKE.output()).content().contains("| 6a |", "| 9s |");
        }
        System.out.println("Benchmark smoke run took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static Object answer(BenchmarkSuite suite, String id) {
        return suite.agreements.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().product();
    }
}
