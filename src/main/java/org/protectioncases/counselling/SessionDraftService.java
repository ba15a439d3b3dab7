package org.protectioncases.counselling;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of new counselling sessions, kept on the server while the session dialog is filled
 * (issue #14), as visit drafts are: one per user and case. A draft belongs to the user who types it
 * (and, by row-level security, to their partner); nobody else lists, reads or discards it, and
 * UNHCR managers have none. Starting, discarding and logging are audited; the autosaves between are
 * not (they would flood the log with every field).
 */
@Service
public class SessionDraftService {

    /** "Sessions not saved yet" lists at most this many, newest first. */
    public static final int LIST_MAX = 20;

    private final SessionDraftRepository drafts;
    private final CounsellingService sessions;
    private final CurrentUser currentUser;
    private final AuditService audit;

    SessionDraftService(SessionDraftRepository drafts, CounsellingService sessions, CurrentUser currentUser, AuditService audit) {
        this.drafts = drafts;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * Saves what is typed so far as the user's draft for the case. Nothing is validated beyond the
     * field sizes (a draft may be incomplete). Returns false, saving nothing, when the user may not
     * log a session on that case (another partner's, or closed).
     */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public boolean save(long caseId, @Valid SessionForm form) {
        AppUser user = currentUser.require();
        if (!sessions.canLog(caseId)) {
            return false;
        }
        SessionDraftRepository.Saved saved = drafts.save(user.getUsername(), Objects.requireNonNull(user.partnerId()), caseId, form);
        if (saved.started()) {
            audit.record("SESSION_DRAFT_STARTED", "session_draft", saved.id(), "case#" + caseId);
        }
        return true;
    }

    /** The user's draft for the case, if any. */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional(readOnly = true)
    public Optional<SessionDraft> forCase(long caseId) {
        return drafts.find(currentUser.require().getUsername(), caseId, 1).stream().findFirst();
    }

    /** The user's drafts, newest first (at most {@link #LIST_MAX}). */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional(readOnly = true)
    public List<SessionDraft> mine() {
        return drafts.find(currentUser.require().getUsername(), null, LIST_MAX);
    }

    /** Deletes the user's draft for the case (the user discarded it). */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional
    public void discard(long caseId) {
        delete(caseId);
    }

    /**
     * Deletes every draft not changed since {@code before}, whoever typed it (the retention run,
     * as the system): a draft is a working copy, not a record, and holds what was typed about people.
     * Returns how many.
     */
    @Allowed(Permission.ANONYMISE_PEOPLE)
    @Transactional
    public int purgeUntouchedSince(Instant before) {
        return drafts.deleteUntouchedSince(before);
    }

    private void delete(long caseId) {
        deleteDraft(drafts, audit, currentUser.require().getUsername(), caseId, null);
    }

    /**
     * Deletes the owner's draft for the case, audited as discarded or as {@code loggedAs} the session it
     * became. Shared with {@link CounsellingService#log}, which removes it in the logging's transaction.
     */
    static void deleteDraft(SessionDraftRepository drafts, AuditService audit, String owner, long caseId, @Nullable Long loggedAs) {
        drafts.delete(owner, caseId).forEach(id -> audit.record(loggedAs == null ? "SESSION_DRAFT_DISCARDED" : "SESSION_DRAFT_RECORDED",
                "session_draft", id, loggedAs == null ? "case#" + caseId : "session#" + loggedAs));
    }
}
