package org.protectioncases.legal;

import java.util.Objects;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * The case rules the legal services share, asked of the cases module's public service: who may
 * read a case's legal records (those who see the case in full) and who may add to them (those who
 * may change it: its partner's coordinators and the assigned lawyer).
 */
@Component
class LegalAccess {

    private final CaseService cases;
    private final CurrentUser currentUser;
    private final ConflictRepository conflicts;

    LegalAccess(CaseService cases, CurrentUser currentUser, ConflictRepository conflicts) {
        this.cases = cases;
        this.currentUser = currentUser;
        this.conflicts = conflicts;
    }

    /** The case, if the user sees it in full; otherwise "not found" (as the case page says). */
    CaseSummary readable(long caseId) {
        CaseSummary c = cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!cases.canSee(caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        return c;
    }

    boolean mayChange(long caseId) {
        AppUser user = currentUser.require();
        return cases.summary(caseId).filter(c -> Objects.equals(c.owningPartner(), user.partnerId())).isPresent()
                && cases.canEdit(caseId);
    }

    /** The case, if the user may change it; otherwise "not found" (nothing is said about cases out of reach). */
    CaseSummary changeable(long caseId) {
        CaseSummary c = readable(caseId);
        if (!mayChange(caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        return c;
    }

    /**
     * {@link #changeable} for changes to a case's legal record (parties, events done, conflicts
     * cleared): a closed case is read-only until it is reopened.
     */
    CaseSummary open(long caseId, String field) {
        CaseSummary c = changeable(caseId);
        new FieldErrors().rejectIf(c.status() == CaseStatus.CLOSED, field, "legal.caseClosed").throwIfAny();
        return c;
    }

    /**
     * What an uncleared conflict of interest holds back: hearings, deadlines and other legal work on
     * the case (and, through {@link LegalStatusGuard}, its workflow). Closed cases take no new work.
     */
    CaseSummary workable(long caseId, String field) {
        CaseSummary c = changeable(caseId);
        new FieldErrors()
                .rejectIf(conflicts.hasOpenConflict(caseId), field, "legal.conflict.blocked")
                .rejectIf(c.status() == CaseStatus.CLOSED, field, "legal.caseClosed")
                .throwIfAny();
        return c;
    }

    AppUser user() {
        return currentUser.require();
    }

    long partner() {
        return Objects.requireNonNull(currentUser.require().partnerId(), "partner staff only");
    }
}
