package org.protectioncases.reports;

import org.protectioncases.shared.db.StatementTimeouts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Settings every report transaction makes before its aggregates (measured in docs/benchmarks.md). */
public final class ReportTransactions {

    private ReportTransactions() {
    }

    /**
     * Room to hash in memory (distinct people by place at 1 M people need about 30 MB; the server
     * default of 4 MB spills them to disk), and a plan for the actual dates every time: after five
     * executions the JDBC driver prepares statements on the server, and PostgreSQL's generic plans
     * for these queries measured 2-3 times slower. And the longer time limit of reports instead of
     * the interactive one. All end with the transaction.
     */
    public static void prepare(JdbcClient jdbc, StatementTimeouts timeouts) {
        timeouts.useReportLimit();
        jdbc.sql("set local work_mem = '64MB'").update();
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }
}
