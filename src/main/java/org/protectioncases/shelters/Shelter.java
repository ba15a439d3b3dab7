package org.protectioncases.shelters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

@Entity
@Table(name = "shelter")
class Shelter extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(nullable = false)
    private String name = "";
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode = "";
    private @Nullable String address;
    @Column(nullable = false)
    private int capacity;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShelterStatus status = ShelterStatus.OPEN;
    @Column(name = "opened_on")
    private @Nullable LocalDate openedOn;
    @Column(name = "closed_on")
    private @Nullable LocalDate closedOn;
    @Column(name = "managing_institution")
    private @Nullable String managingInstitution;

    protected Shelter() {
    }

    long getId() {
        return java.util.Objects.requireNonNull(id);
    }

    ShelterOption toOption() {
        return new ShelterOption(getId(), name, municipalityCode, status);
    }
}
