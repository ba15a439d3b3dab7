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
import org.protectioncases.shared.VersionedEntity;

@Entity
@Table(name = "referral")
class Referral extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private long caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReferralTarget target = ReferralTarget.OTHER_PARTNER;
    @Column(name = "referred_on", nullable = false, updatable = false)
    private LocalDate referredOn = LocalDate.now();
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

    Referral(long caseId, ReferralTarget target, LocalDate referredOn, String reason, long consentId, String createdBy) {
        this.caseId = caseId;
        this.target = target;
        this.referredOn = referredOn;
        this.reason = reason;
        this.consentId = consentId;
        this.createdBy = createdBy;
    }

    void respond(ReferralStatus status, @Nullable LocalDate responseOn) {
        this.status = status;
        this.responseOn = responseOn;
    }

    long getCaseId() {
        return caseId;
    }

    LocalDate getReferredOn() {
        return referredOn;
    }

    ReferralDto toDto() {
        return new ReferralDto(id, caseId, target, referredOn, reason, status, responseOn, createdBy, getVersion());
    }
}
