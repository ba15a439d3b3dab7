package org.protectioncases.shelters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * The editable fields of a shelter in the registry (status and closing date change through
 * {@link ShelterService#close} and {@link ShelterService#reopen}). The service checks the
 * {@link Complete} constraints with its own rules: the municipality (a known code) and the name
 * (unique in it) against the database.
 */
public record ShelterForm(@Required(groups = Complete.class) @Size(max = NAME_MAX) @SingleLine String name,
                          @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode,
                          @Size(max = ADDRESS_MAX) @SingleLine @Nullable String address,
                          @Required(groups = Complete.class) @Min(value = 0, message = CAPACITY, groups = Complete.class)
                          @Max(value = CAPACITY_MAX, message = CAPACITY, groups = Complete.class) @Nullable Integer capacity,
                          @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE, groups = Complete.class) @Nullable LocalDate openedOn,
                          @Size(max = MANAGING_INSTITUTION_MAX) @SingleLine @Nullable String managingInstitution) {

    // Column sizes of shelter (db-changelog/shelters); the shelter form uses the same constants.
    public static final int NAME_MAX = 200;
    public static final int ADDRESS_MAX = 300;
    public static final int MANAGING_INSTITUTION_MAX = 200;
    /** The most beds a shelter can have; its message names the range. */
    public static final int CAPACITY_MAX = 10_000;
    private static final String CAPACITY = "shelter.validation.capacity";
}
