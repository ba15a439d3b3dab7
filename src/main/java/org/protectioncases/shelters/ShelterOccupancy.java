package org.protectioncases.shelters;

import java.time.LocalDate;

/** "412 persons in 22 shelters": distinct persons resident on {@code asOf} and the shelters with at least one of them. */
public record ShelterOccupancy(LocalDate asOf, long persons, long shelters) {
}
