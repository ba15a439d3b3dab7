package org.protectioncases.shelters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

/** One person's stay in one shelter, from the move-in day up to (not including) the move-out day. */
@Entity
@Table(name = "shelter_residence")
class ShelterResidence extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "shelter_id", nullable = false)
    private long shelterId;
    @Column(name = "person_id", nullable = false)
    private long personId;
    @Column(name = "moved_in", nullable = false)
    private LocalDate movedIn;
    @Column(name = "moved_out")
    private @Nullable LocalDate movedOut;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy = "";

    protected ShelterResidence() {
    }

    ShelterResidence(long shelterId, long personId, LocalDate movedIn, String recordedBy) {
        this.shelterId = shelterId;
        this.personId = personId;
        this.movedIn = movedIn;
        this.recordedBy = recordedBy;
    }

    long getId() {
        return Objects.requireNonNull(id);
    }

    long getShelterId() {
        return shelterId;
    }

    long getPersonId() {
        return personId;
    }

    LocalDate getMovedIn() {
        return movedIn;
    }

    @Nullable LocalDate getMovedOut() {
        return movedOut;
    }

    void moveOut(LocalDate on) {
        movedOut = on;
    }
}
