package org.protectioncases.cases;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of closed cases (issue #16): the texts and files of a case go some years after it
 * closed, its figures (type, status, outcome, dates, partner) stay. The data-protection module
 * decides which cases are due; this only clears them.
 */
@Service
public class CaseRetentionService {

    private final CaseAnonymisationListener cases;

    CaseRetentionService(CaseAnonymisationListener cases) {
        this.cases = cases;
    }

    /** Clears the cases' summaries, notes, reasons, attachments and audit details (and, by event, their sessions'). */
    @Allowed(Permission.ANONYMISE_PEOPLE)
    @Transactional
    public void clearCases(@Size(max = 5000) List<Long> caseIds) {
        if (!caseIds.isEmpty()) {
            cases.scrub(caseIds);
        }
    }
}
