package org.protectioncases.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

/** A person of concern. The registration number is assigned by the database (gapless per year). */
@Entity
@Table(name = "person")
class Person extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Generated(event = EventType.INSERT)
    @Column(name = "registration_no", insertable = false, updatable = false)
    private @Nullable String registrationNo;

    @Column(name = "registered_on", nullable = false, updatable = false)
    private LocalDate registeredOn;

    @Column(name = "given_name", nullable = false)
    private String givenName = "";
    @Column(name = "family_name", nullable = false)
    private String familyName = "";
    @Column(name = "father_name")
    private @Nullable String fatherName;
    @Column(name = "other_names")
    private @Nullable String otherNames;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sex sex = Sex.OTHER;
    @Column(name = "birth_date")
    private @Nullable LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "birth_precision")
    private @Nullable BirthDatePrecision birthPrecision;
    @Column(name = "place_of_birth")
    private @Nullable String placeOfBirth;
    @Enumerated(EnumType.STRING)
    @Column(name = "citizenship_status", nullable = false)
    private CitizenshipStatus citizenshipStatus = CitizenshipStatus.UNDETERMINED;
    @Column(name = "citizenship_country")
    private @Nullable String citizenshipCountry;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Community community = Community.OTHER;
    private @Nullable String languages;
    private @Nullable String phone;
    private @Nullable String address;
    @Column(name = "municipality_code")
    private @Nullable String municipalityCode;
    @Column(name = "current_country")
    private @Nullable String currentCountry;
    @Column(name = "registered_by_partner", nullable = false, updatable = false)
    private long registeredByPartner;
    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy = "";
    @Column(name = "merged_into_id")
    private @Nullable Long mergedIntoId;
    /** Set only by {@link PersonAnonymisationService}, in SQL. */
    @Column(name = "anonymised_at", insertable = false, updatable = false)
    private @Nullable Instant anonymisedAt;

    protected Person() {
    }

    Person(long partnerId, String username, PersonForm form, LocalDate registeredOn) {
        this.registeredByPartner = partnerId;
        this.registeredOn = registeredOn;
        this.registeredBy = username;
        apply(form);
    }

    void apply(PersonForm f) {
        givenName = f.givenName().strip();
        familyName = f.familyName().strip();
        fatherName = blankToNull(f.fatherName());
        otherNames = blankToNull(f.otherNames());
        sex = f.sex();
        birthDate = f.birthDate();
        birthPrecision = f.birthDate() == null ? null : f.birthPrecision() == null ? BirthDatePrecision.EXACT : f.birthPrecision();
        placeOfBirth = blankToNull(f.placeOfBirth());
        citizenshipStatus = f.citizenshipStatus();
        citizenshipCountry = f.citizenshipStatus() == CitizenshipStatus.COUNTRY ? blankToNull(f.citizenshipCountry()) : null;
        community = f.community();
        languages = blankToNull(f.languages());
        phone = blankToNull(f.phone());
        address = blankToNull(f.address());
        municipalityCode = blankToNull(f.municipalityCode());
        currentCountry = blankToNull(f.currentCountry());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    PersonForm toForm() {
        return new PersonForm(givenName, familyName, fatherName, otherNames, sex, birthDate, birthPrecision, placeOfBirth,
                citizenshipStatus, citizenshipCountry, community, languages, phone, address, municipalityCode, currentCountry);
    }

    @Nullable Long getId() {
        return id;
    }

    @Nullable String getRegistrationNo() {
        return registrationNo;
    }

    LocalDate getRegisteredOn() {
        return registeredOn;
    }

    long getRegisteredByPartner() {
        return registeredByPartner;
    }

    String getRegisteredBy() {
        return registeredBy;
    }

    @Nullable Long getMergedIntoId() {
        return mergedIntoId;
    }

    boolean isAnonymised() {
        return anonymisedAt != null;
    }
}
