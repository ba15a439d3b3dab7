package org.protectioncases.monitoring;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralStatus;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.MultiLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals made during a saved visit: a person met on it referred to an institution, and the
 * institution's answer. The cases module keeps all referrals (so reports count them alike); this
 * service checks the visit's rules first. Referrals typed on the visit form go with
 * {@link VisitService#record}.
 */
@Service
public class VisitReferralService {

    private final VisitAccess access;
    private final ReferralService referrals;
    private final CurrentUser currentUser;

    VisitReferralService(VisitAccess access, ReferralService referrals, CurrentUser currentUser) {
        this.access = access;
        this.referrals = referrals;
        this.currentUser = currentUser;
    }

    /**
     * Refers a person met on the visit to an institution; the person's consent to referral is
     * required (checked by the cases module, which keeps all referrals). The date is not before the
     * visit and not in the future.
     */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public ReferralDto refer(long visitId, @Nullable Long personId, @Nullable ReferralTarget target, @Nullable LocalDate referredOn,
                             @Size(max = ReferralService.REFERRAL_REASON_MAX) @MultiLine String reason) {
        AppUser user = currentUser.require();
        MonitoringVisit v = access.forChange(user, visitId, null);
        new FieldErrors()
                .rejectIf(personId == null || !v.getPersonIds().contains(personId), "personId", "visit.validation.referralPerson")
                .rejectIf(target == null, "target", "validation.required")
                .rejectIf(referredOn != null && referredOn.isBefore(v.getVisitDate()), "referredOn", "visit.validation.beforeVisit")
                .throwIfAny();
        return referrals.referFromVisit(visitId, v.getOwningPartner(), Objects.requireNonNull(personId), Objects.requireNonNull(target),
                referredOn, reason);
    }

    /** Records the institution's answer to a referral made during the visit. */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public ReferralDto respondToReferral(long visitId, long referralId, long version, ReferralStatus status, @Nullable LocalDate responseOn) {
        access.forChange(currentUser.require(), visitId, null);
        return referrals.respondToVisitReferral(visitId, referralId, version, status, responseOn);
    }

    /** Referrals made during the visit, newest first. */
    @Allowed(Permission.READ_VISITS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public List<ReferralDto> referrals(long visitId) {
        access.visibleVisit(visitId);
        return referrals.visitReferrals(visitId);
    }
}
