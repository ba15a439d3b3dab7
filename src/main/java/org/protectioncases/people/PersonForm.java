package org.protectioncases.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a partner records about a person, as entered in the registration and edit forms.
 *
 * @param birthDate exact date, or the first day of the month / year when only that is known
 * @param birthPrecision how much of {@code birthDate} is known; EXACT when omitted
 * @param citizenshipCountry ISO code, required when {@code citizenshipStatus} is COUNTRY
 * @param municipalityCode current municipality in Kosovo (reference data), if living in Kosovo
 * @param currentCountry ISO code of the current country, if living outside Kosovo
 */
public record PersonForm(String givenName, String familyName, @Nullable String fatherName, @Nullable String otherNames,
                         Sex sex, @Nullable LocalDate birthDate, @Nullable BirthDatePrecision birthPrecision,
                         @Nullable String placeOfBirth, CitizenshipStatus citizenshipStatus, @Nullable String citizenshipCountry,
                         Community community, @Nullable String languages, @Nullable String phone, @Nullable String address,
                         @Nullable String municipalityCode, @Nullable String currentCountry) {

    /** A form with only the fields registration cannot do without. */
    public static PersonForm of(String givenName, String familyName, Sex sex, @Nullable LocalDate birthDate,
                                @Nullable BirthDatePrecision precision, Community community, @Nullable String municipalityCode) {
        return new PersonForm(givenName, familyName, null, null, sex, birthDate, precision, null,
                CitizenshipStatus.UNDETERMINED, null, community, null, null, null, municipalityCode, null);
    }
}
