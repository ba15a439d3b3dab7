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

    /** A form with only the fields registration cannot do without (see {@link #builder} for more). */
    public static PersonForm of(String givenName, String familyName, Sex sex, @Nullable LocalDate birthDate,
                                @Nullable BirthDatePrecision precision, Community community, @Nullable String municipalityCode) {
        return builder(givenName, familyName, sex, community).birthDate(birthDate).birthPrecision(precision)
                .municipalityCode(municipalityCode).build();
    }

    /** A form with the fields registration cannot do without, the others to set by name (citizenship undetermined). */
    public static Builder builder(String givenName, String familyName, Sex sex, Community community) {
        return new Builder(givenName, familyName, sex, community);
    }

    /** This form's values, to change a few by name. */
    public Builder toBuilder() {
        return new Builder(givenName, familyName, sex, community)
                .fatherName(fatherName)
                .otherNames(otherNames)
                .birthDate(birthDate)
                .birthPrecision(birthPrecision)
                .placeOfBirth(placeOfBirth)
                .citizenshipStatus(citizenshipStatus)
                .citizenshipCountry(citizenshipCountry)
                .languages(languages)
                .phone(phone)
                .address(address)
                .municipalityCode(municipalityCode)
                .currentCountry(currentCountry);
    }

    /** Fills a form by component name rather than by position among sixteen. */
    public static final class Builder {
        private String givenName;
        private String familyName;
        private @Nullable String fatherName;
        private @Nullable String otherNames;
        private Sex sex;
        private @Nullable LocalDate birthDate;
        private @Nullable BirthDatePrecision birthPrecision;
        private @Nullable String placeOfBirth;
        private CitizenshipStatus citizenshipStatus = CitizenshipStatus.UNDETERMINED;
        private @Nullable String citizenshipCountry;
        private Community community;
        private @Nullable String languages;
        private @Nullable String phone;
        private @Nullable String address;
        private @Nullable String municipalityCode;
        private @Nullable String currentCountry;

        private Builder(String givenName, String familyName, Sex sex, Community community) {
            this.givenName = givenName;
            this.familyName = familyName;
            this.sex = sex;
            this.community = community;
        }

        public Builder givenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        public Builder familyName(String familyName) {
            this.familyName = familyName;
            return this;
        }

        public Builder fatherName(@Nullable String fatherName) {
            this.fatherName = fatherName;
            return this;
        }

        public Builder otherNames(@Nullable String otherNames) {
            this.otherNames = otherNames;
            return this;
        }

        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        public Builder birthDate(@Nullable LocalDate birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        public Builder birthPrecision(@Nullable BirthDatePrecision birthPrecision) {
            this.birthPrecision = birthPrecision;
            return this;
        }

        public Builder placeOfBirth(@Nullable String placeOfBirth) {
            this.placeOfBirth = placeOfBirth;
            return this;
        }

        public Builder citizenshipStatus(CitizenshipStatus citizenshipStatus) {
            this.citizenshipStatus = citizenshipStatus;
            return this;
        }

        public Builder citizenshipCountry(@Nullable String citizenshipCountry) {
            this.citizenshipCountry = citizenshipCountry;
            return this;
        }

        public Builder community(Community community) {
            this.community = community;
            return this;
        }

        public Builder languages(@Nullable String languages) {
            this.languages = languages;
            return this;
        }

        public Builder phone(@Nullable String phone) {
            this.phone = phone;
            return this;
        }

        public Builder address(@Nullable String address) {
            this.address = address;
            return this;
        }

        public Builder municipalityCode(@Nullable String municipalityCode) {
            this.municipalityCode = municipalityCode;
            return this;
        }

        public Builder currentCountry(@Nullable String currentCountry) {
            this.currentCountry = currentCountry;
            return this;
        }

        public PersonForm build() {
            return new PersonForm(givenName, familyName, fatherName, otherNames, sex, birthDate, birthPrecision, placeOfBirth,
                    citizenshipStatus, citizenshipCountry, community, languages, phone, address, municipalityCode, currentCountry);
        }
    }
}
