package org.protectioncases.people;

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
@Table(name = "consent")
class Consent extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConsentScope scope = ConsentScope.REGISTRATION;
    @Column(name = "given_on", nullable = false, updatable = false)
    private LocalDate givenOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "given_by", nullable = false, updatable = false)
    private ConsentGiver givenBy = ConsentGiver.PERSON;
    private @Nullable String note;
    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy = "";
    @Column(name = "withdrawn_on")
    private @Nullable LocalDate withdrawnOn;
    @Column(name = "withdrawn_by")
    private @Nullable String withdrawnBy;

    protected Consent() {
    }

    Consent(long personId, ConsentScope scope, ConsentGiver givenBy, LocalDate givenOn, @Nullable String note, String recordedBy) {
        this.personId = personId;
        this.scope = scope;
        this.givenBy = givenBy;
        this.givenOn = givenOn;
        this.note = note;
        this.recordedBy = recordedBy;
    }

    void withdraw(LocalDate on, String by) {
        this.withdrawnOn = on;
        this.withdrawnBy = by;
    }

    long getPersonId() {
        return personId;
    }

    LocalDate getGivenOn() {
        return givenOn;
    }

    @Nullable LocalDate getWithdrawnOn() {
        return withdrawnOn;
    }

    ConsentDto toDto() {
        return new ConsentDto(id, scope, givenOn, note, recordedBy, withdrawnOn, withdrawnBy, givenBy);
    }
}
