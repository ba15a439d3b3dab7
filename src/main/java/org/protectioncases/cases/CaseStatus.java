package org.protectioncases.cases;

import java.util.Map;
import java.util.Set;

/**
 * The case workflow. Only these moves are allowed; closing needs an outcome, reopening a reason.
 * <pre>
 * OPEN -> IN_PROGRESS | WAITING_FOR_AUTHORITY | CLOSED
 * IN_PROGRESS <-> WAITING_FOR_AUTHORITY, either -> CLOSED
 * CLOSED -> IN_PROGRESS (reopen, with a reason)
 * </pre>
 */
public enum CaseStatus {
    OPEN, IN_PROGRESS, WAITING_FOR_AUTHORITY, CLOSED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            OPEN, Set.of(IN_PROGRESS, WAITING_FOR_AUTHORITY, CLOSED),
            IN_PROGRESS, Set.of(WAITING_FOR_AUTHORITY, CLOSED),
            WAITING_FOR_AUTHORITY, Set.of(IN_PROGRESS, CLOSED),
            CLOSED, Set.of(IN_PROGRESS));

    public Set<CaseStatus> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    public String messageKey() {
        return "caseStatus." + name();
    }
}
