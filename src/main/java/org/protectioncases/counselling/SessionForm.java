package org.protectioncases.counselling;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * What a counsellor records about one session. Nullable where the form may be incomplete; the
 * service says which field is wrong.
 *
 * @param interpreterLanguage the interpreter's language, or null when no interpreter was used
 * @param attendeeIds         registered people who attended (the person, household members)
 * @param confidentialNote    seen only by the staff of the partner that held the session
 */
public record SessionForm(@Nullable LocalDateTime heldAt, @Nullable Integer durationMinutes, @Nullable SessionMode mode,
                          @Nullable LegalAidType aidType, Set<SessionTopic> topics,
                          @Size(max = ATTENDEES_MAX) Set<Long> attendeeIds,
                          boolean interpreterUsed,
                          @Size(max = TextRules.KEY) @SingleLine @Nullable String interpreterLanguage,
                          @Size(max = TEXT_MAX) @MultiLine @Nullable String summary,
                          @Size(max = SHORT_TEXT_MAX) @SingleLine @Nullable String outcome,
                          @Size(max = SHORT_TEXT_MAX) @SingleLine @Nullable String nextSteps,
                          @Nullable LocalDate followUpOn,
                          @Size(max = TEXT_MAX) @MultiLine @Nullable String confidentialNote) {

    // Column sizes of counselling_session (db-changelog/counselling); the dialog uses the same constants.
    /** summary and confidential_note are varchar(4000). */
    public static final int TEXT_MAX = 4000;
    /** outcome and next_steps are varchar(2000). */
    public static final int SHORT_TEXT_MAX = 2000;
    /** interpreter_language is varchar(64). */
    public static final int INTERPRETER_LANGUAGE_MAX = TextRules.KEY;
    /** Attendees are the person and household members; the bound keeps one request from naming thousands of ids. */
    public static final int ATTENDEES_MAX = 50;

    /** A new session as the form opens: now, 30 minutes, at the office, counselling. */
    public static SessionForm defaults(LocalDateTime now, Set<Long> attendeeIds) {
        return new SessionForm(now.withSecond(0).withNano(0), 30, SessionMode.OFFICE, LegalAidType.COUNSELLING, Set.of(),
                attendeeIds, false, null, null, null, null, null, null);
    }
}
