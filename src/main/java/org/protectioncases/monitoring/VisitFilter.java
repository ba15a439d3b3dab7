package org.protectioncases.monitoring;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Filters of the visits list; null means "any". {@code from} and {@code to} are inclusive. */
public record VisitFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable LocationType locationType,
                          @Nullable String municipalityCode, @Nullable String monitor, @Nullable VisitPurpose purpose) {

    public static VisitFilter all() {
        return new VisitFilter(null, null, null, null, null, null);
    }
}
