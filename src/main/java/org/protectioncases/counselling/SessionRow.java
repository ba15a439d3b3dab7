package org.protectioncases.counselling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A row of the session list. */
public record SessionRow(long id, long caseId, String caseNo, long personId, String personLabel, String counsellor,
                         LocalDateTime heldAt, int durationMinutes, SessionMode mode, LegalAidType aidType,
                         List<SessionTopic> topics, @Nullable LocalDate followUpOn) {
}
