package org.protectioncases.counselling;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.people.HouseholdService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldChanges;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.i18n.Formats;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal counselling sessions, always on a case. The owning partner's staff (and the partner the
 * case moved to) read them, UNHCR managers read all but never the confidential note; lawyers and
 * coordinators of the case's partner log them; the counsellor or a coordinator edits them.
 */
@Service
public class CounsellingService {

    private final CounsellingSessionRepository sessions;
    private final SessionQueryRepository queries;
    private final CaseService cases;
    private final PersonService people;
    private final SessionRules rules;
    private final HouseholdService households;
    private final CurrentUser currentUser;
    private final AuditService audit;
    /** The session's follow-up date feeds the case's next action (one next action per case). */
    private final CaseWorkflowService caseWork;
    /** For the draft of a session being logged (deleted with the logging, see {@link SessionDraftService}). */
    private final SessionDraftRepository drafts;

    private final Clock clock;

    CounsellingService(CounsellingSessionRepository sessions, SessionQueryRepository queries, CaseService cases,
                       PersonService people, SessionRules rules, HouseholdService households, CurrentUser currentUser, AuditService audit,
                       CaseWorkflowService caseWork, SessionDraftRepository drafts, Clock clock) {
        this.clock = clock;
        this.caseWork = caseWork;
        this.drafts = drafts;
        this.sessions = sessions;
        this.queries = queries;
        this.cases = cases;
        this.people = people;
        this.rules = rules;
        this.households = households;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    private static @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    private boolean visible(AppUser user, CounsellingSession s, @Nullable CaseSummary c) {
        Long scope = scope(user);
        return scope == null || scope == s.getOwningPartner() || c != null && scope == c.owningPartner();
    }

    /** What an access-log row says was withheld when a reader was not shown a session's confidential note. */
    static final String WITHHELD_NOTE = "confidential note";

    /** The confidential note (and history entries about it) is for the staff of the partner that held the session. */
    private static boolean seesConfidential(AppUser user, CounsellingSession s) {
        return Objects.equals(user.partnerId(), s.getOwningPartner());
    }

    private static boolean editable(AppUser user, CounsellingSession s) {
        return Objects.equals(user.partnerId(), s.getOwningPartner())
                && (user.role() == Role.PARTNER_COORDINATOR || user.getUsername().equals(s.getCounsellor()));
    }

    private SessionDto toDto(AppUser user, CounsellingSession s, String caseNo) {
        boolean ownStaff = seesConfidential(user, s);
        List<SessionDto.Attendee> attendees = s.getAttendees().stream().sorted()
                .map(id -> new SessionDto.Attendee(id, people.label(id).orElse("#" + id))).toList();
        return new SessionDto(s.getId(), s.getCaseId(), caseNo, s.getPersonId(), s.getOwningPartner(), s.getCounsellor(),
                s.toForm(ownStaff), attendees, s.isFollowUpDone(), editable(user, s), s.getVersion());
    }

    /** The case's sessions the user may see, newest first (the case page's session timeline). */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public List<SessionDto> forCase(long caseId) {
        AppUser user = currentUser.require();
        CaseSummary c = cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        return sessions.findByCaseIdOrderByHeldAtDescIdDesc(caseId).stream()
                .filter(s -> visible(user, s, c))
                .map(s -> toDto(user, s, c.caseNo()))
                .toList();
    }

    /** Whether the user may log a session on the case: staff of its partner, case not closed. */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public boolean canLog(long caseId) {
        AppUser user = currentUser.require();
        return Permission.LOG_SESSIONS.allows(user.role())
                && cases.summary(caseId).filter(c -> Objects.equals(c.owningPartner(), user.partnerId())
                && c.status() != CaseStatus.CLOSED).isPresent();
    }

    /** Who may be named as attending a session on the case: its person and their household. */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public List<SessionDto.Attendee> attendeeChoices(long caseId) {
        CaseSummary c = cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        Map<Long, SessionDto.Attendee> choices = new LinkedHashMap<>();
        choices.put(c.personId(), new SessionDto.Attendee(c.personId(), c.personLabel()));
        households.household(c.personId()).forEach(m -> choices.putIfAbsent(m.personId(), new SessionDto.Attendee(m.personId(), m.label())));
        return new ArrayList<>(choices.values());
    }

    /** One page of the sessions the user may see, newest first. */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public List<SessionRow> list(@Valid SessionFilter filter, Pageable pageable) {
        AppUser user = currentUser.require();
        return queries.page(scope(user), user.partnerId(), filter, pageable);
    }

    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public long count(@Valid SessionFilter filter) {
        AppUser user = currentUser.require();
        return queries.count(scope(user), user.partnerId(), filter);
    }

    /** One session, or empty if missing or not the user's to see; the opening is logged. */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public Optional<SessionDto> get(long id) {
        AppUser user = currentUser.require();
        Optional<CounsellingSession> session = sessions.findById(id);
        Optional<SessionDto> found = session.flatMap(s -> {
            Optional<CaseSummary> c = cases.summary(s.getCaseId());
            return visible(user, s, c.orElse(null))
                    ? Optional.of(toDto(user, s, c.map(CaseSummary::caseNo).orElse("")))
                    : Optional.empty();
        });
        boolean withheld = found.isPresent() && !seesConfidential(user, session.get())
                && session.get().toForm(true).confidentialNote() != null;
        audit.recordAccess("session", id, user.partnerId(), found.isPresent(), withheld ? WITHHELD_NOTE : null);
        return found;
    }

    /** Logs a session on a case of the user's partner; the user is the counsellor. */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public SessionDto log(long caseId, @Valid SessionForm form) {
        AppUser user = currentUser.require();
        CaseSummary c = cases.summary(caseId)
                .filter(found -> Objects.equals(found.owningPartner(), user.partnerId()))
                .orElseThrow(() -> {
                    audit.recordAccess("case", caseId, user.partnerId(), false);
                    return new CaseNotFoundException(caseId);
                });
        new FieldErrors().rejectIf(c.status() == CaseStatus.CLOSED, "case", "session.validation.caseClosed").throwIfAny();
        rules.validate(form, c.openedOn());
        CounsellingSession s = new CounsellingSession(caseId, c.personId(), Objects.requireNonNull(user.partnerId()), user.getUsername());
        s.apply(form);
        CounsellingSession saved = sessions.saveAndFlush(s);
        SessionForm logged = saved.toForm(false);
        // Shown in the reader's language; the English text stays the entry's details (log, exports).
        audit.recordMessage("SESSION_LOGGED", "session", saved.getId(), new AuditMessage("history.session.logged",
                List.of(c.caseNo(), Formats.dateTime(logged.heldAt()), String.valueOf(logged.durationMinutes()),
                        AuditMessage.keys(logged.mode() == null ? List.of() : List.of(logged.mode().messageKey())),
                        AuditMessage.keys(logged.aidType() == null ? List.of() : List.of(logged.aidType().messageKey())),
                        AuditMessage.keys(logged.topics().stream().sorted().map(SessionTopic::messageKey).toList())),
                "case " + c.caseNo() + ", " + auditText(logged)));
        SessionDraftService.deleteDraft(drafts, audit, user.getUsername(), caseId, saved.getId());
        if (form.followUpOn() != null) {
            caseWork.followUpPlanned(caseId, form.followUpOn());
        }
        Set<SessionTopic> restricted = SessionRules.restrictedTopics(saved.toForm(true));
        if (!restricted.isEmpty()) {
            audit.recordRestricted("SESSION_RESTRICTED_TOPICS", "session", saved.getId(), SessionHistory.restrictedTopics(restricted));
        }
        return toDto(user, saved, c.caseNo());
    }

    /** Changes a session; refused over a newer version. */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public SessionDto update(long id, long version, @Valid SessionForm form) {
        AppUser user = currentUser.require();
        CounsellingSession s = sessions.findById(id).filter(found -> editable(user, found)).orElseThrow(() -> {
            audit.recordAccess("session", id, user.partnerId(), false);
            return new SessionNotFoundException(id);
        });
        if (s.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(CounsellingSession.class, id);
        }
        rules.validate(form, cases.summary(s.getCaseId()).map(CaseSummary::openedOn).orElse(null));
        // Restricted parts (note, restricted topics) are audited in entries of their own, shown only to those who may
        // see them; the other changes stay visible to every reader.
        SessionForm before = s.toForm(false);
        boolean noteChanged = !Objects.equals(s.toForm(true).confidentialNote(), blankToNull(form.confidentialNote()));
        Set<SessionTopic> restrictedBefore = SessionRules.restrictedTopics(s.toForm(true));
        s.apply(form);
        sessions.saveAndFlush(s);
        if (form.followUpOn() != null && !Objects.equals(form.followUpOn(), before.followUpOn())) {
            caseWork.followUpPlanned(s.getCaseId(), form.followUpOn());
        }
        SessionForm after = s.toForm(false);
        Set<SessionTopic> restrictedAfter = SessionRules.restrictedTopics(s.toForm(true));
        boolean topicsChanged = !restrictedBefore.equals(restrictedAfter);
        String changes = FieldChanges.between(before, after);
        if (!changes.isEmpty() || !noteChanged && !topicsChanged) {
            audit.recordMessage("SESSION_UPDATED", "session", id, AuditMessage.changes("session", before, after));
        }
        if (noteChanged) {
            audit.recordRestricted("SESSION_CONFIDENTIAL_NOTE", "session", id, SessionHistory.confidentialNote());
        }
        if (topicsChanged) {
            audit.recordRestricted("SESSION_RESTRICTED_TOPICS", "session", id, SessionHistory.restrictedTopics(restrictedBefore, restrictedAfter));
        }
        return toDto(user, s, cases.summary(s.getCaseId()).map(CaseSummary::caseNo).orElse(""));
    }

    /** The counsellor (or a coordinator) marks the session's follow-up as handled. */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public void markFollowUpDone(long id) {
        AppUser user = currentUser.require();
        CounsellingSession s = sessions.findById(id).filter(found -> editable(user, found))
                .orElseThrow(() -> new SessionNotFoundException(id));
        s.markFollowUpDone(Instant.now(clock));
        sessions.saveAndFlush(s);
        audit.record("SESSION_FOLLOW_UP_DONE", "session", id, null);
    }

    /** The user's own open session follow-ups due by {@code until}. */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional(readOnly = true)
    public List<FollowUp> myFollowUps(LocalDate until, int limit) {
        return queries.openFollowUps(currentUser.require().getUsername(), until, limit);
    }

    /**
     * Who changed the session and how (never the confidential note's text); that the note changed
     * only for those who may read it.
     */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public List<AuditEventDto> history(long id) {
        AppUser user = currentUser.require();
        CounsellingSession s = sessions.findById(id).filter(x -> visible(user, x, cases.summary(x.getCaseId()).orElse(null)))
                .orElseThrow(() -> new SessionNotFoundException(id));
        return audit.history("session", id, seesConfidential(user, s));
    }

    /** Who opened the session, for UNHCR managers and coordinators of the partner. */
    @Allowed(Permission.READ_ACCESS_LOG)
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(long id) {
        requireVisible(id);
        return audit.accessLog("session", id, 200);
    }

    /** Whether the user may see the session (no access logged: for attachment checks). */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public boolean canSee(long id) {
        AppUser user = currentUser.require();
        return sessions.findById(id).filter(s -> visible(user, s, cases.summary(s.getCaseId()).orElse(null))).isPresent();
    }

    /** Whether the user may change the session (its counsellor, or a coordinator of its partner). */
    @Allowed(Permission.READ_SESSIONS)
    @Transactional(readOnly = true)
    public boolean canEdit(long id) {
        AppUser user = currentUser.require();
        return sessions.findById(id).filter(s -> editable(user, s)).isPresent();
    }

    private void requireVisible(long id) {
        AppUser user = currentUser.require();
        sessions.findById(id).filter(s -> visible(user, s, cases.summary(s.getCaseId()).orElse(null)))
                .orElseThrow(() -> new SessionNotFoundException(id));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What the audit trail says about a new session: the facts, never summary or note text. */
    private static String auditText(SessionForm f) {
        return f.heldAt() + ", " + f.durationMinutes() + " min, " + f.mode() + ", " + f.aidType() + ", topics " + f.topics();
    }
}
