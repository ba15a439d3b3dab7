package org.protectioncases.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A population-group membership; {@code endDate} null means it still holds. */
public record GroupMembershipDto(@Nullable Long id, PopulationGroup group, LocalDate startDate, @Nullable LocalDate endDate,
                                 @Nullable DisplacementPlace displacementPlace, long version) {
}
