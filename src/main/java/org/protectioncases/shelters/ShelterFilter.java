package org.protectioncases.shelters;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/** Filters of the shelter registry; null or blank means "any". */
public record ShelterFilter(@Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode, @Nullable ShelterStatus status) {

    public static ShelterFilter none() {
        return new ShelterFilter(null, null);
    }
}
