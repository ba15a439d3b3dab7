package org.protectioncases.legal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;

/** Time spent on a case. */
public record TimeEntryDto(long id, long caseId, LocalDate workedOn, int minutes, WorkKind kind, @Nullable String note, String lawyer) {

    public static final int NOTE_MAX = 300;
    public static final int MINUTES_MAX = 1440;
    private static final String MINUTES = "legal.validation.minutes";

    /** A new entry; {@code workedOn} null means today. */
    public record Form(@PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate workedOn,
                       @Required(message = MINUTES) @Min(value = 1, message = MINUTES) @Max(value = MINUTES_MAX, message = MINUTES)
                       @Nullable Integer minutes,
                       @Required @Nullable WorkKind kind,
                       @Size(max = NOTE_MAX) @SingleLine @Nullable String note) {
    }
}
