package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;

/** Time spent on a case. */
public record TimeEntryDto(long id, long caseId, LocalDate workedOn, int minutes, WorkKind kind, @Nullable String note, String lawyer) {

    public static final int NOTE_MAX = 300;
    public static final int MINUTES_MAX = 1440;

    /** A new entry; {@code workedOn} null means today. */
    public record Form(@Nullable LocalDate workedOn, @Nullable Integer minutes, @Nullable WorkKind kind,
                       @Size(max = NOTE_MAX) @SingleLine @Nullable String note) {
    }
}
