package org.protectioncases.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.scale.ScaleDataGenerator;
import org.protectioncases.scale.ScaleMain;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The full benchmark run, not part of the normal build: {@code ./mvnw -Pbenchmark verify} against
 * the generated database in {@code -Dbench.dir} (default {@code target/scale-db}; generated there
 * first, by the generator's {@code ScaleMain}, when missing) or an external one in {@code -Dbench.url}. Prints the table and writes it to {@code target/benchmarks.md}.
 */
class ScaleBenchmark {

    static final BenchConfig FULL = new BenchConfig(10, 100, 1000, 100_000, 20, 50, 60, 3000, 10_000, 10,
            "bench.lawyer.crpk", "bench.coordinator.crpk", "bench.manager", ScaleDataGenerator.PASSWORD,
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
            if (!Files.exists(dir.resolve("PG_VERSION"))) {
                // Nothing generated yet: the generator's own command, 1 M people unless -Dscale.people says otherwise.
                System.setProperty("scale.dir", dir.toString());
                ScaleMain.main(new String[0]);
            }
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
