package org.protectioncases.legal;

import java.time.LocalDate;

/**
 * A deadline a rule proposes for a served decision, for the lawyer to confirm or change.
 *
 * @param beyondHolidays the period runs past the years whose holidays are in the reference table:
 *                       holidays there were not skipped, so the lawyer must check the date
 */
public record DeadlineProposal(long ruleId, String ruleName, int days, DayCount dayCount, long decisionEventId, LocalDate servedOn,
                               LocalDate dueOn, boolean beyondHolidays) {
}
