package org.protectioncases.legal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.security.AppUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.i18n.Formats;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hearings, served decisions and filing deadlines on a case. Recording a served decision proposes
 * deadlines from the active rules for its type (computed over Kosovo's public holidays); the lawyer
 * confirms one, possibly changed, and only then is it saved. An uncleared conflict of interest holds
 * all of this back.
 */
@Service
public class CaseEventService {

    /** At most this many events are listed on a case page. */
    public static final int CASE_LIST_MAX = 500;

    private final CaseEventRepository events;
    private final PublicHolidayRepository holidays;
    private final LegalAccess access;
    private final AuditService audit;
    private final Clock clock;

    CaseEventService(CaseEventRepository events, PublicHolidayRepository holidays, LegalAccess access, AuditService audit,
                     ObjectProvider<Clock> clock) {
        this.events = events;
        this.holidays = holidays;
        this.access = access;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The case's events, newest first. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<CaseEventDto> forCase(long caseId) {
        access.readable(caseId);
        return events.forCase(caseId, CASE_LIST_MAX);
    }

    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseEventDto addHearing(long caseId, @Valid EventForms.Hearing form) {
        CaseSummary c = access.workable(caseId, "date");
        new FieldErrors()
                .rejectIf(Objects.requireNonNull(form.date()).isBefore(c.openedOn()), "date", "legal.validation.beforeCase")
                .throwIfAny();
        String title = blank(form.title()) ? strip(form.place()) : strip(form.title());
        long id = events.insert(caseId, EventKind.HEARING, Objects.requireNonNull(form.date()), form.time(), strip(form.place()),
                strip(form.room()), null, Objects.requireNonNull(title), null, null, access.user().getUsername());
        audit.recordMessage("HEARING_ADDED", "case", caseId, new AuditMessage("history.legal.hearing",
                List.of(Formats.date(form.date()), AuditMessage.text(title)), "hearing #" + id + " on " + form.date()));
        return events.find(id).orElseThrow();
    }

    /** Records a served decision and returns the deadlines the rules propose (not saved: the lawyer confirms). */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public DecisionRecorded recordDecisionServed(long caseId, @Valid EventForms.Decision form) {
        CaseSummary c = access.workable(caseId, "servedOn");
        new FieldErrors()
                .rejectIf(Objects.requireNonNull(form.servedOn()).isBefore(c.openedOn().minusYears(1)), "servedOn", "legal.validation.beforeCase")
                .throwIfAny();
        DecisionType type = Objects.requireNonNull(form.decisionType());
        LocalDate servedOn = Objects.requireNonNull(form.servedOn());
        String title = blank(form.title()) ? type.name() : Objects.requireNonNull(strip(form.title()));
        long id = events.insert(caseId, EventKind.DECISION_SERVED, servedOn, null, null, null, type, title, null, null,
                access.user().getUsername());
        audit.recordMessage("DECISION_SERVED", "case", caseId, new AuditMessage("history.legal.decision",
                List.of(AuditMessage.keys(List.of(type.messageKey())), Formats.date(servedOn)), type + " served on " + servedOn + " (#" + id + ")"));
        return new DecisionRecorded(events.find(id).orElseThrow(), proposals(id, type, servedOn));
    }

    private List<DeadlineProposal> proposals(long decisionId, DecisionType type, LocalDate servedOn) {
        List<DeadlineProposal> out = new ArrayList<>();
        LocalDate known = holidays.knownUntil();
        for (DeadlineRuleDto rule : events.rules(true, type)) {
            LocalDate horizon = servedOn.plusDays(DeadlineCalculator.horizon(rule.days()));
            DeadlineCalculator calc = new DeadlineCalculator(holidays.dates(servedOn, horizon));
            DayCount count = Objects.requireNonNull(rule.dayCount());
            LocalDate due = calc.due(servedOn, rule.days(), count);
            out.add(new DeadlineProposal(Objects.requireNonNull(rule.id()), Objects.requireNonNull(rule.name()), rule.days(), count,
                    decisionId, servedOn, due, due.isAfter(known)));
        }
        return out;
    }

    /** Saves a filing deadline: typed by the lawyer, or a proposal confirmed (possibly with another date). */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseEventDto addDeadline(long caseId, @Valid EventForms.Deadline form) {
        access.workable(caseId, "date");
        CaseEventDto source = form.sourceEventId() == null ? null
                : events.find(form.sourceEventId()).filter(e -> e.caseId() == caseId && e.kind() == EventKind.DECISION_SERVED).orElse(null);
        new FieldErrors()
                .rejectIf(form.sourceEventId() != null && source == null, "date", "validation.invalid")
                .rejectIf(source != null && form.date() != null && !form.date().isAfter(source.date()), "date", "legal.validation.afterService")
                .rejectIf(form.ruleId() != null && events.rule(form.ruleId()).isEmpty(), "date", "validation.invalid")
                .throwIfAny();
        long id = events.insert(caseId, EventKind.DEADLINE, Objects.requireNonNull(form.date()), null, null, null, null,
                Objects.requireNonNull(strip(form.title())), form.ruleId(), form.sourceEventId(), access.user().getUsername());
        audit.recordMessage("DEADLINE_ADDED", "case", caseId, new AuditMessage("history.legal.deadline",
                List.of(Formats.date(form.date()), AuditMessage.text(Objects.requireNonNull(strip(form.title())))), "deadline #" + id + " on " + form.date()
                + (form.ruleId() == null ? "" : " (rule #" + form.ruleId() + ")")));
        return events.find(id).orElseThrow();
    }

    /** One event of a case the user sees in full. */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public CaseEventDto event(long eventId) {
        CaseEventDto e = events.find(eventId).orElseThrow(() -> new LegalRecordNotFoundException("event", eventId));
        access.readable(e.caseId());
        return e;
    }

    /** Marks a hearing held or a deadline met (the assigned lawyer or a coordinator of the case). */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public CaseEventDto markDone(long eventId, long version) {
        CaseEventDto e = events.find(eventId).orElseThrow(() -> new LegalRecordNotFoundException("event", eventId));
        access.open(e.caseId(), "event");
        if (!events.markDone(eventId, version, access.user().getUsername(), today())) {
            throw new OptimisticLockingFailureException("event " + eventId + " changed meanwhile");
        }
        audit.recordMessage("EVENT_DONE", "case", e.caseId(), new AuditMessage("history.legal.done",
                List.of(AuditMessage.keys(List.of(e.kind().messageKey())), Formats.date(e.date()), AuditMessage.text(e.title())), e.kind() + " #" + eventId + " done"));
        return events.find(eventId).orElseThrow();
    }

    /**
     * Open hearings and deadlines up to {@code until}: the user's own cases, or (coordinators, with
     * {@code wholePartner}) the whole partner's, each with its lawyer. Oldest first, a page at a time.
     */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional(readOnly = true)
    public List<CaseEventDto> upcoming(boolean wholePartner, @Nullable LocalDate from, LocalDate until, int offset, int limit) {
        AppUser user = access.user();
        boolean partner = wholePartner && user.role() == Role.PARTNER_COORDINATOR;
        return events.upcoming(access.partner(), partner ? null : user.getUsername(), from, until, Math.max(0, offset),
                Math.min(Math.max(1, limit), 200));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String strip(@Nullable String s) {
        return blank(s) ? null : s.strip();
    }
}
