package org.protectioncases.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A case as a list row and as the head of the case page. */
public record CaseSummary(long id, String caseNo, CaseType type, long personId, String personLabel, long owningPartner,
                          String assignedTo, CasePriority priority, CaseStatus status, LocalDate openedOn,
                          @Nullable LocalDate nextActionDate, @Nullable LocalDate closedOn, @Nullable CaseOutcome outcome) {

    public boolean overdue(LocalDate today) {
        return status != CaseStatus.CLOSED && nextActionDate != null && nextActionDate.isBefore(today);
    }
}
