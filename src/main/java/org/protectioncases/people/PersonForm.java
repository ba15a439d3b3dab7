package org.protectioncases.people;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * What a partner records about a person, as entered in the registration and edit forms.
 *
 * @param birthDate exact date, or the first day of the month / year when only that is known
 * @param birthPrecision how much of {@code birthDate} is known; EXACT when omitted
 * @param citizenshipCountry ISO code, required when {@code citizenshipStatus} is COUNTRY
 * @param municipalityCode current municipality in Kosovo (reference data), if living in Kosovo
 * @param currentCountry ISO code of the current country, if living outside Kosovo
 */
public record PersonForm(@Size(max = NAME_MAX) @SingleLine String givenName,
                         @Size(max = NAME_MAX) @SingleLine String familyName,
                         @Size(max = NAME_MAX) @SingleLine @Nullable String fatherName,
                         @Size(max = OTHER_NAMES_MAX) @SingleLine @Nullable String otherNames,
                         Sex sex, @Nullable LocalDate birthDate, @Nullable BirthDatePrecision birthPrecision,
                         @Size(max = PLACE_OF_BIRTH_MAX) @SingleLine @Nullable String placeOfBirth,
                         CitizenshipStatus citizenshipStatus,
                         @Size(max = TextRules.COUNTRY_CODE) @SingleLine @Nullable String citizenshipCountry,
                         Community community,
                         @Size(max = LANGUAGES_MAX) @SingleLine @Nullable String languages,
                         @Size(max = PHONE_MAX) @SingleLine @Nullable String phone,
                         @Size(max = ADDRESS_MAX) @SingleLine @Nullable String address,
                         @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode,
                         @Size(max = TextRules.COUNTRY_CODE) @SingleLine @Nullable String currentCountry) {

    // Column sizes of table person (db-changelog/people); the form fields use the same constants.
    public static final int NAME_MAX = TextRules.NAME;
    public static final int OTHER_NAMES_MAX = 400;
    public static final int PLACE_OF_BIRTH_MAX = 200;
    public static final int LANGUAGES_MAX = 200;
    public static final int PHONE_MAX = 40;
    public static final int ADDRESS_MAX = 300;

    /** A form with only the fields registration cannot do without. */
    public static PersonForm of(String givenName, String familyName, Sex sex, @Nullable LocalDate birthDate,
                                @Nullable BirthDatePrecision precision, Community community, @Nullable String municipalityCode) {
        return new PersonForm(givenName, familyName, null, null, sex, birthDate, precision, null,
                CitizenshipStatus.UNDETERMINED, null, community, null, null, null, municipalityCode, null);
    }
}
