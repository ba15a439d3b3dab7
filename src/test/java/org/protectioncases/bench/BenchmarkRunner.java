package org.protectioncases.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.Application;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the app (with its web server, for operation 8), runs every operation and writes the
 * table: to stdout and as Markdown to {@code config.output()}.
 */
final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    /**
     * The app on the database of {@code args} (e.g. the generator's data directory), without the
     * test initializer that points every test context at the shared test database, and with the
     * statement counter around the DataSource.
     */
    static ConfigurableApplicationContext start(boolean keepTestDatabase, String... args) {
        SpringApplication app = new SpringApplication(Application.class);
        if (!keepTestDatabase) {
            app.setInitializers(app.getInitializers().stream().filter(i -> !(i instanceof TestDatabaseInitializer)).toList());
        }
        app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new StatementCounter()));
        return app.run(args);
    }

    static BenchmarkSuite run(BenchConfig config, ConfigurableApplicationContext app) throws IOException {
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        BenchmarkSuite suite = new BenchmarkSuite(config, app);
        suite.facts.put("load average before", loadBefore);
        suite.runSingleUserOperations();
        sessions(config, app, suite);
        concurrent(config, suite);
        suite.facts.put("load average after", loadAverage());
        suite.facts.put("suite took", (System.nanoTime() - t0) / 1_000_000_000 + " s");
        String markdown = markdown(config, suite);
        System.out.println(markdown);
        Files.createDirectories(config.output().toAbsolutePath().getParent());
        Files.writeString(config.output(), markdown);
        return suite;
    }

    private static void sessions(BenchConfig config, ConfigurableApplicationContext app, BenchmarkSuite suite) {
        if (config.sessions() <= 0) {
            return;
        }
        String target = "< 1 MB per user";
        if (!SessionMemory.available()) {
            suite.rows.add(new BenchmarkSuite.Row("8", "memory per signed-in user, case list open", "lawyer", null, null, target, null,
                    "not run: no Chromium at " + SessionMemory.CHROMIUM));
            return;
        }
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
        SessionMemory.Result r = SessionMemory.measure(port, config.lawyer(), config.password(), config.sessions());
        if (r == null) {
            return;
        }
        suite.facts.put("sessions", r.sessions() + " opened in " + r.openMillis() + " ms, heap growth " + r.totalGrowthBytes() / 1024 + " KB");
        suite.rows.add(new BenchmarkSuite.Row("8", "memory per signed-in user, case list open", "lawyer", null, null, target,
                r.bytesPerSession() < 1024 * 1024, String.format(Locale.ROOT, "%.0f KB per session (%d real sessions via headless Chromium,"
                + " live heap after full GC, before/after)", r.bytesPerSession() / 1024.0, r.sessions())));
    }

    private static void concurrent(BenchConfig config, BenchmarkSuite suite) {
        if (config.users() <= 0) {
            return;
        }
        if (config.thinkMaxMs() > 0) {
            // Row 9: every user thinks between actions and works the weighted mix of 1-6 (reports included).
            ConcurrentMix.Plan plan = new ConcurrentMix.Plan(config.users(), 0, config.seconds(), config.thinkMinMs(), config.thinkMaxMs());
            ConcurrentMix.Result product = ConcurrentMix.run(suite.ops, suite.users, plan, false, 42);
            ConcurrentMix.Result bare = ConcurrentMix.run(suite.ops, suite.users, plan, true, 42);
            suite.rows.add(new BenchmarkSuite.Row("9", config.users() + " concurrent users, mix of 1-6, think time "
                    + config.thinkMinMs() / 1000.0 + "-" + config.thinkMaxMs() / 1000.0 + " s", "all three",
                    product.casework(), bare.casework(), "p95 < 150 ms, no errors", Stats.ms(product.casework().p95()) < 150 && product.errors() == 0,
                    volume(config, product, bare)));
            suite.facts.put("concurrent errors (think time)", Long.toString(product.errors() + bare.errors()));
            suite.facts.put("9 by operation (product: requests, p50/p95/max ms)", byOperation(product));
        }
        // Rows 9s/9r: no think time; reportUsers of the users pull reports only, the others do casework only.
        int reportUsers = Math.min(config.reportUsers(), config.users() - 1);
        ConcurrentMix.Plan stress = new ConcurrentMix.Plan(config.users(), reportUsers, config.seconds(), 0, 0);
        ConcurrentMix.Result product = ConcurrentMix.run(suite.ops, suite.users, stress, false, 42);
        ConcurrentMix.Result bare = ConcurrentMix.run(suite.ops, suite.users, stress, true, 42);
        int caseworkers = config.users() - reportUsers;
        suite.rows.add(new BenchmarkSuite.Row("9s", caseworkers + " users doing casework (1-5) while " + reportUsers
                + " pull reports (6a, 6b, 6e), no think time (stress): casework", "all three", product.casework(), bare.casework(),
                "p95 < 500 ms, no errors", Stats.ms(product.casework().p95()) < 500 && product.errors() == 0, volume(config, product, bare)));
        if (product.reports() != null) {
            suite.rows.add(new BenchmarkSuite.Row("9r", "the same run: the " + reportUsers + " report users' requests", "manager",
                    product.reports(), bare.reports(), "-", null, "reports wait for the report bulkhead; no target"));
        }
        suite.facts.put("concurrent errors (stress)", Long.toString(product.errors() + bare.errors()));
        suite.facts.put("9s/9r by operation (product: requests, p50/p95/max ms)", byOperation(product));
    }

    /** "1a 812: 40/310/900; 2p …": where a concurrent run's tail comes from. */
    static String byOperation(ConcurrentMix.Result result) {
        StringBuilder out = new StringBuilder();
        result.byOperation().forEach((id, s) -> out.append(out.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT,
                "%s %d: %.0f/%.0f/%.0f", id, s.samples(), Stats.ms(s.p50()), Stats.ms(s.p95()), Stats.ms(s.max()))));
        return out.toString();
    }

    private static String volume(BenchConfig config, ConcurrentMix.Result product, ConcurrentMix.Result bare) {
        return String.format(Locale.ROOT, "%,d requests, %.1f/s (bare %.1f/s), %d errors, %d s", product.requests(),
                product.throughputPerSecond(), bare.throughputPerSecond(), product.errors(), config.seconds());
    }

    static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String ms(@Nullable Stats s, boolean p50, boolean p95, boolean p99) {
        if (s == null) {
            return "–";
        }
        long v = p50 ? s.p50() : p95 ? s.p95() : s.p99();
        double m = Stats.ms(v);
        return m >= 100 ? String.format(Locale.ROOT, "%,.0f", m) : String.format(Locale.ROOT, "%.2f", m);
    }

    static String markdown(BenchConfig config, BenchmarkSuite suite) {
        StringBuilder md = new StringBuilder();
        md.append("### Benchmark run ").append(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(", Java ")
                .append(System.getProperty("java.version")).append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MB. Rounds: ").append(config.warmup()).append(" warm-up + ").append(config.iterations())
                .append(" measured (factsheet ").append(config.heavyWarmup()).append(" + ").append(config.heavyIterations()).append(").\n\n");
        for (Map.Entry<String, String> e : suite.facts.entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        md.append("\nTimes in ms. Ratio = product p95 / bare SQL p95.\n\n");
        md.append("| # | operation | role | p50 | p95 | p99 | bare SQL p95 | ratio | target | met? | notes |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        for (BenchmarkSuite.Row r : suite.rows) {
            Double ratio = r.ratio();
            md.append("| ").append(r.id()).append(" | ").append(r.operation()).append(" | ").append(r.role()).append(" | ")
                    .append(ms(r.product(), true, false, false)).append(" | ").append(ms(r.product(), false, true, false)).append(" | ")
                    .append(ms(r.product(), false, false, true)).append(" | ").append(ms(r.bare(), false, true, false)).append(" | ")
                    .append(ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio)).append(" | ").append(r.target()).append(" | ")
                    .append(r.met() == null ? "–" : r.met() ? "yes" : "**no**").append(" | ").append(r.note()).append(" |\n");
        }
        return md.toString();
    }
}
