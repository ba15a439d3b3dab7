package org.protectioncases.counselling;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

@Entity
@Table(name = "counselling_session")
class CounsellingSession extends VersionedEntity {

    static final ZoneId ZONE = ZoneId.systemDefault();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private long caseId;
    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;
    @Column(name = "owning_partner", nullable = false, updatable = false)
    private long owningPartner;
    @Column(nullable = false, updatable = false)
    private String counsellor = "";
    @Column(name = "held_at", nullable = false)
    private Instant heldAt;
    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionMode mode = SessionMode.OFFICE;
    @Enumerated(EnumType.STRING)
    @Column(name = "aid_type", nullable = false)
    private LegalAidType aidType = LegalAidType.COUNSELLING;
    @Column(name = "interpreter_language")
    private @Nullable String interpreterLanguage;
    private @Nullable String summary;
    private @Nullable String outcome;
    @Column(name = "next_steps")
    private @Nullable String nextSteps;
    @Column(name = "follow_up_on")
    private @Nullable LocalDate followUpOn;
    @Column(name = "follow_up_done_at")
    private @Nullable Instant followUpDoneAt;
    @Column(name = "confidential_note")
    private @Nullable String confidentialNote;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy = "";

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "counselling_session_topic", joinColumns = @JoinColumn(name = "session_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "topic")
    private Set<SessionTopic> topics = new HashSet<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "counselling_session_attendee", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "person_id")
    private Set<Long> attendees = new HashSet<>();

    protected CounsellingSession() {
    }

    CounsellingSession(long caseId, long personId, long owningPartner, String counsellor) {
        this.caseId = caseId;
        this.personId = personId;
        this.owningPartner = owningPartner;
        this.counsellor = counsellor;
        this.createdBy = counsellor;
    }

    /** A session recorded by someone other than its counsellor (a coordinator's bulk import). */
    CounsellingSession(long caseId, long personId, long owningPartner, String counsellor, String createdBy) {
        this(caseId, personId, owningPartner, counsellor);
        this.createdBy = createdBy;
    }

    /** Copies a validated form; blank texts are stored as null. */
    void apply(SessionForm f) {
        heldAt = Objects.requireNonNull(f.heldAt()).atZone(ZONE).toInstant();
        durationMinutes = Objects.requireNonNull(f.durationMinutes());
        mode = Objects.requireNonNull(f.mode());
        aidType = Objects.requireNonNull(f.aidType());
        interpreterLanguage = f.interpreterUsed() ? blankToNull(f.interpreterLanguage()) : null;
        summary = blankToNull(f.summary());
        outcome = blankToNull(f.outcome());
        nextSteps = blankToNull(f.nextSteps());
        if (!Objects.equals(followUpOn, f.followUpOn())) {
            followUpDoneAt = null;  // a new date is a new promise
        }
        followUpOn = f.followUpOn();
        confidentialNote = blankToNull(f.confidentialNote());
        topics.clear();
        topics.addAll(f.topics());
        attendees.clear();
        attendees.addAll(f.attendeeIds());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The form as stored; with {@code full} false the restricted parts (confidential note, restricted
     * topics) are left out, as readers outside the holding partner see it.
     */
    SessionForm toForm(boolean full) {
        Set<SessionTopic> shown = topics.stream().filter(t -> full || !t.restricted())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SessionTopic.class)));
        return new SessionForm(heldAt.atZone(ZONE).toLocalDateTime(), durationMinutes, mode, aidType,
                shown, Set.copyOf(attendees), interpreterLanguage != null,
                interpreterLanguage, summary, outcome, nextSteps, followUpOn, full ? confidentialNote : null);
    }

    void markFollowUpDone(Instant at) {
        followUpDoneAt = at;
    }

    long getId() {
        return Objects.requireNonNull(id);
    }

    long getCaseId() {
        return caseId;
    }

    long getPersonId() {
        return personId;
    }

    long getOwningPartner() {
        return owningPartner;
    }

    String getCounsellor() {
        return counsellor;
    }

    boolean isFollowUpDone() {
        return followUpDoneAt != null;
    }

    Set<Long> getAttendees() {
        return attendees;
    }
}
