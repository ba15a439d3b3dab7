package org.protectioncases.monitoring;

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
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts of new visits, kept on the server while the form is filled (issue #14): a dropped
 * connection, an expired session or a reloaded phone loses nothing. A draft belongs to the user
 * who types it (and, by row-level security, to their partner): nobody else lists, reads or
 * discards it. Starting, resuming, recording and discarding are audited; the autosaves between are not
 * (they would flood the log with every field).
 */
@Service
public class VisitDraftService {

    /** "My drafts" shows at most this many, newest first. */
    public static final int LIST_MAX = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VisitDraftRepository drafts;
    private final CurrentUser currentUser;
    private final AuditService audit;

    VisitDraftService(VisitDraftRepository drafts, CurrentUser currentUser, AuditService audit) {
        this.drafts = drafts;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * Saves what is typed so far: a new draft when {@code draftId} is null (or no longer the
     * user's), else that draft. Nothing is validated beyond the field sizes: a draft may be incomplete.
     * Returns the draft's id.
     */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public long save(@Nullable Long draftId, @Valid VisitForm form) {
        AppUser user = currentUser.require();
        String payload = JSON.writeValueAsString(form);
        Optional<VisitDraft> existing = draftId == null ? Optional.empty() : drafts.findByIdAndOwnerUsername(draftId, user.getUsername());
        if (existing.isPresent()) {
            existing.get().setPayload(payload);
            return existing.get().getId();
        }
        VisitDraft draft = drafts.save(new VisitDraft(user.getUsername(), Objects.requireNonNull(user.partnerId()), payload));
        audit.record("VISIT_DRAFT_STARTED", "visit_draft", draft.getId(), null);
        return draft.getId();
    }

    /** The user's drafts, newest first (at most {@link #LIST_MAX}). */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional(readOnly = true)
    public List<VisitDraftSummary> mine() {
        return drafts.findByOwnerUsernameOrderByUpdatedAtDesc(currentUser.require().getUsername(), PageRequest.of(0, LIST_MAX))
                .stream().map(VisitDraftService::summary).toList();
    }

    /** One of the user's drafts to resume, or empty if it is not theirs or gone. */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public Optional<VisitDraftSummary> resume(long draftId) {
        Optional<VisitDraftSummary> found = drafts.findByIdAndOwnerUsername(draftId, currentUser.require().getUsername())
                .map(VisitDraftService::summary);
        found.ifPresent(d -> audit.record("VISIT_DRAFT_RESUMED", "visit_draft", draftId, null));
        return found;
    }

    /**
     * Deletes one of the user's drafts: discarded by the user, or {@code recordedAs} the visit it
     * became. Someone else's draft is left alone.
     */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public void discard(long draftId, @Nullable Long recordedAs) {
        drafts.findByIdAndOwnerUsername(draftId, currentUser.require().getUsername()).ifPresent(d -> {
            drafts.delete(d);
            audit.record(recordedAs == null ? "VISIT_DRAFT_DISCARDED" : "VISIT_DRAFT_RECORDED", "visit_draft", draftId,
                    recordedAs == null ? null : "visit#" + recordedAs);
        });
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

    private static VisitDraftSummary summary(VisitDraft d) {
        return new VisitDraftSummary(d.getId(), JSON.readValue(d.getPayload(), VisitForm.class), d.getUpdatedAt());
    }
}
