package org.protectioncases.shelters;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One row of the shelter registry with its occupancy today (residents of every partner, counted, not named). */
public record ShelterSummary(long id, String name, String municipalityCode, ShelterStatus status, int capacity, int occupancy,
                             @Nullable LocalDate openedOn, @Nullable LocalDate closedOn, @Nullable String managingInstitution) {
}
