package org.protectioncases.counselling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * What a counsellor records about one session. Nullable where the form may be incomplete; the
 * constraints here and {@link SessionRules} (dates against now and the case, the interpreter) say
 * which field is wrong. The rules beyond sizes are the {@link Complete} group, which
 * {@link SessionRules} checks with its own (a draft is saved incomplete, with its sizes checked only).
 *
 * @param interpreterLanguage the interpreter's language, or null when no interpreter was used
 * @param attendeeIds         registered people who attended (the person, household members)
 * @param confidentialNote    seen only by the staff of the partner that held the session
 */
public record SessionForm(@Required(groups = Complete.class) @Nullable LocalDateTime heldAt,
                          @Required(groups = Complete.class) @Min(value = 1, message = DURATION, groups = Complete.class)
                          @Max(value = DURATION_MAX, message = DURATION, groups = Complete.class) @Nullable Integer durationMinutes,
                          @Required(groups = Complete.class) @Nullable SessionMode mode,
                          @Required(groups = Complete.class) @Nullable LegalAidType aidType,
                          @Required(message = "session.validation.topics", groups = Complete.class) Set<SessionTopic> topics,
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
    /** Ten hours: longer is a typing slip. */
    public static final int DURATION_MAX = 600;
    private static final String DURATION = "session.validation.duration";

    /** A new session as the form opens: now, 30 minutes, at the office, counselling. */
    public static SessionForm defaults(LocalDateTime now, Set<Long> attendeeIds) {
        return new SessionForm(now.withSecond(0).withNano(0), 30, SessionMode.OFFICE, LegalAidType.COUNSELLING, Set.of(),
                attendeeIds, false, null, null, null, null, null, null);
    }
}
