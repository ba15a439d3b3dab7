package org.protectioncases.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.protectioncases.scale.ScaleDataGenerator;
import org.protectioncases.scale.ScaleSize;
import org.protectioncases.support.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark suite, tiny, in the normal build so that none of it rots: every operation runs
 * on a database of its own (the scale generator's tiny set, about 2,000 people), a few rounds each, and every product answer must equal
 * the bare SQL's answer (same ids, same counts, same figures). No timing is asserted here; the
 * harness must only have produced numbers.
 */
class BenchmarkSmokeIT {

    @Test
    void everyOperationRunsAndTheServicesAnswerLikeTheBareSql() throws Exception {
        long start = System.nanoTime();
        Map<String, String> db = TestDatabase.connection();
        try (ConfigurableApplicationContext app = BenchmarkRunner.start(false,
                "--spring.datasource.url=" + TestDatabase.createDatabase("bench_smoke"),
                "--spring.datasource.username=" + db.get("spring.datasource.username"),
                "--spring.datasource.password=" + db.get("spring.datasource.password"),
                "--spring.liquibase.user=" + db.get(TestDatabase.OWNER_USER),
                "--spring.liquibase.password=" + db.get(TestDatabase.OWNER_PASSWORD),
                "--app.demo-data.enabled=false", "--vaadin.launch-browser=false", "--server.port=0", "--spring.main.banner-mode=off")) {
            // As the owner: the generator writes, and this reads, past row-level security.
            DataSource owner = app.getBean(org.protectioncases.shared.db.DatabaseOwner.class).dataSource();
            JdbcClient jdbc = JdbcClient.create(owner);
            if (jdbc.sql("select count(*) from person").query(Long.class).single() == 0) {
                ScaleDataGenerator.generate(owner, ScaleSize.tiny(), 6);
            }
            // Search for a person the lawyer's partner registered: name with diacritics where there is one, a typo in the family name.
            Map<String, Object> someone = jdbc.sql("""
                    select p.given_name, p.family_name, p.birth_year from person p join partner pa on pa.id = p.registered_by_partner
                    where pa.code = 'CRPK' and p.merged_into_id is null and length(p.family_name) >= 5 and p.birth_year is not null
                    order by (p.given_name || p.family_name) ~ '[^A-Za-z -]' desc, p.id limit 1""").query().singleRow();
            String given = (String) someone.get("given_name");
            String family = (String) someone.get("family_name");
            String typo = family.charAt(0) + "" + family.charAt(2) + family.charAt(1) + family.substring(3);
            LocalDate today = LocalDate.now();
            BenchConfig config = new BenchConfig(1, 3, 1000, 500, 2, 6, 2, 0, 0, 2,
                    "bench.lawyer.crpk", "bench.coordinator.crpk", "bench.manager", ScaleDataGenerator.PASSWORD,
                    given + " " + typo, given, family, ((Number) someone.get("birth_year")).intValue(), today.getYear(), today,
                    Path.of("target", "benchmarks-smoke.md"));
            System.out.println("Benchmark smoke data ready after " + (System.nanoTime() - start) / 1_000_000 + " ms");

            BenchmarkSuite suite = BenchmarkRunner.run(config, app);

            assertThat(suite.agreements).extracting(BenchmarkSuite.Agreement::id)
                    .contains("1a", "1b", "1c", "2", "2k", "2p", "3", "4", "4c", "4d", "5", "6a", "6b", "6c", "6e", "7", "7-bare", "7-zip");
            for (BenchmarkSuite.Agreement a : suite.agreements) {
                assertThat(a.product()).as("operation %s: service vs bare SQL", a.id()).isEqualTo(a.bare());
            }
            // The answers are not trivially empty: the lawyer has cases, the person searched for is found, figures are counted.
            assertThat((List<?>) answer(suite, "1a")).isNotEmpty();
            assertThat((Long) answer(suite, "1c")).isPositive();
            assertThat(((BenchmarkSuite.ListAnswer) answer(suite, "3")).ids()).isNotEmpty();
            assertThat(((BenchmarkSuite.DuplicateAnswer) answer(suite, "4")).visible()).isNotEmpty();
            assertThat((List<?>) answer(suite, "2")).hasSize(BenchmarkSuite.PAGE);
            assertThat(((List<?>) answer(suite, "6a")).get(4)).as("returns since 2000").isNotEqualTo("0");
            // The case page must not grow with its content (N+1): a fixed handful of statements.
            assertThat(Long.parseLong(suite.facts.get("case page statements"))).isBetween(3L, 12L);

            assertThat(suite.rows).extracting(BenchmarkSuite.Row::id).contains("1a", "1b", "2", "2k", "3", "4", "5", "6a", "6b", "7", "9s", "9r");
            for (BenchmarkSuite.Row row : suite.rows) {
                if (row.product() != null) {
                    assertThat(row.product().samples()).as(row.id()).isPositive();
                    assertThat(row.product().p95()).as(row.id()).isPositive();
                }
            }
            assertThat(suite.facts.get("concurrent errors (stress)")).isEqualTo("0");
            if (SessionMemory.available()) {
                assertThat(suite.rows).extracting(BenchmarkSuite.Row::id).contains("8");
            }
            assertThat(config.output()).content().contains("| 6a |", "| 9s |", "| 9r |");
        }
        System.out.println("Benchmark smoke run took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static Object answer(BenchmarkSuite suite, String id) {
        return suite.agreements.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().product();
    }
}
