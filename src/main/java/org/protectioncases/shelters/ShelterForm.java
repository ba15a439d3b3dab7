package org.protectioncases.shelters;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a shelter in the registry (status and closing date change through
 * {@link ShelterService#close} and {@link ShelterService#reopen}).
 */
public record ShelterForm(String name, @Nullable String municipalityCode, @Nullable String address, @Nullable Integer capacity,
                          @Nullable LocalDate openedOn, @Nullable String managingInstitution) {
}
