package org.protectioncases.audit;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail ({@code audit_event}) and the access log ({@code record_access}) in SQL; append-only but for retention. */
@Repository
class AuditRepository {

    /** An entry whose details are still there: not scrubbed, or with a message in the reader's language. */
    private static final String HAS_DETAILS = "(details is not null and details <> '" + AuditService.SCRUBBED + "' or message_key is not null)";
    private static final String SCRUB = "set details = '" + AuditService.SCRUBBED + "', message_key = null, message_args = null";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String actor, String action, String entityType, @Nullable String entityId, @Nullable String details) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, restricted)
                values (:at, :actor, :action, :type, :id, :details, false)""")
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId)
                .param("details", details)
                .update();
    }

    void insertMessage(Instant at, String actor, String action, String entityType, @Nullable String entityId, AuditMessage message,
                       boolean restricted) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, restricted, message_key, message_args)
                values (:at, :actor, :action, :type, :id, :details, :restricted, :key, cast(:args as text[]))""")
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId)
                .param("details", message.english())
                .param("restricted", restricted)
                .param("key", message.key())
                .param("args", message.args().toArray(String[]::new))
                .update();
    }

    /**
     * One entry a record in one statement; each message's arguments come joined by the character
     * {@code separatorCode} ({@code null}: none).
     */
    void insertEach(Instant at, String actor, String action, String entityType, List<Long> entityIds, List<AuditMessage> messages,
                    List<@Nullable String> joinedArgs, int separatorCode) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, restricted, message_key, message_args)
                select :at, :actor, :action, :type, u.i::text, u.d, false, u.k,
                    case when u.a is null then '{}'::text[] else string_to_array(u.a, chr(:separator)) end
                from unnest(cast(:ids as bigint[]), cast(:details as text[]), cast(:keys as text[]), cast(:args as text[])) as u(i, d, k, a)""")
                .param("at", Timestamp.from(at))
                .param("actor", actor).param("action", action).param("type", entityType)
                .param("ids", entityIds.toArray(Long[]::new))
                .param("details", messages.stream().map(AuditMessage::english).toArray(String[]::new))
                .param("keys", messages.stream().map(AuditMessage::key).toArray(String[]::new))
                .param("args", joinedArgs.toArray(String[]::new))
                .param("separator", separatorCode)
                .update();
    }

    void insertAccess(String username, String entityType, long entityId, @Nullable Long partnerId, boolean granted,
                      @Nullable String withheld) {
        jdbc.sql("insert into record_access (username, partner_id, entity_type, entity_id, granted, withheld)"
                        + " values (:u, :p, :t, :id, :g, :w)")
                .param("u", username).param("p", partnerId).param("t", entityType).param("id", entityId)
                .param("g", granted).param("w", withheld).update();
    }

    List<AuditEventDto> latest(String entityType, Collection<String> actions, int limit) {
        return jdbc.sql("select occurred_at, actor, action, details from audit_event"
                        + " where entity_type = :t and action in (:actions) order by occurred_at desc, id desc limit :limit")
                .param("t", entityType).param("actions", actions).param("limit", limit)
                .query((rs, i) -> new AuditEventDto(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("details")))
                .list();
    }

    List<AccessLogEntry> accessLog(String entityType, long entityId, int limit) {
        return jdbc.sql("select accessed_at, username, granted from record_access"
                        + " where entity_type = :t and entity_id = :id order by accessed_at desc limit :limit")
                .param("t", entityType).param("id", entityId).param("limit", limit)
                .query((rs, i) -> new AccessLogEntry(rs.getTimestamp("accessed_at").toInstant(), rs.getString("username"),
                        rs.getBoolean("granted")))
                .list();
    }

    List<AuditEventDto> history(String entityType, long entityId, boolean withRestricted) {
        return jdbc.sql("select occurred_at, actor, action, details, message_key, message_args from audit_event"
                        + " where entity_type = :t and entity_id = :id" + (withRestricted ? "" : " and not restricted")
                        + " order by occurred_at, id")
                .param("t", entityType).param("id", String.valueOf(entityId))
                .query((rs, i) -> {
                    Array args = rs.getArray("message_args");
                    return new AuditEventDto(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                            rs.getString("action"), rs.getString("details"), rs.getString("message_key"),
                            args == null ? List.of() : List.of((String[]) args.getArray()));
                })
                .list();
    }

    int scrubDetails(String entityType, Collection<Long> entityIds) {
        return jdbc.sql("update audit_event " + SCRUB + " where entity_type = :type"
                        + " and entity_id = any(cast(:ids as varchar[])) and " + HAS_DETAILS)
                .param("type", entityType)
                .param("ids", entityIds.stream().map(String::valueOf).toArray(String[]::new))
                .update();
    }

    int scrubDetailsBefore(Instant before, int limit) {
        return jdbc.sql("update audit_event " + SCRUB
                        + " where id in (select id from audit_event where occurred_at < :before and entity_type <> 'security'"
                        + " and " + HAS_DETAILS + " limit :limit)")
                .param("before", Timestamp.from(before)).param("limit", limit).update();
    }

    long countDetailsBefore(Instant before) {
        return jdbc.sql("select count(*) from audit_event where occurred_at < :before and entity_type <> 'security' and " + HAS_DETAILS)
                .param("before", Timestamp.from(before)).query(Long.class).single();
    }

    int deleteAccessLogBefore(Instant before, int limit) {
        return jdbc.sql("delete from record_access where id in (select id from record_access where accessed_at < :before limit :limit)")
                .param("before", Timestamp.from(before)).param("limit", limit).update();
    }

    long countAccessLogBefore(Instant before) {
        return jdbc.sql("select count(*) from record_access where accessed_at < :before")
                .param("before", Timestamp.from(before)).query(Long.class).single();
    }
}
