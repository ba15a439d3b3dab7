package org.protectioncases.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonNotFoundException;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a case and working on it: its fields, type details, confidential note, the people it
 * concerns and its workflow. Lawyers change the cases assigned to them, coordinators all of their
 * partner's; a stale version is refused.
 */
@Service
public class CaseWorkflowService {

    // Column sizes (db-changelog/cases); the forms use the same constants.
    public static final int STATUS_REASON_MAX = 500;
    public static final int CONFIDENTIAL_NOTE_MAX = 2000;
    /** How many open items one closing decides at most. */
    public static final int MAX_OPEN_ITEMS = 500;

    private final CaseRepository cases;
    private final CaseQueryRepository queries;
    private final CaseAccess access;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final List<CaseStatusGuard> guards;
    private final OpenItemSources openItemSources;
    private final Clock clock;

    CaseWorkflowService(CaseRepository cases, CaseQueryRepository queries, CaseAccess access, PersonService people,
                        CurrentUser currentUser, AuditService audit, ApplicationEventPublisher events, List<CaseStatusGuard> guards,
                        OpenItemSources openItemSources, Clock clock) {
        this.clock = clock;
        this.openItemSources = openItemSources;
        this.cases = cases;
        this.queries = queries;
        this.access = access;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.guards = guards;
    }

    /** Opens a case for a person the user may see, for the user's partner. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails open(@Valid NewCase cmd) {
        AppUser user = currentUser.require();
        if (!people.isVisible(cmd.personId())) {
            audit.recordAccess("person", cmd.personId(), user.partnerId(), false);
            throw new PersonNotFoundException(cmd.personId());
        }
        LocalDate openedOn = cmd.openedOn() == null ? LocalDate.now(clock) : cmd.openedOn();
        String assignee = cmd.assignTo() == null || cmd.assignTo().isBlank() ? user.getUsername() : cmd.assignTo();
        openingErrors(user, openedOn, assignee).throwIfAny();
        ProtectionCase c = new ProtectionCase(cmd.type(), cmd.personId(), Objects.requireNonNull(user.partnerId()), assignee, openedOn);
        c.apply(CaseUpdate.initial(cmd.priority(), cmd.summary(), cmd.type() == CaseType.CIVIL_DOCUMENTATION ? cmd.documentSought() : null));
        ProtectionCase saved = cases.saveAndFlush(c);
        queries.recordStatusChange(saved.getId(), null, CaseStatus.OPEN, null, user.getUsername());
        // Shown in the reader's language (type as a message key, assignee as a name); the English text stays the details.
        audit.recordMessage("CASE_OPENED", "case", saved.getId(), new AuditMessage("history.case.opened",
                List.of(AuditMessage.keys(List.of(cmd.type().messageKey())), assignee),
                cmd.type() + " for person " + cmd.personId() + " assigned to " + assignee));
        events.publishEvent(new CaseOpened(saved.getId(), cmd.personId(), saved.getOwningPartner()));
        return access.details(user, saved);
    }

    /** The rules of opening a case, for the form and for the bulk import ({@link CaseImportService}) alike. */
    FieldErrors openingErrors(AppUser user, LocalDate openedOn, String assignee) {
        return new FieldErrors()
                .rejectIf(openedOn.isAfter(LocalDate.now(clock)), "openedOn", "validation.notInFuture")
                .rejectIf(user.role() == Role.PARTNER_LAWYER && !assignee.equals(user.getUsername()), "assignTo", "case.validation.assignOthers");
    }

    /** Changes priority, next action, summary and type-specific fields; refused over a newer version. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails update(long id, long version, @Valid CaseUpdate update) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forWork(user, id, version);
        // Neither date in the future: CaseUpdate's constraints, refused before this runs.
        new FieldErrors()
                .rejectIf(update.obtainedOn() != null && update.submittedOn() != null && update.obtainedOn().isBefore(update.submittedOn()),
                        "obtainedOn", "validation.endBeforeStart")
                .throwIfAny();
        CaseUpdate before = c.toUpdate();
        c.apply(update);
        cases.saveAndFlush(c);
        audit.recordMessage("CASE_UPDATED", "case", id, AuditMessage.changes("case", before, update));
        return access.details(user, c);
    }

    /** Adds a person the user may see (by registration number) to the people the case concerns. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails addMember(long caseId, long version, @Size(max = TextRules.REGISTRATION_NO) @SingleLine String memberRegistrationNo) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forWork(user, caseId, version);
        Optional<Long> personId = people.findVisibleByRegistrationNo(memberRegistrationNo);
        new FieldErrors()
                .rejectIf(personId.isEmpty(), "memberRegistrationNo", "household.validation.member")
                .rejectIf(personId.isPresent() && personId.get() == c.getPersonId(), "memberRegistrationNo", "case.validation.principal")
                .throwIfAny();
        queries.addMember(caseId, personId.get(), user.getUsername());
        audit.record("CASE_MEMBER_ADDED", "case", caseId, memberRegistrationNo.strip().toUpperCase(Locale.ROOT));
        return access.details(user, c);
    }

    /** Sets the confidential note; its text never reaches the audit trail, managers or reports. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails updateConfidentialNote(long caseId, long version, 
                                              @Size(max = CONFIDENTIAL_NOTE_MAX) @MultiLine @Nullable String confidentialNote) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forWork(user, caseId, version);
        c.setConfidentialNote(confidentialNote == null || confidentialNote.isBlank() ? null : confidentialNote.strip());
        cases.saveAndFlush(c);
        audit.recordRestricted("CASE_CONFIDENTIAL_NOTE", "case", caseId,
                new AuditMessage("history.case.confidentialNote", List.of(), "confidential note changed"));
        return access.details(user, c);
    }

    /**
     * Sets the fields of the case's type (e.g. the asylum procedure stage): details of another
     * type and future dates are refused; a field left empty is cleared.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails updateTypeDetails(long id, long version, @Valid CaseTypeDetails details) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forWork(user, id, version);
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors().rejectIf(!details.fits(c.getType()), "typeDetails", "case.validation.unknownField");
        details.dates().forEach((field, date) -> errors.rejectIf(date.isAfter(today), field, "validation.notInFuture"));
        errors.throwIfAny();
        // Every CaseTypeDetails is a record (the interface is sealed to records).
        CaseTypeDetails before = c.getTypeDetails();
        c.setTypeDetails(details);
        cases.saveAndFlush(c);
        audit.recordMessage("CASE_UPDATED", "case", id, AuditMessage.changes("caseField", (Record) before, (Record) details));
        return access.details(user, c);
    }

    /**
     * Moves the case along its workflow. Closing needs an outcome from the type's list; reopening
     * needs a reason. Every move is on the timeline.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails changeStatus(long id, long version, CaseStatus target,
                                    @Size(max = STATUS_REASON_MAX) @MultiLine @Nullable String reason, @Nullable CaseOutcome outcome) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.forChange(user, id, version);
        CaseStatus from = c.getStatus();
        boolean reopening = from == CaseStatus.CLOSED;
        new FieldErrors()
                .rejectIf(!from.canMoveTo(target), "status", "case.validation.transition")
                .rejectIf(target == CaseStatus.CLOSED && outcome == null, "outcome", "case.validation.outcomeRequired")
                .rejectIf(target == CaseStatus.CLOSED && outcome != null && !c.getType().outcomes().contains(outcome), "outcome", "case.validation.outcomeType")
                .rejectIf(reopening && (reason == null || reason.isBlank()), "reason", "case.validation.reopenReason")
                .throwIfAny();
        FieldErrors guarded = new FieldErrors();
        for (CaseStatusGuard guard : guards) {
            String refusal = guard.refusal(id, from, target, reason);
            guarded.rejectIf(refusal != null, "reason", Objects.requireNonNullElse(refusal, ""));
        }
        guarded.throwIfAny();
        c.moveTo(target, outcome, LocalDate.now(clock));
        cases.saveAndFlush(c);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        queries.recordStatusChange(id, from, target, target == CaseStatus.CLOSED ? outcome + (why == null ? "" : ": " + why) : why,
                user.getUsername());
        List<String> args = new ArrayList<>(List.of(AuditMessage.keys(List.of(from.messageKey())),
                AuditMessage.keys(List.of(target.messageKey()))));
        if (outcome != null) {
            args.add(AuditMessage.keys(List.of(outcome.messageKey())));
        }
        if (why != null) {
            args.add(AuditMessage.text(why));
        }
        audit.recordMessage("CASE_STATUS", "case", id, new AuditMessage("history.case.status" + (outcome == null ? "" : "Outcome")
                + (why == null ? "" : "Reason"), args, from + " → " + target + (outcome == null ? "" : " (" + outcome + ")")
                + (why == null ? "" : ": " + why)));
        return access.details(user, c);
    }

    /**
     * What closing the case would leave open (referrals without an answer, session follow-ups),
     * and what other modules say about closing it now (an open hearing or deadline needs a reason).
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public ClosingCheck closingCheck(long id) {
        AppUser user = currentUser.require();
        ProtectionCase c = access.visibleCase(id);
        if (!CaseAccess.editable(user, c)) {
            throw new AccessDeniedException("Case " + id + " is not assigned to you");
        }
        List<String> notices = new ArrayList<>();
        for (CaseStatusGuard guard : guards) {
            String refusal = guard.refusal(id, c.getStatus(), CaseStatus.CLOSED, null);
            if (refusal != null) {
                notices.add(refusal);
            }
        }
        return new ClosingCheck(List.copyOf(openItemSources.open(id).keySet()), notices);
    }

    /**
     * Closes the case with an outcome, deciding each open item explicitly: those in {@code cancel}
     * are cancelled (a referral withdrawn, a follow-up marked done), those in {@code keep} stay open.
     * An item in neither (e.g. one added since the dialog opened) refuses the closing.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails close(long id, long version, @Nullable CaseOutcome outcome,
                             @Size(max = STATUS_REASON_MAX) @MultiLine @Nullable String reason,
                             @Size(max = MAX_OPEN_ITEMS) Set<@Size(max = TextRules.KEY) @SingleLine String> cancel,
                             @Size(max = MAX_OPEN_ITEMS) Set<@Size(max = TextRules.KEY) @SingleLine String> keep) {
        AppUser user = currentUser.require();
        access.forChange(user, id, version);
        Map<OpenItem, CaseOpenItems> open = openItemSources.open(id);
        boolean undecided = open.keySet().stream().anyMatch(i -> !cancel.contains(i.key()) && !keep.contains(i.key()));
        new FieldErrors().rejectIf(undecided, "openItems", "case.close.undecided").throwIfAny();
        CaseDetails closed = changeStatus(id, version, CaseStatus.CLOSED, reason, outcome);
        List<String> cancelled = new ArrayList<>();
        open.forEach((item, source) -> {
            if (cancel.contains(item.key())) {
                source.cancel(id, item, user.getUsername());
                cancelled.add(item.key());
            }
        });
        if (!open.isEmpty()) {
            audit.record("CASE_CLOSED_OPEN_ITEMS", "case", id, "cancelled " + cancelled + "; kept "
                    + open.keySet().stream().map(OpenItem::key).filter(k -> !cancelled.contains(k)).toList());
        }
        return cancelled.isEmpty() ? closed : access.details(user, cases.findById(id).orElseThrow());
    }

    /**
     * A session's follow-up date becomes the case's next action, so the case has one next action
     * (the one "overdue" and the case list go by): it replaces a next action that is later or
     * already past, and is ignored on a closed case. Called by the counselling module when a
     * session with a follow-up is saved; the session's own checks have run.
     */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public void followUpPlanned(long caseId, LocalDate followUpOn) {
        ProtectionCase c = access.visibleCase(caseId);
        AppUser user = currentUser.require();
        if (c.getStatus() == CaseStatus.CLOSED || !Objects.equals(user.partnerId(), c.getOwningPartner())) {
            return;
        }
        LocalDate current = c.toUpdate().nextActionDate();
        LocalDate today = LocalDate.now(clock);
        if (current != null && !current.isAfter(followUpOn) && !current.isBefore(today)) {
            return;
        }
        // Written without a new version: the case page reloads after a session is saved, and a form
        // open elsewhere is not refused for a change its user did not make to the case itself.
        queries.setNextAction(caseId, followUpOn);
        audit.record("CASE_NEXT_ACTION_FROM_SESSION", "case", caseId, "nextActionDate: " + current + " → " + followUpOn);
    }
}
