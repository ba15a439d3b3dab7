package org.protectioncases.reports.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.protectioncases.reports.population.Population;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.db.ReportsBusyException;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Error answers of the reporting API only (other controllers keep Spring's defaults): a bad
 * parameter is 400 naming it, with the service's validation message in English; a role that may
 * not read reports is 403; a report stopped at the time limit is 503 with Retry-After. Never a stack trace.
 */
@RestControllerAdvice(assignableTypes = ReportsApiController.class)
class ReportsApiErrors {

    static final int RETRY_AFTER_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(ReportsApiErrors.class);

    private final AppI18NProvider messages;

    ReportsApiErrors(AppI18NProvider messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String hint = switch (e.getName()) {
            case "asOf" -> "a date like 2019-04-30";
            case "year" -> "a year like 2019";
            case "population" -> "one of " + Arrays.toString(Population.values());
            case "external" -> "true or false";
            default -> "a valid value";
        };
        return badRequest(e.getName(), "Not a valid " + e.getName() + ": expected " + hint);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), "The parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ApiError> badParameter(BadParameterException e) {
        return badRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler(FieldValidationException.class)
    ResponseEntity<ApiError> invalid(FieldValidationException e) {
        Map.Entry<String, String> first = e.fieldErrors().entrySet().iterator().next();
        return badRequest(first.getKey(), messages.getTranslation(first.getValue(), Locale.ENGLISH));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("forbidden", "This account may not read reports", null));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("not_acceptable", "Ask for application/json or text/csv", null));
    }

    /**
     * A report query the database cancelled at the report time limit (or a lock not had in time):
     * 503 with Retry-After, so a client backs off instead of retrying at once. The connection is
     * free again; the reference ties the client's answer to the log line.
     */
    @ExceptionHandler({QueryTimeoutException.class, CannotAcquireLockException.class})
    ResponseEntity<ApiError> timedOut(DataAccessException e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.warn("Report query cancelled after the time limit, reference {}", reference, e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(new ApiError("busy", "The report took too long and was stopped; try again later (reference " + reference + ")", null));
    }

    /** PostgreSQL cannot be reached (stopped, restarting): 503 with Retry-After; nothing ran, and the pool reconnects by itself. */
    @ExceptionHandler({CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class})
    ResponseEntity<ApiError> databaseUnavailable(Exception e) {
        log.warn("Report API: the database cannot be reached: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(new ApiError("unavailable", "The database cannot be reached; try again later", null));
    }

    /** Every report slot stayed busy (issue #17's bulkhead): 503 with Retry-After; nothing ran. */
    @ExceptionHandler(ReportsBusyException.class)
    ResponseEntity<ApiError> busy(ReportsBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(new ApiError("busy", "Many reports are running; try again later", null));
    }

    private static ResponseEntity<ApiError> badRequest(String field, String message) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new ApiError("bad_request", message, field));
    }
}
