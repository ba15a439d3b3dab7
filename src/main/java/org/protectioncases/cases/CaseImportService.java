package org.protectioncases.cases;

import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases brought in from a partner's old records (the bulk import, issue #15): checked by the rules
 * of opening a case ({@link CaseWorkflowService#openingErrors}) and of closing one, opened in bulk
 * for the user's partner, and withdrawn again while nobody has touched them.
 */
@Service
public class CaseImportService {

    /** At most this many cases in one call of {@link #openAll}. */
    public static final int MAX_CHUNK = 5_000;
    /** At most this many case numbers looked up or cases withdrawn in one call. */
    public static final int MAX_SET = 200_000;

    /**
     * A case as a file row gives it: its person (already resolved, visible to the user), type,
     * status now, the dates it was opened and (if closed) closed, outcome, summary and caseworker
     * (username of a lawyer or coordinator of the user's partner).
     */
    public record ImportedCase(long personId, CaseType type, CaseStatus status, LocalDate openedOn, @Nullable LocalDate closedOn,
                               @Nullable CaseOutcome outcome,
                               @Size(max = NewCase.SUMMARY_MAX) @MultiLine @Nullable String summary,
                               @Size(max = TextRules.USERNAME) @SingleLine String caseworker) {
    }

    /** A case opened by {@link #openAll}: its id, number and version (for the undo). */
    public record Opened(long id, String caseNo, long version) {
    }

    /** Why an imported case cannot be withdrawn. */
    public enum Blocker { NOT_FOUND, CHANGED, LINKED }

    private final CaseWorkflowService workflow;
    private final CaseRepository cases;
    private final CaseQueryRepository queries;
    private final CaseImportRepository repository;
    private final PersonService people;
    private final UserAccountService accounts;
    private final AttachmentService attachments;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;

    CaseImportService(CaseWorkflowService workflow, CaseRepository cases, CaseQueryRepository queries, CaseImportRepository repository,
                      PersonService people, UserAccountService accounts, AttachmentService attachments, CurrentUser currentUser,
                      AuditService audit, ApplicationEventPublisher events, EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.workflow = workflow;
        this.cases = cases;
        this.queries = queries;
        this.repository = repository;
        this.people = people;
        this.accounts = accounts;
        this.attachments = attachments;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
    }

    /** The usernames of the user's partner's lawyers and coordinators, by username and by full name (for a file's caseworker column). */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public List<UserAccountDto> caseworkers() {
        return accounts.caseworkers();
    }

    /**
     * Refuses ({@link org.protectioncases.shared.FieldValidationException}, fields {@code personId},
     * {@code openedOn}, {@code assignTo}, {@code status}, {@code closedOn}, {@code outcome},
     * {@code summary}) what the case form and the workflow would refuse; saves nothing.
     */
    @Allowed(Permission.WORK_ON_CASES)
    // No transaction of its own: a refusal must not mark the caller's (the dry run's) for rollback.
    public void check(@Valid ImportedCase c) {
        check(currentUser.require(), c, caseworkerNames());
    }

    /**
     * Opens the cases (each checked again) for the user's partner; {@code note} goes on each one's
     * history. Clears the persistence context at the end: a batch of thousands of cases would
     * otherwise be dirty-checked at every flush.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public List<Opened> openAll(@Size(max = MAX_CHUNK) List<@Valid ImportedCase> imported,
                                @Size(max = TextRules.FILTER + 100) @SingleLine String note) {
        AppUser user = currentUser.require();
        List<String> staff = caseworkerNames();
        long partnerId = Objects.requireNonNull(user.partnerId());
        List<Opened> opened = new ArrayList<>(imported.size());
        for (ImportedCase cmd : imported) {
            check(user, cmd, staff);
            ProtectionCase c = new ProtectionCase(cmd.type(), cmd.personId(), partnerId, cmd.caseworker(), cmd.openedOn());
            c.apply(CaseUpdate.initial(CasePriority.NORMAL, cmd.summary(), null));
            if (cmd.status() != CaseStatus.OPEN) {
                c.moveTo(cmd.status(), cmd.outcome(), Objects.requireNonNullElse(cmd.closedOn(), cmd.openedOn()));
            }
            ProtectionCase saved = cases.save(c); // inserted at once (identity), so the SQL below sees it
            long id = Objects.requireNonNull(saved.getId());
            queries.recordStatusChange(id, null, CaseStatus.OPEN, note, user.getUsername());
            if (cmd.status() != CaseStatus.OPEN) {
                queries.recordStatusChange(id, CaseStatus.OPEN, cmd.status(), cmd.status() == CaseStatus.CLOSED ? cmd.outcome() + ": " + note : note,
                        user.getUsername());
            }
            // As the form's opening (in the reader's language); the status it came with is on the timeline and in the details.
            audit.recordMessage("CASE_OPENED", "case", id, new AuditMessage("history.case.opened",
                    List.of(AuditMessage.keys(List.of(cmd.type().messageKey())), cmd.caseworker()),
                    cmd.type() + " for person " + cmd.personId() + " assigned to " + cmd.caseworker() + ", " + cmd.status()
                            + (cmd.outcome() == null ? "" : " (" + cmd.outcome() + ")") + "; " + note));
            events.publishEvent(new CaseOpened(id, cmd.personId(), partnerId));
            opened.add(new Opened(id, queries.caseNo(id), saved.getVersion()));
        }
        cases.flush();
        entityManager.clear();
        return opened;
    }

    /** The ids of the user's partner's own cases with these numbers (case-insensitive); numbers not found are left out. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public Map<String, Long> ownCaseIds(@Size(max = MAX_SET) Collection<@Size(max = TextRules.FILTER) @SingleLine String> caseNos) {
        return repository.idsByNumber(Objects.requireNonNull(currentUser.require().partnerId()), caseNos);
    }

    /**
     * What keeps each of these cases from being withdrawn (empty: none): not the partner's, changed
     * since ({@code expectedVersions}: id to version when opened), or anything referring to it (a
     * session, referral, attachment, transfer, hearing...).
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public Map<Long, Blocker> blockers(@Size(max = MAX_SET) Map<Long, Long> expectedVersions) {
        long partnerId = Objects.requireNonNull(currentUser.require().partnerId());
        Map<Long, Long> versions = repository.versions(partnerId, expectedVersions.keySet());
        Map<Long, Blocker> blockers = new LinkedHashMap<>();
        expectedVersions.forEach((id, version) -> {
            if (!versions.containsKey(id)) {
                blockers.put(id, Blocker.NOT_FOUND);
            } else if (!versions.get(id).equals(version)) {
                blockers.put(id, Blocker.CHANGED);
            }
        });
        for (long id : repository.referencedElsewhere(expectedVersions.keySet())) {
            blockers.putIfAbsent(id, Blocker.LINKED);
        }
        for (long id : attachments.ownersWithAttachments(CaseAttachmentPolicy.KIND, expectedVersions.keySet())) {
            blockers.putIfAbsent(id, Blocker.LINKED);
        }
        return blockers;
    }

    /** Deletes these cases of the user's partner (after {@link #blockers} found none) with their timelines. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public void withdraw(@Size(max = MAX_SET) Collection<Long> ids, long importBatch) {
        long partnerId = Objects.requireNonNull(currentUser.require().partnerId());
        Map<Long, Long> versions = repository.versions(partnerId, ids);
        for (Long id : ids) {
            if (!versions.containsKey(id)) {
                throw new CaseNotFoundException(id);
            }
        }
        repository.delete(List.copyOf(ids));
        audit.recordEach("CASE_WITHDRAWN", "case", ids, AuditMessage.importUndone(importBatch));
    }

    private List<String> caseworkerNames() {
        return accounts.caseworkers().stream().map(UserAccountDto::username).toList();
    }

    private void check(AppUser user, ImportedCase c, List<String> staff) {
        LocalDate today = LocalDate.now(clock);
        boolean closed = c.status() == CaseStatus.CLOSED;
        FieldErrors errors = workflow.openingErrors(user, c.openedOn(), c.caseworker())
                .rejectIf(!people.isVisible(c.personId()), "personId", "import.case.person")
                .rejectIf(!staff.contains(c.caseworker()), "assignTo", "import.case.caseworker")
                .rejectIf(closed && c.outcome() == null, "outcome", "case.validation.outcomeRequired")
                .rejectIf(c.outcome() != null && !c.type().outcomes().contains(c.outcome()), "outcome", "case.validation.outcomeType")
                .rejectIf(!closed && c.outcome() != null, "outcome", "import.case.onlyWhenClosed")
                .rejectIf(closed && c.closedOn() == null, "closedOn", "validation.required")
                .rejectIf(!closed && c.closedOn() != null, "closedOn", "import.case.onlyWhenClosed")
                .rejectIf(c.closedOn() != null && c.closedOn().isAfter(today), "closedOn", "validation.notInFuture")
                .rejectIf(c.closedOn() != null && c.closedOn().isBefore(c.openedOn()), "closedOn", "validation.endBeforeStart")
                .rejectIf(c.summary() != null && c.summary().strip().length() > NewCase.SUMMARY_MAX, "summary", "validation.tooLong");
        errors.throwIfAny();
    }
}
