package org.protectioncases.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.ServiceInputValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A bulkhead between reports and casework (issue #17): methods marked {@link ReportWork} run at
 * most {@code app.db.report-concurrency} at a time (default: a third of the connection pool and
 * half the processors, at least one), so reports and exports can never hold every pooled
 * connection, nor every core, while lawyers open records. A report that finds every slot taken waits up to {@code app.db.report-wait} (default
 * 20 s) and is then refused with {@link ReportsBusyException}.
 *
 * <p>A method marked {@code @ReportWork(cached = true)} that finds every slot taken is first run
 * without one, answering only from its cache ({@link #cachedOnly()}); only a miss waits for a slot.
 *
 * <p>Ordered after input validation and before the transaction interceptor: a waiting report
 * holds no connection. A report that calls another report (the factsheet PDF computes the
 * factsheet) takes one slot, not two, so nested calls cannot deadlock the bulkhead.
 */
@Configuration(proxyBeanMethods = false)
public class ReportBulkhead {

    /** Set while a cacheable report runs without a slot: it may answer from its cache only. */
    private static final ThreadLocal<Boolean> CACHED_ONLY = new ThreadLocal<>();

    /** Thrown by a cache asked, while {@link #cachedOnly()}, for what it does not hold: the report then waits for a slot. */
    public static final class NotCachedException extends RuntimeException {

        private NotCachedException() {
            super("not in the report cache; waits for a report slot", null, false, false);
        }
    }

    /** Whether the running report may answer from a cache only (it holds no report slot). */
    public static boolean cachedOnly() {
        return CACHED_ONLY.get() != null;
    }

    /** What a cache throws when {@link #cachedOnly()} and it does not hold the answer. */
    public static NotCachedException notCached() {
        return new NotCachedException();
    }

    /** After method security (100..800) and input validation, before transactions (lowest precedence). */
    public static final int ORDER = ServiceInputValidation.ORDER + 100;

    private static final Logger log = LoggerFactory.getLogger(ReportBulkhead.class);

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor reportBulkheadAdvisor(ObjectProvider<DataSource> dataSource, Environment env) {
        int configured = env.getProperty("app.db.report-concurrency", Integer.class, 0);
        Duration wait = DurationStyle.detectAndParse(env.getProperty("app.db.report-wait", "20s"));
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(ReportWork.class),
                new Interceptor(() -> configured > 0 ? configured : slotsFor(dataSource.getIfAvailable()), wait));
        advisor.setOrder(ORDER);
        return advisor;
    }

    /** {@link #slotsFor(int, int)} for the pool behind {@code dataSource} (10 when unknown) and this machine's processors. */
    static int slotsFor(@Nullable DataSource dataSource) {
        int pool = 10;
        try {
            if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)) {
                pool = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
            }
        } catch (SQLException notAPool) {
            log.debug("Pool size unknown, taken as 10", notAPool);
        }
        return slotsFor(pool, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A third of the pool (a pool of 10 leaves 7 connections to casework), and no more than half the
     * processors: a report is CPU-bound in PostgreSQL, and with the embedded database on the same
     * machine three reports on two cores took the CPU casework needed. In the stress run of
     * docs/benchmarks.md (session 13, 1 M people, two cores) casework p95 went from 526 ms with three
     * slots to 330 ms with one; the reports waited longer (p95 6.2 s to 14.5 s, under the 20 s limit).
     * With an external database on a larger server, set {@code app.db.report-concurrency} to its cores.
     */
    static int slotsFor(int poolSize, int processors) {
        return Math.max(1, Math.min(poolSize / 3, processors / 2));
    }

    /** How many slots; asked once, at the first report (the pool exists by then). */
    interface Slots {
        int count();
    }

    static final class Interceptor implements MethodInterceptor {

        private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

        private final Slots slots;
        private final Duration wait;
        private volatile @Nullable Semaphore semaphore;
        private volatile int size;

        Interceptor(Slots slots, Duration wait) {
            this.slots = slots;
            this.wait = wait;
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            if (INSIDE.get() != null) {
                return invocation.proceed(); // a report inside a report: its slot is already held
            }
            if (CACHED_ONLY.get() != null) {
                throw notCached(); // a report inside a cached-only attempt needs a slot of its own
            }
            Semaphore gate = semaphore();
            boolean entered;
            try {
                // A free slot is taken at once (in turn: the semaphore is fair even with no wait).
                entered = gate.tryAcquire(0, TimeUnit.MILLISECONDS);
                if (!entered && cacheable(invocation)) {
                    Object cached = fromCache(invocation);
                    if (cached != NOT_CACHED) {
                        return cached;
                    }
                }
                entered = entered || gate.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                entered = false;
            }
            if (!entered) {
                log.warn("Report refused: all {} report slots busy for {} ({})", size, wait, invocation.getMethod().getName());
                throw new ReportsBusyException(size, wait.toMillis());
            }
            INSIDE.set(Boolean.TRUE);
            try {
                return invocation.proceed();
            } finally {
                INSIDE.remove();
                gate.release();
            }
        }

        private static final Object NOT_CACHED = new Object();

        /**
         * Marked as cached, and called outside any transaction: a miss inside a caller's transaction
         * would mark that transaction rollback-only as it passes through.
         */
        private static boolean cacheable(MethodInvocation invocation) {
            ReportWork work = invocation.getMethod().getAnnotation(ReportWork.class);
            return work != null && work.cached() && !TransactionSynchronizationManager.isActualTransactionActive();
        }

        /** The call's answer from its cache, run without a slot (its own transaction and all), or NOT_CACHED. */
        private static @Nullable Object fromCache(MethodInvocation invocation) throws Throwable {
            MethodInvocation attempt = invocation instanceof ProxyMethodInvocation proxied ? proxied.invocableClone() : invocation;
            CACHED_ONLY.set(Boolean.TRUE);
            try {
                return attempt.proceed();
            } catch (NotCachedException miss) {
                return NOT_CACHED;
            } finally {
                CACHED_ONLY.remove();
            }
        }

        private Semaphore semaphore() {
            Semaphore s = semaphore;
            if (s == null) {
                synchronized (this) {
                    s = semaphore;
                    if (s == null) {
                        size = slots.count();
                        s = new Semaphore(size, true);
                        semaphore = s;
                    }
                }
            }
            return s;
        }

        /** Slots in use now (for tests and diagnostics). */
        int busy() {
            Semaphore s = semaphore;
            return s == null ? 0 : size - s.availablePermits();
        }
    }
}
