package org.protectioncases.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldChanges;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases, their workflow and referrals. Partner staff see their partner's cases; lawyers change
 * the cases assigned to them, coordinators all of their partner's; UNHCR managers read all. A case
 * one may not see is answered as "not found" and the attempt is logged.
 */
@Service
public class CaseService {

    // Column sizes (db-changelog/cases); the forms use the same constants.
    public static final int STATUS_REASON_MAX = 500;
    public static final int REFERRAL_REASON_MAX = 1000;
    public static final int TRANSFER_REASON_MAX = 1000;
    public static final int DECISION_NOTE_MAX = 500;
    public static final int CONFIDENTIAL_NOTE_MAX = 2000;
    /** A text field of the case type's details (kept in the type_details JSON, a text column). */
    public static final int TYPE_DETAIL_MAX = 1000;

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final CaseQueryRepository queries;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final org.protectioncases.security.UserAccountService accounts;
    private final TransferRepository transfers;
    private final org.protectioncases.partners.PartnerService partners;

    CaseService(CaseRepository cases, ReferralRepository referrals, CaseQueryRepository queries, PersonService people,
                CurrentUser currentUser, AuditService audit, org.protectioncases.security.UserAccountService accounts,
                TransferRepository transfers, org.protectioncases.partners.PartnerService partners) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.partners = partners;
        this.cases = cases;
        this.referrals = referrals;
        this.queries = queries;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    private static @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    /** Owning partner, UNHCR managers, and (read-only, up to the transfer) partners that handed it away. */
    private boolean visible(AppUser user, ProtectionCase c) {
        Long scope = scope(user);
        return scope == null || scope == c.getOwningPartner() || handedAwayAt(user, c) != null;
    }

    private java.time.@Nullable Instant handedAwayAt(AppUser user, ProtectionCase c) {
        Long scope = scope(user);
        if (scope == null || scope == c.getOwningPartner()) {
            return null;
        }
        return transfers.handedAwayAt(c.getId(), scope).orElse(null);
    }

    /** What an access-log row says was withheld when a reader was not shown a case's confidential note. */
    static final String WITHHELD_NOTE = "confidential note";

    /** The confidential note (and history entries about it) is for the owning partner's staff only. */
    private static boolean seesConfidential(AppUser user, ProtectionCase c) {
        return Objects.equals(user.partnerId(), c.getOwningPartner());
    }

    private static boolean editable(AppUser user, ProtectionCase c) {
        // Only the current owner's staff edit; a former owner reads.
        return Objects.equals(user.partnerId(), c.getOwningPartner())
                && (user.role() == Role.PARTNER_COORDINATOR
                || user.role() == Role.PARTNER_LAWYER && user.getUsername().equals(c.getAssignedTo()));
    }

    /** One page of the cases the user may see. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<CaseSummary> list(@Valid CaseFilter filter, Pageable pageable) {
        AppUser user = currentUser.require();
        return queries.page(scope(user), user.getUsername(), filter, pageable);
    }

    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public long count(@Valid CaseFilter filter) {
        AppUser user = currentUser.require();
        return queries.count(scope(user), user.getUsername(), filter);
    }

    /** The case page data, or empty if missing or not the user's to see; the opening is logged. */
    @Allowed(Permission.READ_CASES)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public Optional<CaseDetails> get(long id) {
        AppUser user = currentUser.require();
        Optional<ProtectionCase> found = cases.findById(id).filter(c -> visible(user, c));
        boolean withheld = found.isPresent() && found.get().getConfidentialNote() != null && !seesConfidential(user, found.get());
        audit.recordAccess("case", id, user.partnerId(), found.isPresent(), withheld ? WITHHELD_NOTE : null);
        return found.map(c -> details(user, c));
    }

    /**
     * The head of a case the user may see, for other modules that record work on cases
     * (counselling sessions); not logged as an opening, the caller logs its own record.
     */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public Optional<CaseSummary> summary(long id) {
        AppUser user = currentUser.require();
        return cases.findById(id).filter(c -> visible(user, c))
                .map(c -> c.toSummary(people.label(c.getPersonId()).orElse("#" + c.getPersonId())));
    }

    private CaseDetails details(AppUser user, ProtectionCase c) {
        String label = people.label(c.getPersonId()).orElse("#" + c.getPersonId());
        java.time.Instant cutoff = handedAwayAt(user, c);
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
                transfers.forCase(c.getId()).stream().filter(t -> !t.requestedAt().isAfter(cutoff)).toList(), cutoff, java.util.Map.of(),
                List.of(), null);
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

    /** Opens a case for a person the user may see, for the user's partner. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails open(@Valid NewCase cmd) {
        AppUser user = currentUser.require();
        if (!people.isVisible(cmd.personId())) {
            audit.recordAccess("person", cmd.personId(), user.partnerId(), false);
            throw new org.protectioncases.people.PersonNotFoundException(cmd.personId());
        }
        LocalDate openedOn = cmd.openedOn() == null ? LocalDate.now() : cmd.openedOn();
        String assignee = cmd.assignTo() == null || cmd.assignTo().isBlank() ? user.getUsername() : cmd.assignTo();
        new FieldErrors()
                .rejectIf(openedOn.isAfter(LocalDate.now()), "openedOn", "validation.notInFuture")
                .rejectIf(user.role() == Role.PARTNER_LAWYER && !assignee.equals(user.getUsername()), "assignTo", "case.validation.assignOthers")
                .throwIfAny();
        ProtectionCase c = new ProtectionCase(cmd.type(), cmd.personId(), Objects.requireNonNull(user.partnerId()), assignee, openedOn);
        c.apply(CaseUpdate.initial(cmd.priority(), cmd.summary(), cmd.type() == CaseType.CIVIL_DOCUMENTATION ? cmd.documentSought() : null));
        ProtectionCase saved = cases.saveAndFlush(c);
        queries.recordStatusChange(saved.getId(), null, CaseStatus.OPEN, null, user.getUsername());
        audit.record("CASE_OPENED", "case", saved.getId(), cmd.type() + " for person " + cmd.personId() + " assigned to " + assignee);
        return details(user, saved);
    }

    /** Changes priority, next action, summary and type-specific fields; refused over a newer version. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails update(long id, long version, @Valid CaseUpdate update) {
        AppUser user = currentUser.require();
        ProtectionCase c = forChange(user, id, version);
        LocalDate today = LocalDate.now();
        new FieldErrors()
                .rejectIf(update.submittedOn() != null && update.submittedOn().isAfter(today), "submittedOn", "validation.notInFuture")
                .rejectIf(update.obtainedOn() != null && update.obtainedOn().isAfter(today), "obtainedOn", "validation.notInFuture")
                .rejectIf(update.obtainedOn() != null && update.submittedOn() != null && update.obtainedOn().isBefore(update.submittedOn()),
                        "obtainedOn", "validation.endBeforeStart")
                .rejectIf(c.getStatus() == CaseStatus.CLOSED && update.nextActionDate() != null, "nextActionDate", "case.validation.closedNoNextAction")
                .throwIfAny();
        CaseUpdate before = c.toUpdate();
        c.apply(update);
        cases.saveAndFlush(c);
        audit.record("CASE_UPDATED", "case", id, FieldChanges.between(before, update));
        return details(user, c);
    }

    /** The user's open cases whose next action is due by {@code until} ("My follow-ups"). */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public List<org.protectioncases.followups.FollowUp> myNextActions(LocalDate until, int limit) {
        return queries.nextActions(currentUser.require().getUsername(), until, limit);
    }

    /** The next action is handled: the date is cleared (audited) until a new one is set. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public void markNextActionDone(long caseId) {
        AppUser user = currentUser.require();
        // Row-level security hides another partner's case here already: forChange logs the refusal either way.
        long version = cases.findById(caseId).map(ProtectionCase::getVersion).orElse(-1L);
        ProtectionCase checked = forChange(user, caseId, version);
        CaseUpdate before = checked.toUpdate();
        CaseUpdate after = new CaseUpdate(before.priority(), null, before.summary(), before.documentSought(), before.authority(),
                before.submittedOn(), before.obtainedOn());
        checked.apply(after);
        cases.saveAndFlush(checked);
        audit.record("CASE_NEXT_ACTION_DONE", "case", caseId, FieldChanges.between(before, after));
    }

    /** The coordinator's partner's open cases by caseworker and status (unassigned first). */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional(readOnly = true)
    public List<CaseloadRow> caseload() {
        return queries.caseload(Objects.requireNonNull(currentUser.require().partnerId()));
    }

    /** Adds a person the user may see (by registration number) to the people the case concerns. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails addMember(long caseId, long version, @Size(max = TextRules.REGISTRATION_NO) @SingleLine String memberRegistrationNo) {
        AppUser user = currentUser.require();
        ProtectionCase c = forChange(user, caseId, version);
        Optional<Long> personId = people.findVisibleByRegistrationNo(memberRegistrationNo);
        new FieldErrors()
                .rejectIf(personId.isEmpty(), "memberRegistrationNo", "household.validation.member")
                .rejectIf(personId.isPresent() && personId.get() == c.getPersonId(), "memberRegistrationNo", "case.validation.principal")
                .throwIfAny();
        queries.addMember(caseId, personId.get(), user.getUsername());
        audit.record("CASE_MEMBER_ADDED", "case", caseId, memberRegistrationNo.strip().toUpperCase(java.util.Locale.ROOT));
        return details(user, c);
    }

    /** Sets the confidential note; its text never reaches the audit trail, managers or reports. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails updateConfidentialNote(long caseId, long version, 
                                              @Size(max = CONFIDENTIAL_NOTE_MAX) @MultiLine @Nullable String confidentialNote) {
        AppUser user = currentUser.require();
        ProtectionCase c = forChange(user, caseId, version);
        new FieldErrors().rejectIf(confidentialNote != null && confidentialNote.strip().length() > CONFIDENTIAL_NOTE_MAX, "confidentialNote", "validation.tooLong").throwIfAny();
        c.setConfidentialNote(confidentialNote == null || confidentialNote.isBlank() ? null : confidentialNote.strip());
        cases.saveAndFlush(c);
        audit.recordRestricted("CASE_CONFIDENTIAL_NOTE", "case", caseId, "confidential note changed");
        return details(user, c);
    }

    /**
     * Sets the fields of the case's type (e.g. the asylum procedure stage). Unknown keys, choices
     * outside the list and future dates are refused; an empty value clears the field.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseDetails updateTypeDetails(long id, long version,
            java.util.Map<@Size(max = TextRules.KEY) @SingleLine String, @Size(max = TYPE_DETAIL_MAX) @SingleLine String> values) {
        AppUser user = currentUser.require();
        ProtectionCase c = forChange(user, id, version);
        java.util.Map<String, CaseField> fields = new java.util.HashMap<>();
        c.getType().fields().forEach(f -> fields.put(f.key(), f));
        FieldErrors errors = new FieldErrors();
        java.util.Map<String, String> clean = new java.util.TreeMap<>();
        values.forEach((key, raw) -> {
            CaseField field = fields.get(key);
            String value = raw == null ? "" : raw.strip();
            if (field == null) {
                errors.rejectIf(true, key, "case.validation.unknownField");
                return;
            }
            if (value.isEmpty()) {
                return;
            }
            switch (field.kind()) {
                case DATE -> {
                    try {
                        errors.rejectIf(LocalDate.parse(value).isAfter(LocalDate.now()), key, "validation.notInFuture");
                    } catch (java.time.format.DateTimeParseException e) {
                        errors.rejectIf(true, key, "validation.date");
                    }
                }
                case CHOICE -> errors.rejectIf(!field.options().contains(value), key, "validation.choice");
                case YES_NO -> errors.rejectIf(!value.equals("true") && !value.equals("false"), key, "validation.choice");
                case TEXT -> errors.rejectIf(value.length() > TYPE_DETAIL_MAX, key, "validation.tooLong");
            }
            clean.put(key, value);
        });
        errors.throwIfAny();
        java.util.Map<String, String> before = c.getTypeDetails();
        c.setTypeDetails(clean);
        cases.saveAndFlush(c);
        java.util.List<String> changes = new java.util.ArrayList<>();
        fields.keySet().stream().sorted().forEach(k -> {
            if (!java.util.Objects.equals(before.get(k), clean.get(k))) {
                changes.add(k + ": " + before.get(k) + " → " + clean.get(k));
            }
        });
        audit.record("CASE_UPDATED", "case", id, String.join("; ", changes));
        return details(user, c);
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
        ProtectionCase c = forChange(user, id, version);
        CaseStatus from = c.getStatus();
        boolean reopening = from == CaseStatus.CLOSED;
        new FieldErrors()
                .rejectIf(!from.canMoveTo(target), "status", "case.validation.transition")
                .rejectIf(target == CaseStatus.CLOSED && outcome == null, "outcome", "case.validation.outcomeRequired")
                .rejectIf(target == CaseStatus.CLOSED && outcome != null && !c.getType().outcomes().contains(outcome), "outcome", "case.validation.outcomeType")
                .rejectIf(reopening && (reason == null || reason.isBlank()), "reason", "case.validation.reopenReason")
                .throwIfAny();
        c.moveTo(target, outcome, LocalDate.now());
        cases.saveAndFlush(c);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        queries.recordStatusChange(id, from, target, target == CaseStatus.CLOSED ? outcome + (why == null ? "" : ": " + why) : why,
                user.getUsername());
        audit.record("CASE_STATUS", "case", id, from + " → " + target + (outcome == null ? "" : " (" + outcome + ")")
                + (why == null ? "" : ": " + why));
        return details(user, c);
    }

    /** Coordinators (re)assign a case within their partner. */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional
    public CaseDetails assign(long id, long version, @Size(max = TextRules.USERNAME) @SingleLine String assignTo) {
        AppUser user = currentUser.require();
        ProtectionCase c = forChange(user, id, version);
        boolean colleague = accounts.caseworkers().stream().anyMatch(u -> u.username().equals(assignTo.strip()));
        new FieldErrors().rejectIf(!colleague, "assignTo", "case.validation.assignee").throwIfAny();
        String before = c.getAssignedTo();
        c.assign(assignTo.strip());
        cases.saveAndFlush(c);
        audit.record("CASE_ASSIGNED", "case", id, "assignedTo: " + before + " → " + assignTo.strip());
        return details(user, c);
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
        ProtectionCase c = forChange(user, caseId, version);
        Optional<Long> consent = people.activeConsent(c.getPersonId(), ConsentScope.REFERRAL);
        new FieldErrors()
                .rejectIf(consent.isEmpty(), "consent", "referral.validation.noConsent")
                .rejectIf(referredOn == null, "referredOn", "validation.required")
                .rejectIf(referredOn != null && referredOn.isAfter(LocalDate.now()), "referredOn", "validation.notInFuture")
                .rejectIf(reason.isBlank(), "reason", "validation.required")
                .throwIfAny();
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
        ProtectionCase c = caseId == null ? null : cases.findById(caseId).filter(x -> editable(user, x)).orElse(null);
        if (c == null || r.getVersion() != version) {
            if (c == null) {
                throw new CaseNotFoundException(caseId == null ? referralId : caseId);
            }
            throw new ObjectOptimisticLockingFailureException(Referral.class, referralId);
        }
        new FieldErrors()
                .rejectIf(status != ReferralStatus.SENT && responseOn == null, "responseOn", "validation.required")
                .rejectIf(responseOn != null && responseOn.isAfter(LocalDate.now()), "responseOn", "validation.notInFuture")
                .rejectIf(responseOn != null && responseOn.isBefore(r.getReferredOn()), "responseOn", "validation.endBeforeStart")
                .throwIfAny();
        r.respond(status, responseOn);
        audit.record("REFERRAL_" + status, "case", caseId, r.toDto().target() + " on " + responseOn);
        return referrals.saveAndFlush(r).toDto();
    }

    /**
     * Asks another partner to take over the case (e.g. KRCT for a survivor of torture). Needs the
     * person's recorded consent to transfer; the receiving partner's coordinator decides.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public TransferDto requestTransfer(long caseId, long version, @Nullable Long toPartner,
                                       @Size(max = TRANSFER_REASON_MAX) @MultiLine String reason) {
        AppUser user = currentUser.require();
        ProtectionCase c = forChange(user, caseId, version);
        Optional<Long> consent = people.activeConsent(c.getPersonId(), ConsentScope.TRANSFER);
        boolean knownPartner = toPartner != null && partners.directory().stream().anyMatch(p -> p.id().equals(toPartner));
        new FieldErrors()
                .rejectIf(consent.isEmpty(), "consent", "transfer.validation.noConsent")
                .rejectIf(!knownPartner || toPartner == c.getOwningPartner(), "toPartner", "transfer.validation.partner")
                .rejectIf(reason.isBlank(), "reason", "validation.required")
                .rejectIf(transfers.hasPending(caseId), "toPartner", "transfer.validation.pending")
                .throwIfAny();
        long id = transfers.request(caseId, c.getOwningPartner(), toPartner, reason.strip(), consent.get(), user.getUsername());
        audit.record("TRANSFER_REQUESTED", "case", caseId, "to partner " + toPartner + ": " + reason.strip());
        return transfers.find(id).orElseThrow();
    }

    /** Transfers waiting for the coordinator's partner to accept or decline. */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional(readOnly = true)
    public List<TransferDto> incomingTransfers() {
        return transfers.pendingTo(Objects.requireNonNull(currentUser.require().partnerId()));
    }

    /**
     * The receiving coordinator accepts (the case and its person move to their partner, assigned to
     * them; the sender keeps read access to what it recorded until now) or declines.
     */
    @Allowed(Permission.COORDINATE_CASES)
    @Transactional
    public TransferDto decideTransfer(long transferId, boolean accept, @Size(max = DECISION_NOTE_MAX) @MultiLine @Nullable String note) {
        AppUser user = currentUser.require();
        TransferDto t = transfers.find(transferId).filter(x -> Objects.equals(x.toPartner(), user.partnerId()) && x.pending())
                .orElseThrow(() -> new CaseNotFoundException(transferId));
        transfers.decide(transferId, accept, user.getUsername(), note == null || note.isBlank() ? null : note.strip());
        if (accept) {
            ProtectionCase c = cases.findById(t.caseId()).orElseThrow();
            c.transferTo(t.toPartner(), user.getUsername());
            cases.saveAndFlush(c);
            people.shareWithPartner(c.getPersonId(), t.toPartner(), "case " + t.caseNo() + " transferred");
            queries.recordStatusChange(c.getId(), c.getStatus(), c.getStatus(), "transferred to partner " + t.toPartner(), user.getUsername());
        }
        audit.record(accept ? "TRANSFER_ACCEPTED" : "TRANSFER_DECLINED", "case", t.caseId(),
                "from partner " + t.fromPartner() + " to " + t.toPartner() + (note == null || note.isBlank() ? "" : ": " + note.strip()));
        return transfers.find(transferId).orElseThrow();
    }

    /**
     * The case's change history (field by field), for those who may see the case; a former owner's
     * ends at the transfer. Entries about the confidential note only for those who may read it.
     */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<AuditEventDto> history(long caseId) {
        ProtectionCase c = visibleCase(caseId);
        AppUser user = currentUser.require();
        java.time.Instant cutoff = handedAwayAt(user, c);
        return audit.history("case", caseId, seesConfidential(user, c)).stream().filter(h -> cutoff == null || !h.at().isAfter(cutoff)).toList();
    }

    /** Who opened the case page (UNHCR managers and the owning partner's coordinator). */
    @Allowed(Permission.READ_ACCESS_LOG)
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(long caseId) {
        ProtectionCase c = visibleCase(caseId);
        if (handedAwayAt(currentUser.require(), c) != null) {
            throw new CaseNotFoundException(caseId);
        }
        return audit.accessLog("case", caseId, 200);
    }

    private ProtectionCase visibleCase(long id) {
        AppUser user = currentUser.require();
        return cases.findById(id).filter(c -> visible(user, c)).orElseThrow(() -> new CaseNotFoundException(id));
    }

    private ProtectionCase forChange(AppUser user, long id, long version) {
        ProtectionCase c = cases.findById(id).orElse(null);
        if (c == null || !visible(user, c)) {
            audit.recordAccess("case", id, user.partnerId(), false);
            throw new CaseNotFoundException(id);
        }
        if (!editable(user, c)) {
            throw new org.springframework.security.access.AccessDeniedException("Case " + id + " is not assigned to you");
        }
        if (c.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(ProtectionCase.class, id);
        }
        return c;
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
        return cases.findById(caseId).filter(c -> visible(user, c) && handedAwayAt(user, c) == null).isPresent();
    }

    /** Whether the signed-in user may change the case: its partner's coordinators and the assigned lawyer. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public boolean canEdit(long caseId) {
        AppUser user = currentUser.require();
        return cases.findById(caseId).filter(c -> editable(user, c)).isPresent();
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
            throw new org.springframework.security.access.AccessDeniedException("Visit " + visitId + " belongs to another partner");
        }
        if (!people.isVisible(personId)) {
            audit.recordAccess("person", personId, user.partnerId(), false);
            throw new org.protectioncases.people.PersonNotFoundException(personId);
        }
        Optional<Long> consent = people.activeConsent(personId, ConsentScope.REFERRAL);
        new FieldErrors()
                .rejectIf(consent.isEmpty(), "consent", "referral.validation.noConsent")
                .rejectIf(referredOn == null, "referredOn", "validation.required")
                .rejectIf(referredOn != null && referredOn.isAfter(LocalDate.now()), "referredOn", "validation.notInFuture")
                .rejectIf(reason.isBlank(), "reason", "validation.required")
                .rejectIf(reason.strip().length() > 1000, "reason", "validation.tooLong")
                .throwIfAny();
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
        if (r.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Referral.class, referralId);
        }
        new FieldErrors()
                .rejectIf(status != ReferralStatus.SENT && responseOn == null, "responseOn", "validation.required")
                .rejectIf(responseOn != null && responseOn.isAfter(LocalDate.now()), "responseOn", "validation.notInFuture")
                .rejectIf(responseOn != null && responseOn.isBefore(r.getReferredOn()), "responseOn", "validation.endBeforeStart")
                .throwIfAny();
        r.respond(status, responseOn);
        audit.record("REFERRAL_" + status, "visit", visitId, r.toDto().target() + " on " + responseOn);
        return referrals.saveAndFlush(r).toDto();
    }

    /** The referrals made during a visit: the referring partner's, or all for UNHCR managers. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<ReferralDto> visitReferrals(long visitId) {
        Long scope = scope(currentUser.require());
        List<Referral> found = scope == null ? referrals.findByVisitIdOrderByReferredOnDescIdDesc(visitId)
                : referrals.findByVisitIdAndReferringPartnerOrderByReferredOnDescIdDesc(visitId, scope);
        return found.stream().map(Referral::toDto).toList();
    }
}
