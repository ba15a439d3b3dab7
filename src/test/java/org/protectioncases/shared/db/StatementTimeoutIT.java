package org.protectioncases.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #11, point 2: an interactive query is cancelled at the limit and gives its connection
 * back; a report transaction may take longer; migrations have no limit.
 */
@SpringBootTest(properties = {
        "app.db.statement-timeout=1s",
        "app.db.report-statement-timeout=6s",
        "spring.datasource.hikari.maximum-pool-size=2"})
class StatementTimeoutIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    StatementTimeouts timeouts;
    @Autowired
    SpringLiquibase liquibase;

    private TransactionTemplate tx(boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(readOnly);
        return template;
    }

    private @org.jspecify.annotations.Nullable String limitIn(TransactionTemplate template) {
        return template.execute(s -> jdbc.sql("show statement_timeout").query(String.class).single());
    }

    @Test
    void anInteractiveQueryIsCancelledAtTheLimitAndItsConnectionIsReusedAfterwards() throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> tx(true).execute(s -> jdbc.sql("select pg_sleep(20)").query(String.class).single()))
                .isInstanceOf(QueryTimeoutException.class)
                .satisfies(e -> assertThat(StatementTimeouts.isTimeout(e)).isTrue());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("cancelled at about the 1 s limit, not after 20 s").isBetween(900L, 5_000L);

        // Also without a transaction of ours, and more times than the pool has connections: none is lost.
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> jdbc.sql("select pg_sleep(20)").query(String.class).single()).isInstanceOf(QueryTimeoutException.class);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(limitIn(tx(false))).isEqualTo("1s");
        }
        assertThat(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aReportTransactionMayTakeLongerAndTheNextTransactionHasTheShortLimitAgain() {
        String slept = tx(true).execute(s -> {
            timeouts.useReportLimit();
            return jdbc.sql("select pg_sleep(2)::text").query(String.class).single();
        });
        assertThat(slept).isEmpty();
        // The longer limit ended with its transaction; the pooled connection is back to 1 s.
        for (int i = 0; i < 3; i++) {
            assertThat(limitIn(tx(true))).isEqualTo("1s");
        }
        assertThatThrownBy(() -> timeouts.useReportLimit()).as("only inside a transaction").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void migrationsAndStartUpLoadsRunWithoutALimit() throws Exception {
        try (Connection c = liquibase.getDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show statement_timeout")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
        }
        String slept = tx(false).execute(s -> {
            timeouts.liftLimit();
            return jdbc.sql("select pg_sleep(1.5)::text").query(String.class).single();
        });
        assertThat(slept).isEmpty();
    }
}
