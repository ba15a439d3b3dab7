package org.protectioncases.shared.db;

/**
 * Every report slot stayed taken for as long as a report may wait: the user is asked to try again
 * (the page shows {@code error.reportsBusy}; the API answers 503 with Retry-After).
 */
public class ReportsBusyException extends RuntimeException {

    public ReportsBusyException(int slots, long waitedMillis) {
        super("All " + slots + " report slots stayed busy for " + waitedMillis + " ms");
    }
}
