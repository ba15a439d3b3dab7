package org.protectioncases.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
    private final AuditRepository entries;
    private final SecurityContextHolderStrategy contexts;

    private final Clock clock;

    AuditService(AuditRepository entries, ObjectProvider<SecurityContextHolderStrategy> contexts, Clock clock) {
        this.clock = clock;
        this.entries = entries;
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
        entries.insertMessage(Instant.now(clock), actor, action, entityType, entityId, message, restricted);
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
        entries.insertAccess(currentActor(), entityType, entityId, partnerId, granted, withheld);
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
        return entries.latest(entityType, actions, limit);
    }

    /** Who opened a record, newest first (the caller has checked that the reader may see the record). */
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(String entityType, long entityId, int limit) {
        return entries.accessLog(entityType, entityId, limit);
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
        return entries.history(entityType, entityId, withRestricted);
    }

    private void insert(String actor, String action, String entityType, @Nullable String entityId, @Nullable String details) {
        log.info("{} {} {}#{} {}", actor, action, entityType, entityId == null ? "-" : entityId, details == null ? "" : details);
        entries.insert(Instant.now(clock), actor, action, entityType, entityId, details);
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
        List<@Nullable String> joinedArgs = messages.stream().map(m -> m.args().isEmpty() ? null
                : String.join(separator, m.args().stream().map(x -> x.replace(separator, " ")).toList())).toList();
        entries.insertEach(Instant.now(clock), currentActor(), action, entityType, entityIds, messages, joinedArgs, ARGUMENT_SEPARATOR_CODE);
    }

    /**
     * Anonymisation: the details of every entry about these records (old and new values, file
     * names, reasons) are replaced; who did what and when stays, so accountability survives.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int scrubDetails(String entityType, Collection<Long> entityIds) {
        // The translated message's arguments go too: they repeat what the details said.
        return entries.scrubDetails(entityType, entityIds);
    }

    /** Retention of audit details: entries older than {@code before} keep who, what and when, not the details. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int scrubDetailsBefore(Instant before, int limit) {
        return entries.scrubDetailsBefore(before, limit);
    }

    /** Audit entries whose details {@link #scrubDetailsBefore} would remove. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long countDetailsBefore(Instant before) {
        return entries.countDetailsBefore(before);
    }

    /** Retention of the access log: rows older than {@code before} are deleted, a batch at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteAccessLogBefore(Instant before, int limit) {
        return entries.deleteAccessLogBefore(before, limit);
    }

    /** Access-log rows {@link #deleteAccessLogBefore} would delete. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long countAccessLogBefore(Instant before) {
        return entries.countAccessLogBefore(before);
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
