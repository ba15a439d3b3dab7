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
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

/** A temporary collective shelter: part of the registry, not personal data. */
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

    Shelter(ShelterForm form) {
        apply(form);
    }

    long getId() {
        return Objects.requireNonNull(id);
    }

    String getName() {
        return name;
    }

    ShelterStatus getStatus() {
        return status;
    }

    @Nullable LocalDate getOpenedOn() {
        return openedOn;
    }

    @Nullable LocalDate getClosedOn() {
        return closedOn;
    }

    ShelterOption toOption() {
        return new ShelterOption(getId(), name, municipalityCode, status);
    }

    ShelterForm toForm() {
        return new ShelterForm(name, municipalityCode, address, capacity, openedOn, managingInstitution);
    }

    /** The form has been validated by the service. */
    void apply(ShelterForm form) {
        name = form.name().strip();
        municipalityCode = Objects.requireNonNull(form.municipalityCode()).strip();
        address = blankToNull(form.address());
        capacity = Objects.requireNonNull(form.capacity());
        openedOn = form.openedOn();
        managingInstitution = blankToNull(form.managingInstitution());
    }

    void close(LocalDate on) {
        status = ShelterStatus.CLOSED;
        closedOn = on;
    }

    /** The shelter opens again; {@code openedOn} becomes the start of the current open period (earlier dates stay in the audit trail). */
    void reopen(LocalDate on) {
        status = ShelterStatus.OPEN;
        closedOn = null;
        openedOn = on;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
