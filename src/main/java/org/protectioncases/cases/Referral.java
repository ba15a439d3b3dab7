package org.protectioncases.cases;

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
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.VersionedEntity;

@Entity
@Table(name = "referral")
class Referral extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "case_id", updatable = false)
    private @Nullable Long caseId;
    /** Set instead of the case for a referral made during a monitoring visit. */
    @Column(name = "visit_id", updatable = false)
    private @Nullable Long visitId;
    @Column(name = "person_id", nullable = false)
    private long personId;
    /** The partner that made a visit referral (case referrals are scoped through their case). */
    @Column(name = "referring_partner", updatable = false)
    private @Nullable Long referringPartner;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReferralTarget target = ReferralTarget.OTHER_PARTNER;
    @Column(name = "referred_on", nullable = false, updatable = false)
    private LocalDate referredOn;
    @Column(nullable = false, updatable = false)
    private String reason = "";
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status = ReferralStatus.SENT;
    @Column(name = "response_on")
    private @Nullable LocalDate responseOn;
    @Column(name = "consent_id", nullable = false, updatable = false)
    private long consentId;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy = "";

    protected Referral() {
    }

    Referral(long caseId, long personId, ReferralTarget target, LocalDate referredOn, String reason, long consentId, String createdBy) {
        this.caseId = caseId;
        this.personId = personId;
        this.target = target;
        this.referredOn = referredOn;
        this.reason = reason;
        this.consentId = consentId;
        this.createdBy = createdBy;
    }

    static Referral fromVisit(long visitId, long referringPartner, long personId, ReferralTarget target, LocalDate referredOn,
                              String reason, long consentId, String createdBy) {
        Referral r = new Referral();
        r.visitId = visitId;
        r.referringPartner = referringPartner;
        r.personId = personId;
        r.target = target;
        r.referredOn = referredOn;
        r.reason = reason;
        r.consentId = consentId;
        r.createdBy = createdBy;
        return r;
    }

    /**
     * Records the answer (accepted, declined, completed, or back to sent) and its date. Any answer
     * but "sent" needs a date; the date may not be in the future nor before the referral was made.
     * The same rule for case and visit referrals.
     */
    void respond(ReferralStatus status, @Nullable LocalDate responseOn, LocalDate today) {
        new FieldErrors()
                .rejectIf(status != ReferralStatus.SENT && responseOn == null, "responseOn", "validation.required")
                .rejectIf(responseOn != null && responseOn.isAfter(today), "responseOn", "validation.notInFuture")
                .rejectIf(responseOn != null && responseOn.isBefore(referredOn), "responseOn", "validation.endBeforeStart")
                .throwIfAny();
        this.status = status;
        this.responseOn = responseOn;
    }

    /** The case was closed while the referral waited for an answer, and the user cancelled it. */
    void withdraw() {
        this.status = ReferralStatus.WITHDRAWN;
    }

    ReferralStatus getStatus() {
        return status;
    }

    @Nullable LocalDate getResponseOn() {
        return responseOn;
    }

    @Nullable Long getCaseId() {
        return caseId;
    }

    LocalDate getReferredOn() {
        return referredOn;
    }

    ReferralDto toDto() {
        return new ReferralDto(id, caseId, target, referredOn, reason, status, responseOn, createdBy, getVersion(), visitId, personId);
    }

    @Nullable Long getVisitId() {
        return visitId;
    }

    @Nullable Long getReferringPartner() {
        return referringPartner;
    }
}
