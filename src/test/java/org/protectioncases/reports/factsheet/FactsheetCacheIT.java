package org.protectioncases.reports.factsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #17: a repeated factsheet comes from the cache, and any committed change to what it counts
 * (also one that was still open while the factsheet was computed) is seen by the next request.
 * Works in 2001, a year no other test counts, and removes what it adds.
 */
@SpringBootTest
class FactsheetCacheIT extends ActingUsers {

    private static final int YEAR = 2001;
    private static final LocalDate AS_OF = LocalDate.of(2001, 12, 31);

    @Autowired
    FactsheetService factsheets;
    @Autowired
    FactsheetCache cache;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient appJdbc;

    @AfterEach
    void removeTestRows() {
        jdbc.sql("delete from person_group where start_date = date '2001-03-07'").update();
    }

    private BigDecimal asylumSeekers() {
        return as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.factsheet(YEAR, AS_OF)).asylumSeekers().value();
    }

    /** As start-up work on the app's connection: inside a caller's transaction it joins it (uncommitted until that commits). */
    private void addAsylumSeeker() {
        system.runAsAdmin(() -> tx.execute(status -> appJdbc.sql("insert into person_group (person_id, group_code, start_date) select min(id), 'ASYLUM_SEEKER', date '2001-03-07'"
                + " from person where merged_into_id is null and id not in (select person_id from person_group where start_date = date '2001-03-07')")
                .update()));
    }

    @Test
    void aRepeatedFactsheetIsServedFromTheCacheUntilCountedDataChanges() {
        BigDecimal before = asylumSeekers();
        long hits = cache.hits();
        assertThat(asylumSeekers()).isEqualTo(before);
        assertThat(cache.hits()).as("second request served from the cache").isEqualTo(hits + 1);

        addAsylumSeeker();
        long misses = cache.misses();
        assertThat(asylumSeekers()).isEqualTo(before.add(BigDecimal.ONE));
        assertThat(cache.misses()).as("recomputed after the change").isEqualTo(misses + 1);
    }

    @Test
    void aChangeStillOpenWhileTheFactsheetWasComputedIsSeenOnceCommitted() throws Exception {
        BigDecimal before = asylumSeekers();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // The writer is start-up work (SYSTEM): row-level security lets a transaction without a user write nothing.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> system.runAsAdmin(() -> tx.execute(status -> {
            addAsylumSeeker();
            written.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        })));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        // Computed (and cached) while the new row is written but not committed: not counted yet.
        assertThat(asylumSeekers()).isEqualTo(before);
        commit.countDown();
        writer.get(30, TimeUnit.SECONDS);
        assertThat(asylumSeekers()).as("the cached figure is not reused after the commit").isEqualTo(before.add(BigDecimal.ONE));
    }
}
