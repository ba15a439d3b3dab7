package org.protectioncases.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What of a case the signed-in user may see and change, one rule for all the case services. The
 * owning partner and UNHCR managers see a case; a partner that handed it away sees it read-only up
 * to the transfer; only the owner's coordinators and the assigned lawyer change it. Called inside
 * the services' secured transactions; a case one may not see is answered as "not found".
 */
@Component
class CaseAccess {

    /** What an access-log row says was withheld when a reader was not shown a case's confidential note. */
    static final String WITHHELD_NOTE = "confidential note";

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final CaseQueryRepository queries;
    private final TransferRepository transfers;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final AuditService audit;

    CaseAccess(CaseRepository cases, ReferralRepository referrals, CaseQueryRepository queries, TransferRepository transfers,
               PersonService people, CurrentUser currentUser, AuditService audit) {
        this.cases = cases;
        this.referrals = referrals;
        this.queries = queries;
        this.transfers = transfers;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    static @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    /** Owning partner, UNHCR managers, and (read-only, up to the transfer) partners that handed it away. */
    boolean visible(AppUser user, ProtectionCase c) {
        Long scope = scope(user);
        return scope == null || scope == c.getOwningPartner() || handedAwayAt(user, c) != null;
    }

    @Nullable Instant handedAwayAt(AppUser user, ProtectionCase c) {
        Long scope = scope(user);
        if (scope == null || scope == c.getOwningPartner()) {
            return null;
        }
        return transfers.handedAwayAt(c.getId(), scope).orElse(null);
    }

    /** The confidential note (and history entries about it) is for the owning partner's staff only. */
    static boolean seesConfidential(AppUser user, ProtectionCase c) {
        return Objects.equals(user.partnerId(), c.getOwningPartner());
    }

    static boolean editable(AppUser user, ProtectionCase c) {
        // Only the current owner's staff edit; a former owner reads.
        return Objects.equals(user.partnerId(), c.getOwningPartner())
                && (user.role() == Role.PARTNER_COORDINATOR
                || user.role() == Role.PARTNER_LAWYER && user.getUsername().equals(c.getAssignedTo()));
    }

    /** The label of the case's person as the user may see it, or "#id". */
    String personLabel(ProtectionCase c) {
        return people.label(c.getPersonId()).orElse("#" + c.getPersonId());
    }

    CaseDetails details(AppUser user, ProtectionCase c) {
        String label = personLabel(c);
        Instant cutoff = handedAwayAt(user, c);
        List<ReferralDto> refs = referrals.findByCaseIdOrderByReferredOnDescIdDesc(c.getId()).stream()
                .filter(r -> cutoff == null || !r.getCreatedAt().isAfter(cutoff)).map(Referral::toDto).toList();
        if (cutoff == null) {
            return new CaseDetails(c.toSummary(label), c.toUpdate(), queries.timeline(c.getId()), refs, c.getVersion(),
                    editable(user, c), transfers.forCase(c.getId()), null, c.getTypeDetails(), queries.members(c.getId()),
                    seesConfidential(user, c) ? c.getConfidentialNote() : null);
        }
        // The former owner sees the case as it was when it left: nothing recorded since.
        List<StatusChangeDto> timeline = queries.timeline(c.getId()).stream().filter(t -> !t.at().isAfter(cutoff)).toList();
        CaseStatus statusThen = timeline.isEmpty() ? CaseStatus.OPEN : timeline.get(timeline.size() - 1).to();
        CaseSummary now = c.toSummary(label);
        CaseSummary then = new CaseSummary(now.id(), now.caseNo(), now.type(), now.personId(), label, now.owningPartner(), "–",
                CasePriority.NORMAL, statusThen, now.openedOn(), null, null, null);
        return new CaseDetails(then, CaseUpdate.initial(CasePriority.NORMAL, null, null), timeline, refs, c.getVersion(), false,
                transfers.forCase(c.getId()).stream().filter(t -> !t.requestedAt().isAfter(cutoff)).toList(), cutoff,
                CaseTypeDetails.empty(c.getType()), List.of(), null);
    }

    ProtectionCase visibleCase(long id) {
        AppUser user = currentUser.require();
        return cases.findById(id).filter(c -> visible(user, c)).orElseThrow(() -> new CaseNotFoundException(id));
    }

    /**
     * {@link #forChange} for work on the case's content: a closed case is read-only until it is
     * reopened (its status is changed through {@link #forChange} alone).
     */
    ProtectionCase forWork(AppUser user, long id, long version) {
        ProtectionCase c = forChange(user, id, version);
        if (c.getStatus() == CaseStatus.CLOSED) {
            throw new FieldValidationException("status", "case.validation.closedReadOnly");
        }
        return c;
    }

    ProtectionCase forChange(AppUser user, long id, long version) {
        ProtectionCase c = cases.findById(id).orElse(null);
        if (c == null || !visible(user, c)) {
            audit.recordAccess("case", id, user.partnerId(), false);
            throw new CaseNotFoundException(id);
        }
        if (!editable(user, c)) {
            throw new AccessDeniedException("Case " + id + " is not assigned to you");
        }
        if (c.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(ProtectionCase.class, id);
        }
        return c;
    }
}
