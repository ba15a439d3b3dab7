package org.protectioncases.monitoring;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/** Filters of the visits list; null means "any". {@code from} and {@code to} are inclusive. */
public record VisitFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable LocationType locationType,
                          @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode,
                          @Size(max = TextRules.USERNAME) @SingleLine @Nullable String monitor, @Nullable VisitPurpose purpose) {

    public static VisitFilter all() {
        return new VisitFilter(null, null, null, null, null, null);
    }
}
