package org.protectioncases.shared.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "PostgreSQL cannot be reached right now" (stopped, restarting,
 * network gone), as opposed to a bug or bad input. Such failures end when the server is back: the
 * pool (HikariCP) drops the broken connections and opens new ones, so the app needs no restart and
 * the user only needs to try again (issue #17).
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /** True when {@code failure} or one of its causes says the database cannot be reached. */
    public static boolean isOutage(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server is shutting down, crashed
     * or not yet accepting connections).
     */
    static boolean isOutageState(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
