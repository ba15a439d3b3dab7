package org.protectioncases.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Transactions get their connection in the order they asked for one (issue #17). The pool
 * (HikariCP) is not fair under load: a connection given back is offered to the longest waiter, but
 * a thread that asks at that moment takes it first. With 40 users and 10 connections, some requests
 * then never waited and others waited again and again: in the stress run (docs/benchmarks.md,
 * session 13) every kind of casework request, from a 8 ms case list to a 20 ms case page, had the
 * same p95 of 0.6-1 s while its median was 30-70 ms.
 *
 * <p>The gate has as many permits as the pool has connections and hands them out first come, first
 * served ({@link Semaphore} in fair mode). A thread's outermost transaction takes one permit and
 * gives it back when it ends; a transaction begun inside it (REQUIRES_NEW) takes none, so the gate
 * adds no wait that the pool would not have (and cannot deadlock where the pool would not). A
 * transaction that gets no permit within the pool's own connection timeout fails as the pool would:
 * {@link CannotCreateTransactionException}, which the UI shows as "the database is busy or cannot be
 * reached, what you typed is kept" ({@link DatabaseOutages}).
 */
public final class ConnectionGate {

    /** The transactions this thread has begun and not yet ended (outermost = 1). */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Semaphore permits;
    private final int size;
    private final Duration wait;

    public ConnectionGate(int size, Duration wait) {
        if (size < 1) {
            throw new IllegalArgumentException("a connection gate needs at least one permit: " + size);
        }
        this.size = size;
        this.wait = wait;
        this.permits = new Semaphore(size, true);
    }

    /** A gate as wide as the pool behind {@code dataSource}, waiting as long as the pool does; null if it is not a Hikari pool. */
    public static @Nullable ConnectionGate forPool(@Nullable DataSource dataSource) {
        try {
            if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                return new ConnectionGate(pool.getMaximumPoolSize(), Duration.ofMillis(pool.getConnectionTimeout()));
            }
        } catch (SQLException notAPool) {
            return null;
        }
        return null;
    }

    /** Before a transaction takes its connection: the thread's outermost transaction waits its turn. */
    public void enter() {
        int[] depth = DEPTH.get();
        if (depth[0] == 0) {
            boolean entered;
            try {
                entered = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                entered = false;
            }
            if (!entered) {
                throw new CannotCreateTransactionException("No database connection within " + wait.toMillis() + " ms",
                        new SQLTransientConnectionException("all " + size + " connections in use for " + wait.toMillis() + " ms"));
            }
        }
        depth[0]++;
    }

    /** After a transaction ended (or failed to begin): the outermost one gives its permit back. */
    public void leave() {
        int[] depth = DEPTH.get();
        if (depth[0] == 0) {
            return; // never entered on this thread: nothing to give back
        }
        if (--depth[0] == 0) {
            DEPTH.remove();
            permits.release();
        }
    }

    /** Permits held now (for tests and diagnostics). */
    public int busy() {
        return size - permits.availablePermits();
    }

    /** Threads waiting for a permit now (for tests and diagnostics). */
    public int waiting() {
        return permits.getQueueLength();
    }
}
