package org.protectioncases.people;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a check: times the bulk registration of the import (issue #15) chunk by chunk in one
 * transaction, as an AT coordinator, to see whether the cost of a row grows with the rows written
 * before it in the same transaction, and what the gapless number counter costs alone. Rolled back.
 * Off in the suite; {@code -Dwrite.plans=true -Dwrite.plans.rows=20000} (docs/benchmarks.md, "Session 12").
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "write.plans", matches = "true")
class BulkWritePlansIT extends ActingUsers {

    @Autowired
    PersonBulkService bulk;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @OwnerDatabase
    JdbcTemplate owner;

    @Test
    void printChunkTimes() throws Exception {
        int n = Integer.getInteger("write.plans.rows", 20_000);
        Random random = new Random(42);
        List<PersonBulkService.Registration> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder family = new StringBuilder("W");
            for (int k = 0; k < 9; k++) {
                family.append((char) ('a' + random.nextInt(26)));
            }
            all.add(new PersonBulkService.Registration(PersonForm.of("Arta", family.toString(), Sex.FEMALE, LocalDate.of(1980, 1, 1), null,
                    Community.ALBANIAN, "PRI"), List.of(), i % 3 == 0 ? PopulationGroup.IDP : null, i % 3 == 0 ? LocalDate.of(1999, 7, 1) : null,
                    i % 3 == 0 ? DisplacementPlace.WITHIN_KOSOVO : null));
        }
        as(Role.PARTNER_COORDINATOR, "AT", () -> tx.execute(status -> {
            for (int from = 0; from < n; from += 500) {
                long t = System.nanoTime();
                bulk.registerAll(all.subList(from, Math.min(n, from + 500)), "plans");
                if (from % 5_000 == 0 || from + 500 >= n) {
                    System.out.printf("PLANS registerAll rows %d-%d: %.3f s%n", from, from + 500, (System.nanoTime() - t) / 1e9);
                }
            }
            status.setRollbackOnly();
            return null;
        }));
        // The gapless counter alone: one upsert of the same row per number, in one transaction.
        try (Connection c = owner.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (int from = 0; from < n; from += 500) {
                    long t = System.nanoTime();
                    s.execute("select count(pc_next_number('plans', 2026)) from generate_series(1, 500)");
                    if (from % 5_000 == 0 || from + 500 >= n) {
                        System.out.printf("PLANS pc_next_number %d-%d: %.3f s%n", from, from + 500, (System.nanoTime() - t) / 1e9);
                    }
                }
            }
            c.rollback();
        }
    }
}
