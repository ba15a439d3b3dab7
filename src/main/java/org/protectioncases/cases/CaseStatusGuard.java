package org.protectioncases.cases;

import org.jspecify.annotations.Nullable;

/**
 * Lets modules that record work on cases hold back a status change (an uncleared conflict of
 * interest, an open deadline closed without a reason) without the cases module depending on
 * them. Implementations are Spring beans, asked inside {@link CaseWorkflowService#changeStatus}.
 */
public interface CaseStatusGuard {

    /**
     * A message key explaining why the move is refused (shown next to the reason field), or null
     * to allow it. {@code reason} is what the user typed, possibly blank.
     */
    @Nullable String refusal(long caseId, CaseStatus from, CaseStatus target, @Nullable String reason);
}
