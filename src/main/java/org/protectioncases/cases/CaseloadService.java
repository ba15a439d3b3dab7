package org.protectioncases.cases;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who carries which case and what is due: the coordinator's caseload and assignments within the
 * partner, and a caseworker's next actions ("My follow-ups", through {@link CaseFollowUps}).
 */
@Service
public class CaseloadService {

    private final CaseRepository cases;
    private final CaseQueryRepository queries;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final UserAccountService accounts;
    private final OpenItemSources openItems;

    CaseloadService(CaseRepository cases, CaseQueryRepository queries, CaseAccess access, CurrentUser currentUser, AuditService audit,
                    UserAccountService accounts, OpenItemSources openItems) {
        this.openItems = openItems;
        this.cases = cases;
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** The coordinator's partner's open cases by caseworker and status (unassigned first). */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional(readOnly = true)
    public List<CaseloadRow> caseload() {
        return queries.caseload(Objects.requireNonNull(currentUser.require().partnerId()));
    }

    /** Coordinators (re)assign a case within their partner. */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional
    public CaseDetails assign(long id, long version, @Size(max = TextRules.USERNAME) @SingleLine String assignTo) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forWork(user, id, version);
        boolean colleague = accounts.caseworkers().stream().anyMatch(u -> u.username().equals(assignTo.strip()));
        new FieldErrors().rejectIf(!colleague, "assignTo", "case.validation.assignee").throwIfAny();
        String before = c.getAssignedTo();
        c.assign(assignTo.strip());
        cases.saveAndFlush(c);
        audit.recordMessage("CASE_ASSIGNED", "case", id, new AuditMessage("history.case.assigned",
                List.of(before, assignTo.strip()), "assignedTo: " + before + " → " + assignTo.strip()));
        return access.details(user, c);
    }

    /** Open cases of the coordinator's partner whose next action is before {@code today}, per caseworker. */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional(readOnly = true)
    public Map<String, Long> overdueByCaseworker(LocalDate today) {
        return queries.overdueByCaseworker(Objects.requireNonNull(currentUser.require().partnerId()), today);
    }

    /** The user's open cases whose next action is due by {@code until} ("My follow-ups"). */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public List<FollowUp> myNextActions(LocalDate until, int limit) {
        return queries.nextActions(currentUser.require().getUsername(), until, limit);
    }

    /** The next action is handled: the date is cleared (audited) until a new one is set. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public void markNextActionDone(long caseId) {
        AppUser user = currentUser.require();
        // Row-level security hides another partner's case here already: forChange logs the refusal either way.
        long version = cases.findById(caseId).map(ProtectionCase::getVersion).orElse(-1L);
        ProtectionCase checked = access.forChange(user, caseId, version);
        CaseUpdate before = checked.toUpdate();
        CaseUpdate after = new CaseUpdate(before.priority(), null, before.summary(), before.documentSought(), before.authority(),
                before.submittedOn(), before.obtainedOn());
        checked.apply(after);
        cases.saveAndFlush(checked);
        audit.recordMessage("CASE_NEXT_ACTION_DONE", "case", caseId, AuditMessage.changes("case", before, after));
        // The session follow-ups this next action stood for are done with it (one next action per case).
        if (before.nextActionDate() != null) {
            openItems.followUpsDone(caseId, before.nextActionDate(), user.getUsername());
        }
    }
}
