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
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
            try {
                return call(() -> {
                    inside.countDown();
                    await(finish);
                    return "first";
                });
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bulkhead.busy()).isEqualTo(1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> call(() -> "second")).isInstanceOf(ReportsBusyException.class)
                .hasMessageContaining("1 report slots");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
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

    private record Invocation(Supplier<Object> work) implements MethodInvocation {

        @Override
        public Method getMethod() {
            try {
                return Supplier.class.getMethod("get");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
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
