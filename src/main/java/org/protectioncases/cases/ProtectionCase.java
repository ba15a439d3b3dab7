package org.protectioncases.cases;

import org.protectioncases.people.DocumentType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.VersionedEntity;

/** A case a partner runs for a person; the case number comes from the database (gapless per year). */
@Entity
@Table(name = "protection_case")
class ProtectionCase extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Generated(event = EventType.INSERT)
    @Column(name = "case_no", insertable = false, updatable = false)
    private @Nullable String caseNo;
    @Enumerated(EnumType.STRING)
    @Column(name = "case_type", nullable = false, updatable = false)
    private CaseType type = CaseType.GENERAL_PROTECTION;
    @Column(name = "principal_person_id", nullable = false, updatable = false)
    private long personId;
    @Column(name = "owning_partner", nullable = false)
    private long owningPartner;
    @Column(name = "assigned_to", nullable = false)
    private String assignedTo = "";
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CasePriority priority = CasePriority.NORMAL;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status = CaseStatus.OPEN;
    @Column(name = "opened_on", nullable = false, updatable = false)
    private LocalDate openedOn;
    @Column(name = "next_action_date")
    private @Nullable LocalDate nextActionDate;
    @Column(name = "closed_on")
    private @Nullable LocalDate closedOn;
    @Enumerated(EnumType.STRING)
    private @Nullable CaseOutcome outcome;
    private @Nullable String summary;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_sought")
    private @Nullable DocumentType documentSought;
    private @Nullable String authority;
    @Column(name = "submitted_on")
    private @Nullable LocalDate submittedOn;
    @Column(name = "obtained_on")
    private @Nullable LocalDate obtainedOn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "type_details", nullable = false)
    private CaseTypeDetails typeDetails = new CaseTypeDetails.None();

    @Column(name = "confidential_note")
    private @Nullable String confidentialNote;

    protected ProtectionCase() {
    }

    ProtectionCase(CaseType type, long personId, long owningPartner, String assignedTo, LocalDate openedOn) {
        this.type = type;
        this.personId = personId;
        this.owningPartner = owningPartner;
        this.assignedTo = assignedTo;
        this.openedOn = openedOn;
        this.typeDetails = CaseTypeDetails.empty(type);
    }

    void apply(CaseUpdate u) {
        priority = u.priority();
        nextActionDate = u.nextActionDate();
        summary = u.summary() == null || u.summary().isBlank() ? null : u.summary().strip();
        documentSought = u.documentSought();
        authority = u.authority() == null || u.authority().isBlank() ? null : u.authority().strip();
        submittedOn = u.submittedOn();
        obtainedOn = u.obtainedOn();
    }

    void moveTo(CaseStatus target, @Nullable CaseOutcome outcome, LocalDate today) {
        this.status = target;
        if (target == CaseStatus.CLOSED) {
            this.outcome = outcome;
            this.closedOn = today;
            this.nextActionDate = null;
        } else {
            this.outcome = null;
            this.closedOn = null;
        }
    }

    void transferTo(long partnerId, String assignee) {
        this.owningPartner = partnerId;
        this.assignedTo = assignee;
    }

    /** Always of the case's type: cleared details ({@code '{}'}, see {@link CaseTypeDetails.None}) read as the type's empty record. */
    CaseTypeDetails getTypeDetails() {
        return typeDetails.fits(type) ? typeDetails : CaseTypeDetails.empty(type);
    }

    void setTypeDetails(CaseTypeDetails details) {
        if (!details.fits(type)) {
            throw new IllegalArgumentException(details.getClass().getSimpleName() + " are not details of a " + type + " case");
        }
        this.typeDetails = details;
    }

    @Nullable String getConfidentialNote() {
        return confidentialNote;
    }

    void setConfidentialNote(@Nullable String note) {
        this.confidentialNote = note;
    }

    void assign(String username) {
        this.assignedTo = username;
    }

    @Nullable Long getId() {
        return id;
    }

    CaseType getType() {
        return type;
    }

    long getPersonId() {
        return personId;
    }

    long getOwningPartner() {
        return owningPartner;
    }

    String getAssignedTo() {
        return assignedTo;
    }

    CaseStatus getStatus() {
        return status;
    }

    CaseUpdate toUpdate() {
        return new CaseUpdate(priority, nextActionDate, summary, documentSought, authority, submittedOn, obtainedOn);
    }

    CaseSummary toSummary(String personLabel) {
        return new CaseSummary(id, caseNo, type, personId, personLabel, owningPartner, assignedTo, priority, status, openedOn,
                nextActionDate, closedOn, outcome);
    }
}
