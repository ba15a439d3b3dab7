package org.protectioncases.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.protectioncases.shared.db.ReportsBusyException;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

/** What a user reads when the database stopped their query at the time limit (issue #11, point 2). */
class AppErrorHandlerTest {

    private final AppI18NProvider i18n = new AppI18NProvider();

    @Test
    void aCancelledQueryIsATranslatedMessageWithAReferenceNotAStackTrace() {
        PSQLException cancelled = new PSQLException("ERROR: canceling statement due to statement timeout", PSQLState.QUERY_CANCELED);
        for (Throwable failure : new Throwable[] {
                new QueryTimeoutException("select ...", cancelled),
                // as Vaadin hands it over: wrapped, perhaps by Hibernate's or the transaction's exceptions
                new RuntimeException(new JpaSystemException(new RuntimeException(cancelled))),
                new TransactionSystemException("commit failed", cancelled)}) {
            AppErrorHandler.Message message = AppErrorHandler.messageFor(failure);
            assertThat(message.key()).isEqualTo("error.queryTimeout");
            assertThat(message.reference()).matches("[0-9a-f]{8}");
            for (String language : new String[] {"en", "sq", "sr"}) {
                String text = i18n.getTranslation(message.key(), Locale.forLanguageTag(language), message.reference());
                assertThat(text).contains(message.reference()).doesNotContain("!error.", "Exception", "statement timeout", "select");
            }
        }
        assertThat(i18n.getTranslation("error.queryTimeout", Locale.forLanguageTag("sq"), "x"))
                .isNotEqualTo(i18n.getTranslation("error.queryTimeout", Locale.ENGLISH, "x"))
                .isNotEqualTo(i18n.getTranslation("error.queryTimeout", Locale.forLanguageTag("sr"), "x"));
    }

    @Test
    void aReportRefusedByTheBulkheadIsATranslatedTryAgainMessage() {
        AppErrorHandler.Message message = AppErrorHandler.messageFor(new RuntimeException(new ReportsBusyException(3, 20_000)));
        assertThat(message.key()).isEqualTo("error.reportsBusy");
        for (String language : new String[] {"en", "sq", "sr"}) {
            assertThat(i18n.getTranslation(message.key(), Locale.forLanguageTag(language))).doesNotContain("!error.", "Exception", "slots");
        }
    }

    @Test
    void otherFailuresKeepTheirMessages() {
        assertThat(AppErrorHandler.messageFor(new IllegalStateException("boom")).key()).isEqualTo("error.unexpected");
        assertThat(AppErrorHandler.messageFor(new org.springframework.security.access.AccessDeniedException("no")).key())
                .isEqualTo("error.accessDenied");
    }

    @Test
    void anUnreachableDatabaseIsATranslatedTryAgainMessageSayingNothingWasSaved() {
        var refused = new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        var shutdown = new java.sql.SQLException("terminating connection due to administrator command", "57P01");
        for (Throwable failure : new Throwable[] {
                new org.springframework.transaction.CannotCreateTransactionException("Could not open JPA EntityManager",
                        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new JpaSystemException(new RuntimeException(refused)),
                new org.springframework.dao.DataAccessResourceFailureException("gone", shutdown)}) {
            AppErrorHandler.Message message = AppErrorHandler.messageFor(failure);
            assertThat(message.key()).as(failure.toString()).isEqualTo("error.databaseUnavailable");
            for (String language : new String[] {"en", "sq", "sr"}) {
                assertThat(i18n.getTranslation(message.key(), Locale.forLanguageTag(language))).doesNotContain("!error.", "Exception", "Hikari");
            }
        }
        // A constraint violation or a bug is not an outage.
        assertThat(AppErrorHandler.messageFor(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)).key()).isEqualTo("error.unexpected");
    }
}
