package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.db.ConnectionGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app's transactions queue for connections first come, first served (shared.db.ConnectionGate,
 * issue #17): on the real pool and database, many threads with commits, rollbacks and a transaction
 * begun inside another never hold more permits than the pool has connections, and every permit is
 * given back.
 */
@SpringBootTest(properties = {
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.minimum-idle=3",
        "spring.datasource.hikari.connection-timeout=10000"})
class ConnectionGateIT {

    @Autowired
    JpaTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void transactionsShareThePoolsConnectionsAndGiveEveryPermitBack() throws Exception {
        ConnectionGate gate = ((RowSecurityTransactionManager) transactions).gate();
        assertThat(gate).as("the fair queue is on by default").isNotNull();
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger rolledBack = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> users = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            int user = t;
            users.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        boolean fail = (user + i) % 5 == 0;
                        outer.executeWithoutResult(status -> {
                            mostHeld.accumulateAndGet(gate.busy(), Math::max);
                            jdbc.sql("select pg_sleep(0.002)").query().singleValue();
                            if (fail) {
                                throw new IllegalStateException("rolled back on purpose");
                            }
                        });
                        committed.incrementAndGet();
                    } catch (IllegalStateException expected) {
                        rolledBack.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread user : users) {
            user.join(60_000);
        }
        assertThat(failures).as("no transaction waited out the connection timeout").isEmpty();
        assertThat(committed.get() + rolledBack.get()).isEqualTo(12 * 25);
        assertThat(rolledBack.get()).isEqualTo(60);
        assertThat(mostHeld.get()).isBetween(1, 3);
        assertThat(gate.busy()).as("permits held after every transaction ended").isZero();

        // One thread: a transaction begun inside another takes no second permit (with one permit
        // left it would otherwise wait for its own caller), and both give back what they took.
        Integer heldInside = outer.execute(status -> inner.execute(s -> gate.busy()));
        assertThat(heldInside).isEqualTo(1);
        assertThat(gate.busy()).isZero();
        assertThat(gate.waiting()).isZero();
    }
}
