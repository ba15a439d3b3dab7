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

/** A person's membership of a population group from a start date until an optional end date. */
@Entity
@Table(name = "person_group")
class PersonGroupMembership extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_code", nullable = false)
    private PopulationGroup group = PopulationGroup.IDP;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private @Nullable LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "displacement_place")
    private @Nullable DisplacementPlace displacementPlace;

    protected PersonGroupMembership() {
    }

    PersonGroupMembership(long personId, PopulationGroup group, LocalDate startDate, @Nullable LocalDate endDate,
                          @Nullable DisplacementPlace place) {
        this.personId = personId;
        this.group = group;
        this.startDate = startDate;
        this.endDate = endDate;
        this.displacementPlace = place;
    }

    void end(LocalDate date) {
        this.endDate = date;
    }

    long getPersonId() {
        return personId;
    }

    @Nullable LocalDate getEndDate() {
        return endDate;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    GroupMembershipDto toDto() {
        return new GroupMembershipDto(id, group, startDate, endDate, displacementPlace, getVersion());
    }
}
