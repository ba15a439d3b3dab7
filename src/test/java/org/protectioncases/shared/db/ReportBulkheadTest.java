package org.protectioncases.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReportBulkheadTest {

    private final ReportBulkhead.Interceptor bulkhead = new ReportBulkhead.Interceptor(() -> 1, Duration.ofMillis(300));

    /** A call through the bulkhead that runs {@code work} as the report's body. */
    private Object call(Supplier<Object> work) throws Throwable {
        return bulkhead.invoke(new Invocation(work));
    }

    @Test
    void aReportThatFindsEverySlotTakenWaitsThenIsRefusedAndRunsOnceASlotIsFree() throws Throwable {
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Object> first = holdTheSlot(finish);
        assertThat(bulkhead.busy()).isEqualTo(1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> call(() -> "second")).isInstanceOf(ReportsBusyException.class)
                .hasMessageContaining("1 report slots");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("slow report");
        assertThat(bulkhead.busy()).isZero();
        assertThat(call(() -> "third")).isEqualTo("third");
    }

    @Test
    void reportSlotsAreAThirdOfThePoolAndAtMostHalfTheProcessors() {
        assertThat(ReportBulkhead.slotsFor(10, 2)).isEqualTo(1);
        assertThat(ReportBulkhead.slotsFor(10, 8)).isEqualTo(3);
        assertThat(ReportBulkhead.slotsFor(30, 8)).isEqualTo(4);
        assertThat(ReportBulkhead.slotsFor(2, 1)).isEqualTo(1);
        assertThat(ReportBulkhead.slotsFor(4, 16)).isEqualTo(1);
    }

    @Test
    void aReportInsideAReportTakesNoSecondSlot() throws Throwable {
        // With one slot, a nested report would wait for the slot its own caller holds.
        Object result = call(() -> {
            try {
                return call(() -> "nested ran with " + bulkhead.busy() + " slot busy");
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(result).isEqualTo("nested ran with 1 slot busy");
        assertThat(bulkhead.busy()).isZero();
    }

    /** A report marked {@code @ReportWork(cached = true)}, as the factsheet is. */
    @ReportWork(cached = true)
    public Object cachedReport() {
        return "marked";
    }

    private Object callCached(Supplier<Object> work) throws Throwable {
        return bulkhead.invoke(new Invocation(work, ReportBulkheadTest.class.getMethod("cachedReport")));
    }

    /** Holds the only slot until {@code release}; returns once it is held. */
    private CompletableFuture<Object> holdTheSlot(CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> {
            try {
                return call(() -> {
                    inside.countDown();
                    await(release);
                    return "slow report";
                });
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    @Test
    void aCachedAnswerDoesNotWaitForTheSlotAnotherReportHolds() throws Throwable {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> slow = holdTheSlot(release);
        long start = System.nanoTime();
        Object answer = callCached(() -> ReportBulkhead.cachedOnly() ? "from the cache" : "computed");
        assertThat(answer).isEqualTo("from the cache");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
        assertThat(ReportBulkhead.cachedOnly()).as("the cached-only mode ends with the attempt").isFalse();
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow report");
        // With a slot free, the report just runs (and may compute).
        assertThat(callCached(() -> ReportBulkhead.cachedOnly() ? "from the cache" : "computed")).isEqualTo("computed");
    }

    @Test
    void aCacheMissWaitsForASlotAndThenComputes() throws Throwable {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> slow = holdTheSlot(release);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        // A thread of its own: the common pool has one thread on two cores, and the holder blocks it.
        CompletableFuture<Object> miss = CompletableFuture.supplyAsync(() -> {
            try {
                return callCached(() -> {
                    runs.incrementAndGet();
                    if (ReportBulkhead.cachedOnly()) {
                        throw ReportBulkhead.notCached();
                    }
                    return "computed with " + bulkhead.busy() + " slot busy";
                });
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, r -> Thread.ofPlatform().start(r));
        // Its attempt from the cache has missed: it now waits for the slot.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runs.get() < 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(runs.get()).isOne();
        assertThat(miss).as("a miss waits while the slot is held").isNotDone();
        release.countDown();
        assertThat(miss.get(5, TimeUnit.SECONDS)).isEqualTo("computed with 1 slot busy");
        assertThat(runs.get()).as("one attempt from the cache, one computation").isEqualTo(2);
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow report");
        assertThat(bulkhead.busy()).isZero();
    }

    @Test
    void aFailingReportGivesItsSlotBack() {
        assertThatThrownBy(() -> call(() -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(bulkhead.busy()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Invocation(Supplier<Object> work, Method method) implements MethodInvocation {

        Invocation(Supplier<Object> work) {
            this(work, supplierGet());
        }

        private static Method supplierGet() {
            try {
                return Supplier.class.getMethod("get");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Object[] getArguments() {
            return new Object[0];
        }

        @Override
        public @Nullable Object proceed() {
            return work.get();
        }

        @Override
        public Object getThis() {
            return work;
        }

        @Override
        public AccessibleObject getStaticPart() {
            return getMethod();
        }
    }
}
