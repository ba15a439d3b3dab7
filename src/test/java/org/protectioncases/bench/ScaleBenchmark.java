package org.protectioncases.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The full benchmark run, not part of the normal build: {@code ./mvnw -Pbenchmark verify} against
 * the generated database in {@code -Dbench.dir} (default {@code target/scale-db}) or an external
 * one in {@code -Dbench.url}. Prints the table and writes it to {@code target/benchmarks.md}.
 */
class ScaleBenchmark {

    static final BenchConfig FULL = new BenchConfig(20, 200, 1000, 100_000, 40, 50, 45, 1000,
            "bench.lawyer.crpk", "bench.coordinator.crpk", "bench.manager", "Kosovo-Bench-2026",
            "Đorđe Petorvić", "Vjosa", "Gashi", 1985, LocalDate.now().getYear(), LocalDate.now(), Path.of("target", "benchmarks.md"));

    @Test
    void runTheSuite() throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties(FULL);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off", "--app.demo-data.enabled=false"));
        String url = System.getProperty("bench.url");
        if (url != null && !url.isBlank()) {
            args.add("--spring.datasource.url=" + url);
        } else {
            Path dir = Path.of(System.getProperty("bench.dir", "target/scale-db"));
            assertThat(dir.resolve("PG_VERSION")).as("no generated database in " + dir.toAbsolutePath()
                    + ": generate it first (see docs/benchmarks.md) or pass -Dbench.dir / -Dbench.url").exists();
            args.add("--app.embedded-db.data-directory=" + dir.toAbsolutePath());
        }
        try (ConfigurableApplicationContext app = BenchmarkRunner.start(false, args.toArray(String[]::new))) {
            BenchmarkSuite suite = BenchmarkRunner.run(config, app);
            for (BenchmarkSuite.Agreement a : suite.agreements) {
                if (!a.product().equals(a.bare())) {
                    System.out.println("BENCH DISAGREEMENT " + a.id() + ": product " + a.product() + " vs bare " + a.bare());
                }
            }
            assertThat(Files.exists(config.output())).isTrue();
        }
    }
}
