package org.protectioncases.scale;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import org.postgresql.ds.PGSimpleDataSource;
import org.protectioncases.shared.db.EmbeddedPostgresServer;

/**
 * Builds the benchmark database from the command line (see docs/benchmarks.md):
 * <pre>
 * ./mvnw -Pscale test-compile exec:java -Dscale.people=1000000
 * </pre>
 * Starts the app's embedded PostgreSQL 17 on {@code scale.dir} (default {@code target/scale-db}),
 * applies the app's Liquibase changelog, generates {@code scale.people} people and everything that
 * goes with them ({@link ScaleSize#of(int)}) with {@code scale.seed}, prints the report and stops.
 * The app (or the benchmark) can then run on that directory: {@code APP_DATA_DIR=target/scale-db}.
 * An existing non-empty database is refused unless {@code -Dscale.force=true}.
 */
public final class ScaleMain {

    private ScaleMain() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(System.getProperty("scale.people", String.valueOf(ScaleSize.FULL_PEOPLE)).replace("_", ""));
        long seed = Long.parseLong(System.getProperty("scale.seed", "6"));
        boolean force = Boolean.parseBoolean(System.getProperty("scale.force", "false"))
                || java.util.Arrays.asList(args).contains("--scale.force");
        Path dir = Path.of(System.getProperty("scale.dir", "target/scale-db"));
        int port = Integer.parseInt(System.getProperty("scale.port", "0"));

        long start = System.nanoTime();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, port, "protection_cases")) {
            System.out.printf("PostgreSQL 17 on port %d, data in %s%n", server.port(), server.dataDirectory());
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(server.jdbcUrl());
            ds.setUser(server.username());
            ds.setPassword(server.password());
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                // Fewer checkpoints during the bulk load; kept for later runs on this throw-away directory (harmless for reads).
                st.execute("alter system set max_wal_size = '8GB'");
                st.execute("alter system set checkpoint_timeout = '30min'");
                st.execute("select pg_reload_conf()");
            }
            if (Boolean.getBoolean("scale.serve")) {
                // Only serve the existing data set (for psql / EXPLAIN against it) until the process is stopped.
                System.out.printf("Serving %s on 127.0.0.1:%d as %s, password in %s; stop with Ctrl+C%n", dir, server.port(),
                        server.username(), dir.resolve("protection-cases.password"));
                Thread.currentThread().join();
            }
            long migrate = System.nanoTime();
            ScaleSchema.migrate(ds);
            System.out.printf("Schema (Liquibase) ready in %.1f s%n", (System.nanoTime() - migrate) / 1e9);
            GenerationReport report = ScaleDataGenerator.generate(ds, ScaleSize.of(people), seed, force, LocalDate.now());
            System.out.println();
            System.out.println(report.format());
            System.out.printf("Done in %.1f s (incl. server start and schema). Run the app on it with APP_DATA_DIR=%s%n",
                    (System.nanoTime() - start) / 1e9, dir);
        }
    }
}
