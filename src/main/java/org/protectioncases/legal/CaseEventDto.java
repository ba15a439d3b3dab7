package org.protectioncases.legal;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/** A hearing, deadline or served decision on a case; {@code doneOn} set when handled. */
public record CaseEventDto(long id, long caseId, String caseNo, String assignedTo, EventKind kind, LocalDate date,
                           @Nullable LocalTime time, @Nullable String place, @Nullable String room,
                           @Nullable DecisionType decisionType, String title, @Nullable Long ruleId, @Nullable Long sourceEventId,
                           @Nullable LocalDate doneOn, @Nullable String doneBy, String createdBy, long version) {

    public boolean open() {
        return doneOn == null && kind != EventKind.DECISION_SERVED;
    }
}
