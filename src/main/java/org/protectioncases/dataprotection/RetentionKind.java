package org.protectioncases.dataprotection;

/** The kinds of record the retention schedule has a rule for; the default years are in the changelog and docs. */
public enum RetentionKind {
    /** People with no open case and no activity (cases, sessions, visits, returns, groups, shelter stays, edits) for N years: anonymised. */
    INACTIVE_PERSON,
    /** Cases closed more than N years ago: summaries, notes, reasons and their sessions' notes cleared; figures kept. */
    CLOSED_CASE,
    /** Files of cases closed (and of their sessions) and of visits made more than N years ago: deleted. */
    ATTACHMENT,
    /** Access-log rows (who opened a record) older than N years: deleted. */
    ACCESS_LOG,
    /** Details (old and new values) of audit entries older than N years: removed; who, what and when stay. */
    AUDIT_DETAILS;

    public String messageKey() {
        return "dataprotection.kind." + name();
    }
}
