package org.protectioncases.people;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * Filters of the people list; null or blank means "any".
 *
 * @param name fuzzy: diacritics, Cyrillic/Latin, name order and small typos are tolerated
 * @param group people currently (today) in this population group
 */
public record PersonFilter(@Size(max = TextRules.NAME_SEARCH) @SingleLine @Nullable String name,
                           @Size(max = TextRules.REGISTRATION_NO) @SingleLine @Nullable String registrationNo,
                           @Nullable PopulationGroup group,
                           @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode,
                           @Nullable Community community) {

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, null, null);
    }
}
