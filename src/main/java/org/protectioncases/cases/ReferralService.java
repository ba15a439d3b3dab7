package org.protectioncases.cases;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonNotFoundException;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.MultiLine;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals to institutions and organisations, made for a case or during a monitoring visit, and
 * their answers. Personal data leaves the partner only with the person's recorded, not withdrawn,
 * consent to referral. The answer rule is the {@link Referral}'s own.
 */
@Service
public class ReferralService {

    // Column size (db-changelog/cases); the forms use the same constant.
    public static final int REFERRAL_REASON_MAX = 1000;

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final CaseAccess access;
    private final PersonService people;
    private final ConsentService consents;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    ReferralService(CaseRepository cases, ReferralRepository referrals, CaseAccess access, PersonService people,
                    ConsentService consents, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.referrals = referrals;
        this.access = access;
        this.people = people;
        this.consents = consents;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * Refers the case to an institution or organisation. Personal data leaves the partner only
     * with the person's recorded, not withdrawn, consent to referral.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public ReferralDto refer(long caseId, long version, ReferralTarget target, @Nullable LocalDate referredOn,
                             @Size(max = REFERRAL_REASON_MAX) @MultiLine String reason) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forWork(user, caseId, version);
        Optional<Long> consent = consents.activeConsent(c.getPersonId(), ConsentScope.REFERRAL);
        sendingRules(consent, referredOn, reason, LocalDate.now(clock)).throwIfAny();
        Referral saved = referrals.saveAndFlush(new Referral(caseId, c.getPersonId(), target, referredOn, reason.strip(), consent.get(),
                user.getUsername()));
        audit.record("REFERRAL_SENT", "case", caseId, target + " on " + referredOn);
        return saved.toDto();
    }

    /** Records the answer to a referral (accepted, declined, completed) and its date. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public ReferralDto respond(long referralId, long version, ReferralStatus status, @Nullable LocalDate responseOn) {
        AppUser user = currentUser.require();
        Referral r = referrals.findById(referralId).orElseThrow(() -> new CaseNotFoundException(referralId));
        // Answers to visit referrals are not recorded here (no case to check the user against).
        Long caseId = r.getCaseId();
        ProtectionCase c = caseId == null ? null : cases.findById(caseId).filter(x -> CaseAccess.editable(user, x)).orElse(null);
        if (c == null) {
            throw new CaseNotFoundException(caseId == null ? referralId : caseId);
        }
        return answer(r, referralId, version, status, responseOn, "case", caseId);
    }

    /**
     * Records a referral made during a monitoring visit of the user's partner, for a person met
     * there. Like a case referral it needs the person's recorded, not withdrawn, consent to
     * referral. The monitoring module has checked that the user may change the visit and that the
     * person was met; here the partner and the person's visibility are checked again.
     */
    @Allowed(Permission.REFER_FROM_VISITS)
    @Transactional
    public ReferralDto referFromVisit(long visitId, long owningPartnerId, long personId, ReferralTarget target,
                                      @Nullable LocalDate referredOn, @Size(max = REFERRAL_REASON_MAX) @MultiLine String reason) {
        AppUser user = currentUser.require();
        if (!Objects.equals(user.partnerId(), owningPartnerId)) {
            throw new AccessDeniedException("Visit " + visitId + " belongs to another partner");
        }
        if (!people.isVisible(personId)) {
            audit.recordAccess("person", personId, user.partnerId(), false);
            throw new PersonNotFoundException(personId);
        }
        Optional<Long> consent = consents.activeConsent(personId, ConsentScope.REFERRAL);
        sendingRules(consent, referredOn, reason, LocalDate.now(clock)).throwIfAny();
        Referral saved = referrals.saveAndFlush(Referral.fromVisit(visitId, owningPartnerId, personId, target,
                Objects.requireNonNull(referredOn), reason.strip(), consent.get(), user.getUsername()));
        audit.record("REFERRAL_SENT", "visit", visitId, target + " on " + referredOn + " for person " + personId);
        return saved.toDto();
    }

    /**
     * Records the answer to a referral made during a visit. The monitoring module has checked that
     * the user may change the visit; here the referral must belong to that visit and partner.
     */
    @Allowed(Permission.REFER_FROM_VISITS)
    @Transactional
    public ReferralDto respondToVisitReferral(long visitId, long referralId, long version, ReferralStatus status,
                                              @Nullable LocalDate responseOn) {
        AppUser user = currentUser.require();
        Referral r = referrals.findById(referralId)
                .filter(x -> Objects.equals(x.getVisitId(), visitId) && Objects.equals(x.getReferringPartner(), user.partnerId()))
                .orElseThrow(() -> new CaseNotFoundException(referralId));
        return answer(r, referralId, version, status, responseOn, "visit", visitId);
    }

    /** The referrals made during a visit: the referring partner's, or all for UNHCR managers. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<ReferralDto> visitReferrals(long visitId) {
        Long scope = CaseAccess.scope(currentUser.require());
        List<Referral> found = scope == null ? referrals.findByVisitIdOrderByReferredOnDescIdDesc(visitId)
                : referrals.findByVisitIdAndReferringPartnerOrderByReferredOnDescIdDesc(visitId, scope);
        return found.stream().map(Referral::toDto).toList();
    }

    /** What a new referral needs, for a case or a visit: consent to referral, a date not in the future, a reason. */
    private static FieldErrors sendingRules(Optional<Long> consent, @Nullable LocalDate referredOn, String reason, LocalDate today) {
        return new FieldErrors()
                .rejectIf(consent.isEmpty(), "consent", "referral.validation.noConsent")
                .rejectIf(referredOn == null, "referredOn", "validation.required")
                .rejectIf(referredOn != null && referredOn.isAfter(today), "referredOn", "validation.notInFuture")
                .rejectIf(reason.isBlank(), "reason", "validation.required");
    }

    /** A stale version is refused; then the referral checks the answer itself. Audited on the case or the visit. */
    private ReferralDto answer(Referral r, long referralId, long version, ReferralStatus status, @Nullable LocalDate responseOn,
                               String ownerType, long ownerId) {
        if (r.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Referral.class, referralId);
        }
        r.respond(status, responseOn, LocalDate.now(clock));
        audit.record("REFERRAL_" + status, ownerType, ownerId, r.toDto().target() + " on " + responseOn);
        return referrals.saveAndFlush(r).toDto();
    }
}
