package org.protectioncases.legal;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;

/**
 * A Kosovo public holiday (or a substitute day off) that working-day deadlines skip. As a form,
 * every field may be missing; the service says which are required.
 */
public record PublicHolidayDto(@Nullable LocalDate date, @Size(max = NAME_MAX) @SingleLine @Nullable String name,
                               @Nullable Kind kind, @Size(max = NOTE_MAX) @SingleLine @Nullable String note) {

    public static final int NAME_MAX = 200;
    public static final int NOTE_MAX = 200;
    /** The years the table may hold: deadlines are computed for cases of this century only. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** As in the table's check: a fixed date, a movable feast, or the day off for one on a Sunday. */
    public enum Kind {
        FIXED, MOVABLE, SUBSTITUTE;

        public String messageKey() {
            return "legal.holiday.kind." + name();
        }
    }
}
