package org.protectioncases.followups;

import java.time.LocalDate;

/**
 * One thing a user has promised to do by a date: a case's next action, a counselling session's
 * follow-up, a monitoring visit's follow-up.
 *
 * @param kind     the record type
 * @param recordId the record's id (case, session or visit)
 * @param dueOn    the follow-up date
 * @param title    what to show (e.g. case number and person, or visit place); no confidential text
 * @param detail   the next steps or purpose, may be empty
 * @param route    the page to open, e.g. {@code cases/12}
 */
public record FollowUp(FollowUpKind kind, long recordId, LocalDate dueOn, String title, String detail, String route) {

    public boolean overdue(LocalDate today) {
        return dueOn.isBefore(today);
    }
}
