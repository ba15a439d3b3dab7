package org.protectioncases.shelters;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * The editable fields of a shelter in the registry (status and closing date change through
 * {@link ShelterService#close} and {@link ShelterService#reopen}).
 */
public record ShelterForm(@Size(max = NAME_MAX) @SingleLine String name,
                          @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode,
                          @Size(max = ADDRESS_MAX) @SingleLine @Nullable String address, @Nullable Integer capacity,
                          @Nullable LocalDate openedOn,
                          @Size(max = MANAGING_INSTITUTION_MAX) @SingleLine @Nullable String managingInstitution) {

    // Column sizes of shelter (db-changelog/shelters); the shelter form uses the same constants.
    public static final int NAME_MAX = 200;
    public static final int ADDRESS_MAX = 300;
    public static final int MANAGING_INSTITUTION_MAX = 200;
}
