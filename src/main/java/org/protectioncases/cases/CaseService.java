package org.protectioncases.cases;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding and reading cases. Partner staff see their partner's cases; UNHCR managers read all; a
 * partner that handed a case away reads it as it was up to the transfer. A case one may not see is
 * answered as "not found" and the attempt is logged. Changes are in {@link CaseWorkflowService},
 * {@link CaseloadService}, {@link ReferralService} and {@link CaseTransferService}.
 */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final CaseQueryRepository queries;
    private final CaseAccess access;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final AuditService audit;

    CaseService(CaseRepository cases, CaseQueryRepository queries, CaseAccess access, PersonService people,
                CurrentUser currentUser, AuditService audit) {
        this.cases = cases;
        this.queries = queries;
        this.access = access;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** One page of the cases the user may see. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<CaseSummary> list(@Valid CaseFilter filter, Pageable pageable) {
        AppUser user = currentUser.require();
        return queries.page(CaseAccess.scope(user), user.getUsername(), filter, pageable);
    }

    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public long count(@Valid CaseFilter filter) {
        AppUser user = currentUser.require();
        return queries.count(CaseAccess.scope(user), user.getUsername(), filter);
    }

    /** The case page data, or empty if missing or not the user's to see; the opening is logged. */
    @Allowed(Permission.READ_CASES)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public Optional<CaseDetails> get(long id) {
        AppUser user = currentUser.require();
        Optional<ProtectionCase> found = cases.findById(id).filter(c -> access.visible(user, c));
        boolean withheld = found.isPresent() && found.get().getConfidentialNote() != null && !CaseAccess.seesConfidential(user, found.get());
        audit.recordAccess("case", id, user.partnerId(), found.isPresent(), withheld ? CaseAccess.WITHHELD_NOTE : null);
        return found.map(c -> access.details(user, c));
    }

    /**
     * The head of a case the user may see, for other modules that record work on cases
     * (counselling sessions); not logged as an opening, the caller logs its own record.
     */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public Optional<CaseSummary> summary(long id) {
        AppUser user = currentUser.require();
        return cases.findById(id).filter(c -> access.visible(user, c)).map(c -> c.toSummary(access.personLabel(c)));
    }

    /**
     * The label of the person a new case would be for ({@code cases/new?person=ID}), or empty if the
     * user may not see them; a refusal is logged like any other refused opening.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional // not read-only: a refusal writes record_access
    public Optional<String> personForNewCase(long personId) {
        Optional<String> label = people.label(personId);
        if (label.isEmpty()) {
            audit.recordAccess("person", personId, currentUser.require().partnerId(), false);
        }
        return label;
    }

    /**
     * The case's change history (field by field), for those who may see the case; a former owner's
     * ends at the transfer. Entries about the confidential note only for those who may read it.
     */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<AuditEventDto> history(long caseId) {
        ProtectionCase c = access.visibleCase(caseId);
        AppUser user = currentUser.require();
        Instant cutoff = access.handedAwayAt(user, c);
        return audit.history("case", caseId, CaseAccess.seesConfidential(user, c)).stream()
                .filter(h -> cutoff == null || !h.at().isAfter(cutoff)).toList();
    }

    /** Who opened the case page (UNHCR managers and the owning partner's coordinator). */
    @Allowed(Permission.READ_ACCESS_LOG)
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(long caseId) {
        ProtectionCase c = access.visibleCase(caseId);
        if (access.handedAwayAt(currentUser.require(), c) != null) {
            throw new CaseNotFoundException(caseId);
        }
        return audit.accessLog("case", caseId, 200);
    }

    /**
     * Whether the signed-in user sees the case in full (its partner, or a UNHCR manager). A former
     * owner's frozen view does not count, so what was added after the transfer stays out of reach.
     * Not logged: the caller logs the access it grants.
     */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public boolean canSee(long caseId) {
        AppUser user = currentUser.require();
        return cases.findById(caseId).filter(c -> access.visible(user, c) && access.handedAwayAt(user, c) == null).isPresent();
    }

    /** Whether the signed-in user may change the case: its partner's coordinators and the assigned lawyer. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public boolean canEdit(long caseId) {
        AppUser user = currentUser.require();
        return cases.findById(caseId).filter(c -> CaseAccess.editable(user, c)).isPresent();
    }

    /**
     * Whether the signed-in user may work on the case's content (attachments and the like): {@link #canEdit}
     * and the case not closed, which is read-only until it is reopened.
     */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public boolean canWork(long caseId) {
        AppUser user = currentUser.require();
        return cases.findById(caseId).filter(c -> CaseAccess.editable(user, c) && c.getStatus() != CaseStatus.CLOSED).isPresent();
    }
}
