package org.protectioncases.counselling;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Session drafts in SQL, one per owner and case, the form kept as JSON (row-level security scopes them to the partner). */
@Repository
class SessionDraftRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    SessionDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A draft's id and whether this save started it (rather than changed it). */
    record Saved(long id, boolean started) {
    }

    Saved save(String owner, long partnerId, long caseId, SessionForm form) {
        Map<String, Object> row = jdbc.sql("""
                        insert into session_draft (owner_username, owning_partner, case_id, payload)
                        values (:owner, :partner, :case, :payload)
                        on conflict (owner_username, case_id) do update
                           set payload = excluded.payload, updated_at = now(), version = session_draft.version + 1
                        returning id, xmax = 0 as started""")
                .param("owner", owner)
                .param("partner", partnerId)
                .param("case", caseId)
                .param("payload", JSON.writeValueAsString(form))
                .query().singleRow();
        return new Saved(((Number) row.get("id")).longValue(), Boolean.TRUE.equals(row.get("started")));
    }

    /** The owner's drafts (for one case, or all), newest first, at most {@code limit}. */
    List<SessionDraft> find(String owner, @Nullable Long caseId, int limit) {
        var statement = jdbc.sql("""
                        select d.case_id, c.case_no, d.payload, d.updated_at
                          from session_draft d join protection_case c on c.id = d.case_id
                         where d.owner_username = :owner and (cast(:case as bigint) is null or d.case_id = :case)
                         order by d.updated_at desc limit :limit""")
                .param("owner", owner).param("case", caseId).param("limit", limit);
        return statement.query((rs, i) -> new SessionDraft(rs.getLong("case_id"), rs.getString("case_no"),
                JSON.readValue(rs.getString("payload"), SessionForm.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant())).list();
    }

    /** Deletes the owner's draft for the case; the ids deleted (none or one). */
    List<Long> delete(String owner, long caseId) {
        return jdbc.sql("delete from session_draft where owner_username = :owner and case_id = :case returning id")
                .param("owner", owner).param("case", caseId).query(Long.class).list();
    }

    int deleteUntouchedSince(Instant before) {
        return jdbc.sql("delete from session_draft where updated_at < :before")
                .param("before", Timestamp.from(before)).update();
    }
}
