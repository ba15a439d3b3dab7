package org.protectioncases.shared.db;

import jakarta.persistence.LockTimeoutException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Query time limits. Every pooled connection starts with {@code app.db.statement-timeout}
 * (PostgreSQL's {@code statement_timeout}, set in {@code application.properties} through the
 * driver's {@code options}), so no interactive query holds a connection for long. Reports and
 * exports raise it for their own transaction; start-up data loads lift it. Liquibase runs on a
 * connection of its own without a limit ({@link MigrationsWithoutTimeLimit}).
 */
@Component
public class StatementTimeouts {

    /** PostgreSQL's "canceling statement due to statement timeout" (and user cancel). */
    static final String QUERY_CANCELED = "57014";
    /** PostgreSQL's lock_not_available (a lock wait beyond lock_timeout). */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcClient jdbc;
    private final String reportLimit;

    StatementTimeouts(JdbcClient jdbc, @Value("${app.db.report-statement-timeout:120s}") String reportLimit) {
        this.jdbc = jdbc;
        this.reportLimit = reportLimit;
    }

    /** Gives the current transaction the longer limit of reports and exports; it ends with the transaction. */
    public void useReportLimit() {
        setLocal(reportLimit);
    }

    /** No limit for the current transaction: start-up data loads that must never be cut off. */
    public void liftLimit() {
        setLocal("0");
    }

    private void setLocal(String limit) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction set_config(..., true) would end with its own statement.
            throw new IllegalStateException("A statement time limit is set for a transaction; none is active");
        }
        jdbc.sql("select set_config('statement_timeout', :limit, true)").param("limit", limit).query(String.class).single();
    }

    /**
     * Whether {@code failure} (or one of its causes) is a query the database cancelled for taking
     * too long, or a lock it could not get in time: the user may try again later.
     */
    public static boolean isTimeout(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryTimeoutException || t instanceof CannotAcquireLockException
                    || t instanceof jakarta.persistence.QueryTimeoutException || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (QUERY_CANCELED.equals(sql.getSQLState()) || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
