package org.protectioncases.dataprotection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseRetentionService;
import org.protectioncases.counselling.SessionDraftService;
import org.protectioncases.monitoring.VisitDraftService;
import org.protectioncases.people.PersonAnonymisationService;
import org.protectioncases.security.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One retention run: takes a cluster-wide advisory lock (one node runs; the others skip), then for
 * each enabled rule anonymises, clears or deletes what is due, a batch per short transaction as the
 * system principal, so users' transactions wait on at most one batch's rows. Callers check
 * permissions; this is not for views.
 */
@Component
class RetentionRunner {

    /** {@code pg_try_advisory_lock} key: "PCRETAIN" in ASCII. */
    static final long LOCK = 0x5043_5245_5441_494EL;
    /** People per transaction: a few hundred keeps each under a second (docs/benchmarks.md). */
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(RetentionRunner.class);

    private final RetentionRepository repository;
    private final PersonAnonymisationService people;
    private final CaseRetentionService cases;
    private final AttachmentService attachments;
    private final AuditService audit;
    private final SystemAccess system;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final VisitDraftService visitDrafts;
    private final SessionDraftService sessionDrafts;
    private final int draftDays;

    RetentionRunner(RetentionRepository repository, PersonAnonymisationService people, CaseRetentionService cases,
                    AttachmentService attachments, AuditService audit, SystemAccess system, DataSource dataSource,
                    PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock,
                    VisitDraftService visitDrafts,
                    SessionDraftService sessionDrafts,
                    @Value("${app.retention.draft-days:30}") int draftDays) {
        this.visitDrafts = visitDrafts;
        this.sessionDrafts = sessionDrafts;
        this.draftDays = Math.max(1, draftDays);
        this.repository = repository;
        this.people = people;
        this.cases = cases;
        this.attachments = attachments;
        this.audit = audit;
        this.system = system;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Runs as the system principal in a transaction of its own. */
    <T> T asSystem(Supplier<T> work) {
        return system.runAsSystem(() -> transactions.execute(status -> work.get()));
    }

    RetentionRunResult run() {
        long t0 = System.nanoTime();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                log.info("Retention run skipped: another node (or thread) is running it");
                return new RetentionRunResult(false, Map.of(), Duration.ZERO, 0);
            }
            try {
                Map<RetentionKind, Long> done = system.runAsSystem(this::runLocked);
                long drafts = system.runAsSystem(this::purgeDrafts);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                asSystem(() -> {
                    audit.recordMessage("RETENTION_RUN", "retention", null, new AuditMessage("history.dataprotection.retentionRun",
                            List.of(String.valueOf(done.values().stream().mapToLong(Long::longValue).sum()), String.valueOf(drafts),
                                    String.valueOf(took.toMillis())),
                            done + "; drafts=" + drafts + "; ms=" + took.toMillis()));
                    return null;
                });
                log.info("Retention run done in {} ms: {}, drafts {}", took.toMillis(), done, drafts);
                return new RetentionRunResult(true, done, took, drafts);
            } finally {
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention run could not take its lock", e);
        }
    }

    private Map<RetentionKind, Long> runLocked() {
        LocalDate today = today();
        Map<RetentionKind, Long> done = new EnumMap<>(RetentionKind.class);
        for (RetentionRule rule : asSystem(repository::rules)) {
            if (!rule.enabled()) {
                continue;
            }
            LocalDate cutoff = today.minusYears(rule.years());
            Instant before = RetentionRepository.cutoffInstant(cutoff);
            long n = 0;
            switch (rule.kind()) {
                case INACTIVE_PERSON -> {
                    long after = 0;
                    while (true) {
                        long from = after;
                        List<Long> due = asSystem(() -> repository.duePeople(cutoff, null, from, BATCH));
                        if (due.isEmpty()) {
                            break;
                        }
                        after = due.getLast();
                        // Its own transaction (the service's), as the system: restricted notes too.
                        people.anonymise(due, new AuditMessage("history.person.anonymisedRetention",
                                List.of(AuditMessage.keys(List.of(rule.kind().messageKey())), String.valueOf(rule.years())),
                                "retention " + rule.kind() + " " + rule.years() + "y"));
                        n += due.size();
                    }
                }
                case CLOSED_CASE -> {
                    long after = 0;
                    while (true) {
                        long from = after;
                        List<Long> due = asSystem(() -> repository.dueCases(cutoff, null, from, BATCH));
                        if (due.isEmpty()) {
                            break;
                        }
                        after = due.getLast();
                        asSystem(() -> {
                            cases.clearCases(due);
                            repository.markCleared(RetentionKind.CLOSED_CASE, due);
                            return null;
                        });
                        n += due.size();
                    }
                }
                case ATTACHMENT -> {
                    while (true) {
                        Map<String, List<Long>> owners = asSystem(() -> repository.dueAttachmentOwners(cutoff, BATCH));
                        if (owners.isEmpty()) {
                            break;
                        }
                        n += asSystem(() -> owners.entrySet().stream().mapToLong(e -> attachments.purge(e.getKey(), e.getValue())).sum());
                    }
                }
                case ACCESS_LOG -> {
                    int deleted;
                    do {
                        deleted = asSystem(() -> audit.deleteAccessLogBefore(before, 10 * BATCH));
                        n += deleted;
                    } while (deleted > 0);
                }
                case AUDIT_DETAILS -> {
                    int scrubbed;
                    do {
                        scrubbed = asSystem(() -> audit.scrubDetailsBefore(before, 10 * BATCH));
                        n += scrubbed;
                    } while (scrubbed > 0);
                }
            }
            done.put(rule.kind(), n);
        }
        return done;
    }

    /**
     * Visit and session drafts untouched for {@code app.retention.draft-days} days (issue #14): not a
     * rule of the schedule, whose unit is years; a draft is kept for days, then its owner has moved on.
     */
    private long purgeDrafts() {
        Instant before = clock.instant().minus(Duration.ofDays(draftDays));
        return asSystem(() -> (long) visitDrafts.purgeUntouchedSince(before) + sessionDrafts.purgeUntouchedSince(before));
    }

    static boolean tryLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void unlock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_unlock(" + LOCK + ")");
        }
    }
}
