package org.protectioncases.legal;

import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseStatusGuard;
import org.springframework.stereotype.Component;

/**
 * Holds back the case workflow: no status change while a possible conflict of interest is not
 * cleared, and no closing with an open hearing or deadline unless the user says why (the reason
 * goes on the case timeline with the outcome).
 */
@Component
class LegalStatusGuard implements CaseStatusGuard {

    private final ConflictRepository conflicts;
    private final CaseEventRepository events;

    LegalStatusGuard(ConflictRepository conflicts, CaseEventRepository events) {
        this.conflicts = conflicts;
        this.events = events;
    }

    @Override
    public @Nullable String refusal(long caseId, CaseStatus from, CaseStatus target, @Nullable String reason) {
        if (from != CaseStatus.CLOSED && conflicts.hasOpenConflict(caseId)) {
            return "legal.conflict.blocked";
        }
        if (target == CaseStatus.CLOSED && (reason == null || reason.isBlank()) && events.hasOpenDeadline(caseId)) {
            return "legal.close.openDeadline";
        }
        return null;
    }
}
