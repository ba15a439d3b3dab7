package org.protectioncases.reports.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.protectioncases.shared.db.ReportsBusyException;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A report the database stopped at the time limit: 503 JSON with Retry-After (issue #11, point 2). */
class ReportsApiErrorsTest {

    @Test
    void aTimedOutReportIs503WithRetryAfterAndNoInternals() {
        ResponseEntity<ApiError> answer = new ReportsApiErrors(new AppI18NProvider()).timedOut(new QueryTimeoutException(
                "select count(*) from person", new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(ReportsApiErrors.RETRY_AFTER_SECONDS));
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().error()).isEqualTo("busy");
        assertThat(answer.getBody().message()).containsPattern("reference [0-9a-f]{8}").doesNotContain("select", "person", "PSQL");
    }

    @Test
    void aReportRefusedByTheBulkheadIs503WithRetryAfter() {
        ResponseEntity<ApiError> answer = new ReportsApiErrors(new AppI18NProvider()).busy(new ReportsBusyException(3, 20_000));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(ReportsApiErrors.RETRY_AFTER_SECONDS));
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().error()).isEqualTo("busy");
    }
}
