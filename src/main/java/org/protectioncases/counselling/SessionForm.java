package org.protectioncases.counselling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a counsellor records about one session. Nullable where the form may be incomplete; the
 * service says which field is wrong.
 *
 * @param interpreterLanguage the interpreter's language, or null when no interpreter was used
 * @param attendeeIds         registered people who attended (the person, household members)
 * @param confidentialNote    seen only by the staff of the partner that held the session
 */
public record SessionForm(@Nullable LocalDateTime heldAt, @Nullable Integer durationMinutes, @Nullable SessionMode mode,
                          @Nullable LegalAidType aidType, Set<SessionTopic> topics, Set<Long> attendeeIds,
                          boolean interpreterUsed, @Nullable String interpreterLanguage,
                          @Nullable String summary, @Nullable String outcome, @Nullable String nextSteps,
                          @Nullable LocalDate followUpOn, @Nullable String confidentialNote) {

    /** A new session as the form opens: now, 30 minutes, at the office, counselling. */
    public static SessionForm defaults(LocalDateTime now, Set<Long> attendeeIds) {
        return new SessionForm(now.withSecond(0).withNano(0), 30, SessionMode.OFFICE, LegalAidType.COUNSELLING, Set.of(),
                attendeeIds, false, null, null, null, null, null, null);
    }
}
