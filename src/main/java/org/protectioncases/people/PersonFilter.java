package org.protectioncases.people;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the people list; null or blank means "any".
 *
 * @param name fuzzy: diacritics, Cyrillic/Latin, name order and small typos are tolerated
 * @param group people currently (today) in this population group
 */
public record PersonFilter(@Nullable String name, @Nullable String registrationNo, @Nullable PopulationGroup group,
                           @Nullable String municipalityCode, @Nullable Community community) {

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, null, null);
    }
}
