package org.protectioncases.counselling;

import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CounsellingService sessions;
    private final CurrentUser currentUser;
    private final AuditService audit;

    SessionDraftService(JdbcClient jdbc, CounsellingService sessions, CurrentUser currentUser, AuditService audit) {
        this.jdbc = jdbc;
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
        Map<String, Object> row = jdbc.sql("""
                        insert into session_draft (owner_username, owning_partner, case_id, payload)
                        values (:owner, :partner, :case, :payload)
                        on conflict (owner_username, case_id) do update
                           set payload = excluded.payload, updated_at = now(), version = session_draft.version + 1
                        returning id, xmax = 0 as started""")
                .param("owner", user.getUsername())
                .param("partner", Objects.requireNonNull(user.partnerId()))
                .param("case", caseId)
                .param("payload", JSON.writeValueAsString(form))
                .query().singleRow();
        if (Boolean.TRUE.equals(row.get("started"))) {
            audit.record("SESSION_DRAFT_STARTED", "session_draft", ((Number) row.get("id")).longValue(), "case#" + caseId);
        }
        return true;
    }

    /** The user's draft for the case, if any. */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional(readOnly = true)
    public Optional<SessionDraft> forCase(long caseId) {
        return query("and d.case_id = :case", caseId).stream().findFirst();
    }

    /** The user's drafts, newest first (at most {@link #LIST_MAX}). */
    @Allowed(Permission.LOG_SESSIONS)
    @Transactional(readOnly = true)
    public List<SessionDraft> mine() {
        return query("", null);
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
        return jdbc.sql("delete from session_draft where updated_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    private void delete(long caseId) {
        deleteDraft(jdbc, audit, currentUser.require().getUsername(), caseId, null);
    }

    /**
     * Deletes the owner's draft for the case, audited as discarded or as {@code loggedAs} the session it
     * became. Shared with {@link CounsellingService#log}, which removes it in the logging's transaction.
     */
    static void deleteDraft(JdbcClient jdbc, AuditService audit, String owner, long caseId, @Nullable Long loggedAs) {
        jdbc.sql("delete from session_draft where owner_username = :owner and case_id = :case returning id")
                .param("owner", owner).param("case", caseId).query(Long.class).list()
                .forEach(id -> audit.record(loggedAs == null ? "SESSION_DRAFT_DISCARDED" : "SESSION_DRAFT_RECORDED", "session_draft", id,
                        loggedAs == null ? "case#" + caseId : "session#" + loggedAs));
    }

    private List<SessionDraft> query(String condition, @Nullable Long caseId) {
        var statement = jdbc.sql("""
                        select d.case_id, c.case_no, d.payload, d.updated_at
                          from session_draft d join protection_case c on c.id = d.case_id
                         where d.owner_username = :owner %s
                         order by d.updated_at desc limit %d""".formatted(condition, LIST_MAX))
                .param("owner", currentUser.require().getUsername());
        if (caseId != null) {
            statement = statement.param("case", caseId);
        }
        return statement.query((rs, i) -> new SessionDraft(rs.getLong("case_id"), rs.getString("case_no"),
                JSON.readValue(rs.getString("payload"), SessionForm.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant())).list();
    }
}
