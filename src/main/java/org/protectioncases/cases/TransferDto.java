package org.protectioncases.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request to hand a case to another partner, and its answer. */
public record TransferDto(long id, long caseId, String caseNo, CaseType caseType, String personLabel, long fromPartner,
                          long toPartner, String reason, String status, String requestedBy, Instant requestedAt,
                          @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote) {

    public boolean pending() {
        return status.equals("PENDING");
    }
}
