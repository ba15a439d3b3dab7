package org.protectioncases.shelters;

import org.jspecify.annotations.Nullable;

/** Filters of the shelter registry; null or blank means "any". */
public record ShelterFilter(@Nullable String municipalityCode, @Nullable ShelterStatus status) {

    public static ShelterFilter none() {
        return new ShelterFilter(null, null);
    }
}
