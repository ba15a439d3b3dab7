package org.protectioncases.monitoring;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

/**
 * A protection monitoring visit of one partner. Monitors, concerns and linked people are child
 * tables (element collections), so reports count them with a plain SQL group by.
 */
@Entity
@Table(name = "monitoring_visit")
class MonitoringVisit extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "owning_partner", nullable = false, updatable = false)
    private long owningPartner;
    @Column(name = "visit_date", nullable = false)
    private LocalDate visitDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "location_type", nullable = false)
    private LocationType locationType = LocationType.RETURNEE_COMMUNITY;
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode = "";
    @Column(name = "shelter_id")
    private @Nullable Long shelterId;
    private @Nullable String place;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VisitPurpose purpose = VisitPurpose.OTHER;

    @Column(name = "female_0_4", nullable = false)
    private int female0to4;
    @Column(name = "female_5_11", nullable = false)
    private int female5to11;
    @Column(name = "female_12_17", nullable = false)
    private int female12to17;
    @Column(name = "female_18_59", nullable = false)
    private int female18to59;
    @Column(name = "female_60_plus", nullable = false)
    private int female60plus;
    @Column(name = "male_0_4", nullable = false)
    private int male0to4;
    @Column(name = "male_5_11", nullable = false)
    private int male5to11;
    @Column(name = "male_12_17", nullable = false)
    private int male12to17;
    @Column(name = "male_18_59", nullable = false)
    private int male18to59;
    @Column(name = "male_60_plus", nullable = false)
    private int male60plus;

    private @Nullable String findings;
    @Column(name = "needs_identified")
    private @Nullable String needsIdentified;
    @Column(name = "follow_up_required", nullable = false)
    private boolean followUpRequired;
    @Column(name = "follow_up_on")
    private @Nullable LocalDate followUpOn;
    @Column(name = "follow_up_done_at")
    private @Nullable Instant followUpDoneAt;
    @Column(name = "follow_up_done_by")
    private @Nullable String followUpDoneBy;

    @Column(name = "persons_observed")
    private @Nullable Integer personsObserved;
    @Column(name = "new_arrivals")
    private @Nullable Integer newArrivals;
    @Column(name = "asylum_intentions")
    private @Nullable Integer asylumIntentions;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy = "";

    @ElementCollection
    @CollectionTable(name = "visit_monitor", joinColumns = @JoinColumn(name = "visit_id"))
    @Column(name = "username", nullable = false)
    private Set<String> monitors = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "visit_concern", joinColumns = @JoinColumn(name = "visit_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "concern", nullable = false)
    private Set<ProtectionConcern> concerns = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "visit_person", joinColumns = @JoinColumn(name = "visit_id"))
    @Column(name = "person_id", nullable = false)
    private Set<Long> personIds = new HashSet<>();

    protected MonitoringVisit() {
    }

    MonitoringVisit(long owningPartner, String createdBy) {
        this.owningPartner = owningPartner;
        this.createdBy = createdBy;
    }

    /** Takes over a validated form (see {@link VisitService}); a changed or dropped follow-up is open again. */
    void apply(VisitForm f) {
        boolean followUpChanged = f.followUpRequired() != followUpRequired || !Objects.equals(f.followUpOn(), followUpOn);
        visitDate = Objects.requireNonNull(f.visitDate());
        locationType = Objects.requireNonNull(f.locationType());
        municipalityCode = Objects.requireNonNull(f.municipalityCode());
        shelterId = f.shelterId();
        place = f.place();
        purpose = Objects.requireNonNull(f.purpose());
        OthersMet o = f.othersMet();
        female0to4 = o.female0to4();
        female5to11 = o.female5to11();
        female12to17 = o.female12to17();
        female18to59 = o.female18to59();
        female60plus = o.female60plus();
        male0to4 = o.male0to4();
        male5to11 = o.male5to11();
        male12to17 = o.male12to17();
        male18to59 = o.male18to59();
        male60plus = o.male60plus();
        findings = f.findings();
        needsIdentified = f.needsIdentified();
        followUpRequired = f.followUpRequired();
        followUpOn = f.followUpOn();
        if (followUpChanged) {
            followUpDoneAt = null;
            followUpDoneBy = null;
        }
        personsObserved = f.personsObserved();
        newArrivals = f.newArrivals();
        asylumIntentions = f.asylumIntentions();
        // Replace contents rather than the collections, so Hibernate writes only the difference.
        monitors.retainAll(f.monitors());
        monitors.addAll(f.monitors());
        concerns.retainAll(f.concerns());
        concerns.addAll(f.concerns());
        personIds.retainAll(f.personIds());
        personIds.addAll(f.personIds());
    }

    VisitForm toForm() {
        Set<ProtectionConcern> concernSet = EnumSet.noneOf(ProtectionConcern.class);
        concernSet.addAll(concerns);
        List<Long> people = new ArrayList<>(personIds);
        people.sort(null);
        return VisitForm.builder()
                .visitDate(visitDate).monitors(new TreeSet<>(monitors)).locationType(locationType)
                .municipalityCode(municipalityCode).shelterId(shelterId).place(place).purpose(purpose)
                .othersMet(new OthersMet(female0to4, female5to11, female12to17, female18to59, female60plus,
                        male0to4, male5to11, male12to17, male18to59, male60plus))
                .concerns(concernSet).findings(findings).needsIdentified(needsIdentified)
                .followUpRequired(followUpRequired).followUpOn(followUpOn)
                .personsObserved(personsObserved).newArrivals(newArrivals).asylumIntentions(asylumIntentions)
                .personIds(List.copyOf(people))
                .build();
    }

    void markFollowUpDone(String by, Instant at) {
        followUpDoneAt = at;
        followUpDoneBy = by;
    }

    long getId() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    long getOwningPartner() {
        return owningPartner;
    }

    LocalDate getVisitDate() {
        return visitDate;
    }

    Set<String> getMonitors() {
        return monitors;
    }

    Set<Long> getPersonIds() {
        return personIds;
    }

    boolean isFollowUpRequired() {
        return followUpRequired;
    }

    @Nullable Instant getFollowUpDoneAt() {
        return followUpDoneAt;
    }

    @Nullable String getFollowUpDoneBy() {
        return followUpDoneBy;
    }

    @Nullable Long getShelterId() {
        return shelterId;
    }

    String getCreatedBy() {
        return createdBy;
    }
}
