package org.protectioncases.counselling;

import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseImportService;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counselling sessions brought in from a partner's old records (the bulk import, issue #15): each
 * checked by the session dialog's rules ({@link SessionRules#validate}) on a case of the
 * user's partner, logged in bulk with a counsellor of the partner, and withdrawn again while
 * nobody has touched them. A closed case takes sessions held up to its closing (its history); the
 * dialog, for new work, takes none.
 */
@Service
public class SessionImportService {

    /** At most this many sessions in one call of {@link #logAll}. */
    public static final int MAX_CHUNK = 5_000;
    /** At most this many sessions withdrawn in one call. */
    public static final int MAX_SET = 200_000;

    /** A session as a file row gives it; {@code counsellor}: username of a lawyer or coordinator of the user's partner. */
    public record ImportedSession(long caseId, LocalDateTime heldAt, int durationMinutes, SessionMode mode, LegalAidType aidType,
                                  @Size(max = 20) Set<SessionTopic> topics,
                                  @Size(max = SessionForm.TEXT_MAX) @MultiLine @Nullable String summary,
                                  @Size(max = TextRules.USERNAME) @SingleLine String counsellor) {
    }

    /** A session logged by {@link #logAll}: its id and version (for the undo). */
    public record Logged(long id, long version) {
    }

    /** Why an imported session cannot be withdrawn. */
    public enum Blocker { NOT_FOUND, CHANGED, LINKED }

    private final SessionRules rules;
    private final CounsellingSessionRepository sessions;
    private final CaseService cases;
    private final CaseImportService caseImports;
    private final AttachmentService attachments;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionImportRepository imports;
    private final EntityManager entityManager;

    SessionImportService(SessionRules rules, CounsellingSessionRepository sessions, CaseService cases,
                         CaseImportService caseImports, AttachmentService attachments, CurrentUser currentUser, AuditService audit,
                         SessionImportRepository imports, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.rules = rules;
        this.sessions = sessions;
        this.cases = cases;
        this.caseImports = caseImports;
        this.attachments = attachments;
        this.currentUser = currentUser;
        this.audit = audit;
        this.imports = imports;
    }

    /**
     * Refuses ({@link FieldValidationException}, fields {@code case}, {@code counsellor} and the
     * dialog's: {@code heldAt}, {@code durationMinutes}, {@code aidType}, {@code topics}, {@code summary}...)
     * what logging the session would refuse; saves nothing.
     */
    @Allowed(Permission.LOG_SESSIONS)
    // No transaction of its own: a refusal must not mark the caller's (the dry run's) for rollback.
    public void check(@Valid ImportedSession s) {
        check(currentUser.require(), s, counsellors(), new HashMap<>());
    }

    /**
     * Logs the sessions (each checked again) on cases of the user's partner; {@code note} goes on
     * each one's history. Flushes and clears the persistence context at the end: a batch of
     * thousands of sessions would otherwise be dirty-checked at every statement.
     */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public List<Logged> logAll(@Size(max = MAX_CHUNK) List<@Valid ImportedSession> imported,
                               @Size(max = TextRules.FILTER + 100) @SingleLine String note) {
        AppUser user = currentUser.require();
        List<String> staff = counsellors();
        Map<Long, CaseSummary> caseCache = new HashMap<>();
        List<Logged> logged = new ArrayList<>(imported.size());
        for (ImportedSession cmd : imported) {
            CaseSummary c = check(user, cmd, staff, caseCache);
            CounsellingSession s = new CounsellingSession(cmd.caseId(), c.personId(), Objects.requireNonNull(user.partnerId()),
                    cmd.counsellor(), user.getUsername());
            s.apply(form(cmd, c));
            CounsellingSession saved = sessions.save(s); // the id comes with the insert (identity); topics at the flush below
            long id = Objects.requireNonNull(saved.getId());
            SessionForm shown = saved.toForm(false);
            // As the dialog's logging (in the reader's language, restricted topics left out).
            audit.recordMessage("SESSION_LOGGED", "session", id, new AuditMessage("history.session.logged",
                    List.of(c.caseNo(), Formats.dateTime(cmd.heldAt()), String.valueOf(cmd.durationMinutes()),
                            AuditMessage.keys(List.of(cmd.mode().messageKey())), AuditMessage.keys(List.of(cmd.aidType().messageKey())),
                            AuditMessage.keys(shown.topics().stream().sorted().map(SessionTopic::messageKey).toList())),
                    "case " + c.caseNo() + ", " + cmd.heldAt() + ", " + cmd.durationMinutes() + " min, " + cmd.mode() + ", " + cmd.aidType()
                            + ", topics " + shown.topics() + ", counsellor " + cmd.counsellor() + "; " + note));
            Set<SessionTopic> restricted = SessionRules.restrictedTopics(saved.toForm(true));
            if (!restricted.isEmpty()) {
                audit.recordRestricted("SESSION_RESTRICTED_TOPICS", "session", id, SessionHistory.restrictedTopics(restricted));
            }
            logged.add(new Logged(id, saved.getVersion()));
        }
        sessions.flush();
        entityManager.clear();
        return logged;
    }

    /**
     * What keeps each of these sessions from being withdrawn (empty: none): not the partner's,
     * changed since ({@code expectedVersions}: id to version when logged), or a file attached to it.
     */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional(readOnly = true)
    public Map<Long, Blocker> blockers(@Size(max = MAX_SET) Map<Long, Long> expectedVersions) {
        Map<Long, Long> versions = versions(expectedVersions.keySet());
        Map<Long, Blocker> blockers = new LinkedHashMap<>();
        expectedVersions.forEach((id, version) -> {
            if (!versions.containsKey(id)) {
                blockers.put(id, Blocker.NOT_FOUND);
            } else if (!versions.get(id).equals(version)) {
                blockers.put(id, Blocker.CHANGED);
            }
        });
        for (long id : attachments.ownersWithAttachments(SessionAttachmentPolicy.KIND, expectedVersions.keySet())) {
            blockers.putIfAbsent(id, Blocker.LINKED);
        }
        return blockers;
    }

    /** Deletes these sessions of the user's partner (after {@link #blockers} found none) with their topics and attendees. */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public void withdraw(@Size(max = MAX_SET) Collection<Long> ids, long importBatch) {
        Map<Long, Long> versions = versions(ids);
        for (Long id : ids) {
            if (!versions.containsKey(id)) {
                throw new SessionNotFoundException(id);
            }
        }
        imports.delete(ids);
        audit.recordEach("SESSION_WITHDRAWN", "session", ids, AuditMessage.importUndone(importBatch));
    }

    private Map<Long, Long> versions(Collection<Long> ids) {
        return imports.versions(Objects.requireNonNull(currentUser.require().partnerId()), ids);
    }

    private List<String> counsellors() {
        return caseImports.caseworkers().stream().map(UserAccountDto::username).toList();
    }

    private static SessionForm form(ImportedSession s, CaseSummary c) {
        return new SessionForm(s.heldAt(), s.durationMinutes(), s.mode(), s.aidType(), s.topics(), Set.of(c.personId()), false, null,
                s.summary(), null, null, null, null);
    }

    private CaseSummary check(AppUser user, ImportedSession s, List<String> staff, Map<Long, CaseSummary> caseCache) {
        CaseSummary c = caseCache.computeIfAbsent(s.caseId(), id -> cases.summary(id)
                .filter(found -> Objects.equals(found.owningPartner(), user.partnerId())).orElse(null));
        if (c == null) {
            throw new FieldValidationException("case", "import.session.case");
        }
        new FieldErrors()
                .rejectIf(c.status() == CaseStatus.CLOSED && c.closedOn() != null && s.heldAt().toLocalDate().isAfter(c.closedOn()),
                        "heldAt", "import.session.afterClosing")
                .rejectIf(!staff.contains(s.counsellor()), "counsellor", "import.session.counsellor")
                .throwIfAny();
        rules.validate(form(s, c), c.openedOn());
        return c;
    }
}
