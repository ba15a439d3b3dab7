package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.cases.CaseStatus.CLOSED;
import static org.protectioncases.cases.CaseStatus.IN_PROGRESS;
import static org.protectioncases.cases.CaseStatus.OPEN;
import static org.protectioncases.cases.CaseStatus.WAITING_FOR_AUTHORITY;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The case workflow's moves, the whole table: what the status menu offers and the service allows. */
class CaseStatusTest {

    /** The workflow as the case workers know it, written out once more on purpose. */
    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, WAITING_FOR_AUTHORITY, CLOSED),
            IN_PROGRESS, EnumSet.of(WAITING_FOR_AUTHORITY, CLOSED),
            WAITING_FOR_AUTHORITY, EnumSet.of(IN_PROGRESS, CLOSED),
            CLOSED, EnumSet.of(IN_PROGRESS));

    @Test
    void everyMoveIsAllowedExactlyWhenTheWorkflowHasIt() {
        for (CaseStatus from : CaseStatus.values()) {
            assertThat(from.next()).as("moves from %s", from).isEqualTo(ALLOWED.get(from));
            for (CaseStatus target : CaseStatus.values()) {
                assertThat(from.canMoveTo(target)).as("%s -> %s", from, target).isEqualTo(ALLOWED.get(from).contains(target));
            }
        }
    }

    @Test
    void noCaseStaysPutGoesBackToOpenOrLeavesClosedExceptToWork() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(status.canMoveTo(status)).as("%s -> itself", status).isFalse();
            assertThat(status.canMoveTo(OPEN)).as("%s -> OPEN", status).isFalse();
        }
        // Reopening puts the case back to work, never straight to waiting.
        assertThat(CLOSED.next()).containsExactly(IN_PROGRESS);
    }

    @Test
    void everyOpenCaseCanBeClosed() {
        for (CaseStatus status : EnumSet.complementOf(EnumSet.of(CLOSED))) {
            assertThat(status.canMoveTo(CLOSED)).as("%s -> CLOSED", status).isTrue();
        }
    }

    @Test
    void eachStatusHasItsMessageKey() {
        assertThat(WAITING_FOR_AUTHORITY.messageKey()).isEqualTo("caseStatus.WAITING_FOR_AUTHORITY");
    }
}
