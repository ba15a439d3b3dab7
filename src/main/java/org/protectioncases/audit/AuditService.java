package org.protectioncases.audit;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit trail: who did what to which record, and security events (logins,
 * failures, locks). Called by other modules' services, never by views. Entries are written in the
 * caller's transaction, so a rolled-back change leaves no audit entry claiming it happened.
 * Nothing here opens a second transaction: a thread that holds a pooled connection never asks
 * for another, so the pool cannot deadlock when every connection is held by a record opening.
 */
@Service
public class AuditService {

    /** What anonymised or expired audit details read. */
    public static final String SCRUBBED = "[removed: data protection]";
    /** Joins a bulk entry's message arguments in one text (ASCII unit separator). */
    private static final int ARGUMENT_SEPARATOR_CODE = 31;
    private static final Logger log = LoggerFactory.getLogger("audit");
    private final JdbcClient jdbc;
    private final SecurityContextHolderStrategy contexts;

    private final Clock clock;

    AuditService(JdbcClient jdbc, ObjectProvider<SecurityContextHolderStrategy> contexts, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Records an action by the current user on a record, in the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, @Nullable Object entityId, @Nullable String details) {
        insert(currentActor(), action, entityType, entityId == null ? null : entityId.toString(), details);
    }

    /**
     * Records an action whose details are shown in the reader's language (the message's English
     * text is the entry's details, as {@link #record(String, String, Object, String)} writes them).
     */
    public void recordMessage(String action, String entityType, @Nullable Object entityId, AuditMessage message) {
        insertMessage(action, entityType, entityId == null ? null : entityId.toString(), message, false);
    }

    private void insertMessage(String action, String entityType, @Nullable String entityId, AuditMessage message, boolean restricted) {
        String actor = currentActor();
        log.info("{} {} {}#{} {}", actor, action, entityType, entityId == null ? "-" : entityId, message.english());
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, restricted, message_key, message_args)
                values (:at, :actor, :action, :type, :id, :details, :restricted, :key, cast(:args as text[]))""")
                .param("at", Timestamp.from(Instant.now(clock)))
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
     * Records an action that concerns restricted data (a restricted specific need, a confidential
     * note), in the current transaction, its details in the reader's language as
     * {@link #recordMessage} does. The entry is left out of {@link #history(String, long)}; the
     * owning module shows it only to readers who may see that data. The application log gets the
     * message's English text, which must therefore not name the restricted data.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRestricted(String action, String entityType, Object entityId, AuditMessage message) {
        insertMessage(action, entityType, entityId.toString(), message, true);
    }

    /**
     * Records a security event (login success/failure, lock): in the caller's transaction (the
     * lockout counter's) if there is one, else in a transaction of its own.
     */
    @Transactional
    public void recordSecurityEvent(String actor, String action, @Nullable String details) {
        requireWritable("recordSecurityEvent");
        insert(actor, action, "security", null, details);
    }

    /**
     * Logs that the current user opened (granted) or was refused (not granted) a record's detail,
     * in the caller's transaction, which must not be read-only (PostgreSQL refuses the insert).
     * A refused read is kept although the caller then throws "not found": those exceptions
     * extend {@link org.protectioncases.shared.RecordNotFoundException}, which commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAccess(String entityType, long entityId, @Nullable Long partnerId, boolean granted) {
        recordAccess(entityType, entityId, partnerId, granted, null);
    }

    /**
     * As {@link #recordAccess(String, long, Long, boolean)}, for an opening where parts of the record
     * were withheld from the reader ({@code withheld} says which, e.g. "restricted needs"); the
     * access log keeps this, readers of the access log are not shown it. Same transaction rules.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAccess(String entityType, long entityId, @Nullable Long partnerId, boolean granted, @Nullable String withheld) {
        requireWritable("recordAccess");
        jdbc.sql("insert into record_access (username, partner_id, entity_type, entity_id, granted, withheld)"
                        + " values (:u, :p, :t, :id, :g, :w)")
                .param("u", currentActor()).param("p", partnerId).param("t", entityType).param("id", entityId)
                .param("g", granted).param("w", withheld).update();
        if (!granted) {
            log.warn("{} was refused {}#{}", currentActor(), entityType, entityId);
        }
    }

    /**
     * Logs an export of an individual-level list (who, when, which list and filter, how many rows).
     * Called after the export's own (read-only, cursor) transaction has ended, also when it failed
     * half-way, so it needs only the one connection the export has given back.
     */
    @Transactional
    public void recordExport(String list, String description, long rows) {
        requireWritable("recordExport");
        insert(currentActor(), "EXPORTED", list, null, description + "; rows=" + rows);
    }

    /**
     * The newest entries of one kind of entity whatever their id, newest first (e.g. backup runs
     * for the administrator's home page).
     */
    @Transactional(readOnly = true)
    public List<AuditEventDto> latest(String entityType, Collection<String> actions, int limit) {
        return jdbc.sql("select occurred_at, actor, action, details from audit_event"
                        + " where entity_type = :t and action in (:actions) order by occurred_at desc, id desc limit :limit")
                .param("t", entityType).param("actions", actions).param("limit", limit)
                .query((rs, i) -> new AuditEventDto(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("details")))
                .list();
    }

    /** Who opened a record, newest first (the caller has checked that the reader may see the record). */
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(String entityType, long entityId, int limit) {
        return jdbc.sql("select accessed_at, username, granted from record_access"
                        + " where entity_type = :t and entity_id = :id order by accessed_at desc limit :limit")
                .param("t", entityType).param("id", entityId).param("limit", limit)
                .query((rs, i) -> new AccessLogEntry(rs.getTimestamp("accessed_at").toInstant(), rs.getString("username"),
                        rs.getBoolean("granted")))
                .list();
    }

    /**
     * A record's history, oldest first, without entries about restricted data (the caller has
     * checked that the reader may see the record).
     */
    @Transactional(readOnly = true)
    public List<AuditEventDto> history(String entityType, long entityId) {
        return history(entityType, entityId, false);
    }

    /**
     * A record's history, oldest first; entries about restricted data only with
     * {@code withRestricted}, which the owning module sets when the reader may see that data.
     */
    @Transactional(readOnly = true)
    public List<AuditEventDto> history(String entityType, long entityId, boolean withRestricted) {
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

    private void insert(String actor, String action, String entityType, @Nullable String entityId, @Nullable String details) {
        log.info("{} {} {}#{} {}", actor, action, entityType, entityId == null ? "-" : entityId, details == null ? "" : details);
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, restricted)
                values (:at, :actor, :action, :type, :id, :details, false)""")
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId)
                .param("details", details)
                .update();
    }

    /**
     * Records the same action with the same message on many records in one statement (anonymisation
     * in batches, an import undone), in the current transaction; the application log gets one line
     * for the batch, not one per record.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEach(String action, String entityType, Collection<Long> entityIds, AuditMessage message) {
        recordEach(action, entityType, List.copyOf(entityIds), entityIds.stream().map(id -> message).toList());
    }

    /**
     * Records the same action on many records, each with its own message (the bulk import: a
     * registration number and file row per person), in one statement, in the current transaction;
     * the application log gets one line for the batch. Each message's arguments travel as one text
     * joined by {@value #ARGUMENT_SEPARATOR_CODE} (a control character, which no argument holds:
     * text inputs refuse them, and one that slipped through is replaced by a space here).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEach(String action, String entityType, List<Long> entityIds, List<AuditMessage> messages) {
        if (entityIds.size() != messages.size()) {
            throw new IllegalArgumentException(entityIds.size() + " records but " + messages.size() + " messages");
        }
        if (entityIds.isEmpty()) {
            return;
        }
        log.info("{} {} {} records {}", currentActor(), action, entityIds.size(), messages.getFirst().english());
        String separator = String.valueOf((char) ARGUMENT_SEPARATOR_CODE);
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, restricted, message_key, message_args)
                select :at, :actor, :action, :type, u.i::text, u.d, false, u.k,
                    case when u.a is null then '{}'::text[] else string_to_array(u.a, chr(:separator)) end
                from unnest(cast(:ids as bigint[]), cast(:details as text[]), cast(:keys as text[]), cast(:args as text[])) as u(i, d, k, a)""")
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("actor", currentActor()).param("action", action).param("type", entityType)
                .param("ids", entityIds.toArray(Long[]::new))
                .param("details", messages.stream().map(AuditMessage::english).toArray(String[]::new))
                .param("keys", messages.stream().map(AuditMessage::key).toArray(String[]::new))
                .param("args", messages.stream().map(m -> m.args().isEmpty() ? null
                        : String.join(separator, m.args().stream().map(x -> x.replace(separator, " ")).toList())).toArray(String[]::new))
                .param("separator", ARGUMENT_SEPARATOR_CODE)
                .update();
    }

    /**
     * Anonymisation: the details of every entry about these records (old and new values, file
     * names, reasons) are replaced; who did what and when stays, so accountability survives.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int scrubDetails(String entityType, Collection<Long> entityIds) {
        // The translated message's arguments go too: they repeat what the details said.
        return jdbc.sql("update audit_event set details = '" + SCRUBBED + "', message_key = null, message_args = null where entity_type = :type"
                        + " and entity_id = any(cast(:ids as varchar[])) and (details is not null and details <> '" + SCRUBBED + "'"
                        + " or message_key is not null)")
                .param("type", entityType)
                .param("ids", entityIds.stream().map(String::valueOf).toArray(String[]::new))
                .update();
    }

    /** Retention of audit details: entries older than {@code before} keep who, what and when, not the details. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int scrubDetailsBefore(Instant before, int limit) {
        return jdbc.sql("update audit_event set details = '" + SCRUBBED + "', message_key = null, message_args = null"
                        + " where id in (select id from audit_event where occurred_at < :before and entity_type <> 'security'"
                        + " and (details is not null and details <> '" + SCRUBBED + "' or message_key is not null) limit :limit)")
                .param("before", Timestamp.from(before)).param("limit", limit).update();
    }

    /** Audit entries whose details {@link #scrubDetailsBefore} would remove. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long countDetailsBefore(Instant before) {
        return jdbc.sql("select count(*) from audit_event where occurred_at < :before and entity_type <> 'security'"
                        + " and (details is not null and details <> '" + SCRUBBED + "' or message_key is not null)")
                .param("before", Timestamp.from(before)).query(Long.class).single();
    }

    /** Retention of the access log: rows older than {@code before} are deleted, a batch at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteAccessLogBefore(Instant before, int limit) {
        return jdbc.sql("delete from record_access where id in (select id from record_access where accessed_at < :before limit :limit)")
                .param("before", Timestamp.from(before)).param("limit", limit).update();
    }

    /** Access-log rows {@link #deleteAccessLogBefore} would delete. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long countAccessLogBefore(Instant before) {
        return jdbc.sql("select count(*) from record_access where accessed_at < :before")
                .param("before", Timestamp.from(before)).query(Long.class).single();
    }

    /** Fails fast, naming the mistake, where PostgreSQL would refuse the insert of a read-only transaction. */
    private static void requireWritable(String method) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("AuditService." + method + " needs a read-write transaction;"
                    + " a method that logs record access must not be @Transactional(readOnly = true)");
        }
    }

    private String currentActor() {
        Authentication auth = contexts.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
