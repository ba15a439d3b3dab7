package org.protectioncases.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One row of the people list. */
public record PersonSummary(long id, String registrationNo, String givenName, String familyName, Sex sex,
                            @Nullable LocalDate birthDate, @Nullable BirthDatePrecision birthPrecision, Community community,
                            @Nullable String municipalityCode, long partnerId) {
}
