package org.protectioncases.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class ConnectionGateTest {

    @Test
    void aTransactionInsideATransactionTakesNoSecondPermit() {
        ConnectionGate gate = new ConnectionGate(1, Duration.ofMillis(200));
        gate.enter();
        gate.enter(); // REQUIRES_NEW on the same thread: with one permit, a second would wait for itself
        assertThat(gate.busy()).isEqualTo(1);
        gate.leave();
        assertThat(gate.busy()).isEqualTo(1);
        gate.leave();
        assertThat(gate.busy()).isZero();
        gate.leave(); // a stray leave gives nothing back twice
        assertThat(gate.busy()).isZero();
    }

    @Test
    void aTransactionThatGetsNoPermitInTimeFailsAsAnUnreachableDatabaseDoes() throws Exception {
        ConnectionGate gate = new ConnectionGate(1, Duration.ofMillis(300));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            gate.enter();
            held.countDown();
            await(release);
            gate.leave();
        });
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThatThrownBy(gate::enter).isInstanceOf(CannotCreateTransactionException.class)
                .satisfies(e -> assertThat(DatabaseOutages.isOutage(e)).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        release.countDown();
        holder.join(5_000);
        gate.enter(); // the failed attempt left nothing behind on this thread
        assertThat(gate.busy()).isEqualTo(1);
        gate.leave();
        assertThat(gate.busy()).isZero();
    }

    @Test
    void waitersGetTheirPermitInTheOrderTheyAsked() throws Exception {
        ConnectionGate gate = new ConnectionGate(1, Duration.ofSeconds(10));
        gate.enter();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            waiters.add(Thread.ofPlatform().start(() -> {
                gate.enter();
                order.add(n);
                gate.leave();
            }));
            // Each waiter queued before the next asks.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (gate.waiting() < i + 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(gate.waiting()).isEqualTo(i + 1);
        }
        gate.leave();
        for (Thread waiter : waiters) {
            waiter.join(5_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(gate.busy()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
