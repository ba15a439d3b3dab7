package org.protectioncases.imports;

import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;

/**
 * Dry runs and imports in the background, so a file of tens of thousands of rows neither holds a
 * browser request nor depends on the page staying open: the coordinator sees the rows done so far,
 * may leave and come back ({@link #current}), and one job at a time runs per partner. A job runs as
 * the user who started it (their partner scope and row-level security), through {@link ImportService}
 * and its transaction: an import that fails saves nothing and leaves a failed batch with the reason.
 * Jobs live in this node's memory; a restart loses the job, and its transaction, with nothing saved.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** How long a finished job's outcome (and the file it holds) is kept for its user to come back to. */
    static final Duration KEEP_FINISHED = Duration.ofHours(2);

    public enum Kind { DRY_RUN, IMPORT }

    public enum State { RUNNING, DONE, REFUSED, FAILED }

    /**
     * A job as its user sees it. {@code dryRun}: the dry run's result (DRY_RUN, DONE); {@code batch}:
     * the imported or failed batch; {@code refusal}: why the import did not start (nothing saved: a
     * file imported before, rows in the way of "all or nothing", another import running).
     */
    public record Status(Kind kind, State state, int done, int total, UploadedFile file, ColumnMapping mapping,
                         @Nullable DryRunResult dryRun, @Nullable BatchSummary batch, @Nullable RuntimeException refusal) {

        public boolean running() {
            return state == State.RUNNING;
        }
    }

    private static final class Job {
        final long partnerId;
        final Kind kind;
        final UploadedFile file;
        final ColumnMapping mapping;
        volatile int done;
        volatile int total;
        volatile State state = State.RUNNING;
        volatile @Nullable DryRunResult dryRun;
        volatile @Nullable BatchSummary batch;
        volatile @Nullable RuntimeException refusal;
        volatile @Nullable Instant finishedAt;

        Job(long partnerId, Kind kind, UploadedFile file, ColumnMapping mapping) {
            this.partnerId = partnerId;
            this.kind = kind;
            this.file = file;
            this.mapping = mapping;
            this.total = file.table().rows().size();
        }

        Status status() {
            return new Status(kind, state, done, total, file, mapping, dryRun, batch, refusal);
        }
    }

    private final ImportService imports;
    private final CurrentUser currentUser;
    private final SecurityContextHolderStrategy contexts;
    /** The latest job of each user (by partner and username: system users of tests share a name). */
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("import-", 0).factory());
    Clock clock = Clock.systemUTC();

    ImportJobs(ImportService imports, CurrentUser currentUser, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.imports = imports;
        this.currentUser = currentUser;
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Starts a dry run of the file; refused ({@link ImportBusyException}) while a job of the partner runs. */
    @Allowed(Permission.IMPORT_RECORDS)
    public Status startDryRun(UploadedFile file, ColumnMapping mapping) {
        return start(Kind.DRY_RUN, file, mapping, job -> {
            job.dryRun = imports.dryRun(file, mapping, progress(job));
            return State.DONE;
        });
    }

    /**
     * Starts the import of the file ({@link ImportService#importFile}); refused
     * ({@link ImportBusyException}) while a job of the partner runs. What the import itself refuses
     * (a file imported before, rows in the way) ends the job as REFUSED with the exception.
     */
    @Allowed(Permission.IMPORT_RECORDS)
    public Status startImport(UploadedFile file, ColumnMapping mapping, Map<Integer, Decision> decisions, ImportMode mode,
                              boolean evenIfImportedBefore) {
        Map<Integer, Decision> copy = Map.copyOf(decisions);
        return start(Kind.IMPORT, file, mapping, job -> {
            try {
                job.batch = imports.importFile(file, mapping, copy, mode, evenIfImportedBefore, progress(job));
                return State.DONE;
            } catch (AlreadyImportedException | ImportRefusedException | ImportBusyException e) {
                job.refusal = e;
                return State.REFUSED;
            } catch (RuntimeException e) {
                ImportFailure failure = e instanceof FieldValidationException || e instanceof ConstraintViolationException
                        ? ImportFailure.RULES : e instanceof DataAccessException ? ImportFailure.DATABASE : ImportFailure.UNEXPECTED;
                log.error("Import of {} failed ({}); its transaction rolled back", file.fileName(), failure, e);
                job.batch = imports.recordFailure(mapping.kind(), file, mode, failure);
                return State.FAILED;
            }
        });
    }

    /** The user's latest job, running or finished (kept {@link #KEEP_FINISHED} after it ended), if any. */
    @Allowed(Permission.IMPORT_RECORDS)
    public Optional<Status> current() {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> {
            Instant finished = j.finishedAt;
            return finished != null && finished.plus(KEEP_FINISHED).isBefore(now);
        });
        return Optional.ofNullable(jobs.get(key(currentUser.require()))).map(Job::status);
    }

    /** Forgets the user's finished job (the page moves on to a new file). */
    @Allowed(Permission.IMPORT_RECORDS)
    public void dismiss() {
        jobs.computeIfPresent(key(currentUser.require()), (user, job) -> job.state == State.RUNNING ? job : null);
    }

    private synchronized Status start(Kind kind, UploadedFile file, ColumnMapping mapping, Function<Job, State> work) {
        AppUser user = currentUser.require();
        long partnerId = Objects.requireNonNull(user.partnerId());
        if (jobs.values().stream().anyMatch(j -> j.partnerId == partnerId && j.state == State.RUNNING)) {
            throw new ImportBusyException();
        }
        Job job = new Job(partnerId, kind, file, mapping);
        jobs.put(key(user), job);
        Authentication auth = contexts.getContext().getAuthentication();
        executor.execute(() -> {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(auth);
            contexts.setContext(context);
            State end = State.FAILED;
            try {
                end = work.apply(job);
                if (end == State.DONE) {
                    job.done = job.total;
                }
            } catch (RuntimeException e) {
                log.error("{} of {} failed", kind, file.fileName(), e);
            } finally {
                contexts.clearContext();
                job.finishedAt = clock.instant();
                job.state = end;
            }
        });
        return job.status();
    }

    private static String key(AppUser user) {
        return user.partnerId() + ":" + user.getUsername();
    }

    private static ImportProgress progress(Job job) {
        return (done, total) -> {
            job.total = total;
            job.done = done;
        };
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
