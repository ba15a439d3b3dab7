package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.people.PersonAnonymisationService;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Speed of anonymisation (issue #16): generates N people (property {@code bench.anonymise}) with what
 * anonymisation must clear — a population group, a return for half, a closed case with two sessions
 * and their notes for three in ten, three audit entries each — and anonymises them the way the
 * retention job does: batches of {@link RetentionRunner#BATCH}, one short transaction each, as the
 * system. Off unless the property is set (it adds N people to the test database).
 * {@code ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AnonymisationBenchmarkIT -Dbench.anonymise=20000}
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "bench.anonymise", matches = "\\d+")
class AnonymisationBenchmarkIT extends ActingUsers {

    private static final AuditMessage BASIS = new AuditMessage("history.person.anonymisedRetention",
            List.of(AuditMessage.keys(List.of(RetentionKind.INACTIVE_PERSON.messageKey())), "10"), "benchmark");

    @Autowired
    PersonAnonymisationService anonymisation;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    @Test
    void anonymisesInBatches() throws IOException {
        int n = Integer.getInteger("bench.anonymise");
        long partner = partner("KRCT");
        long g0 = System.nanoTime();
        // Generated as the owner, in chunks: each statement commits on its own, and a chunk's
        // statements stay within the lock table (30,000 cases in one statement at 1 M people ran out
        // of shared memory: the case triggers take a lock per row).
        for (int from = 0; from < n; from += GENERATION_CHUNK) {
            generate(from, Math.min(GENERATION_CHUNK, n - from), partner);
        }
        try {
            jdbc.sql("analyze person, protection_case, counselling_session, audit_event").update();
        } catch (org.springframework.dao.DataAccessException e) {
            System.out.println("AnonymisationBenchmarkIT: analyze skipped (" + e.getMessage() + ")");
        }
        long generatedMs = (System.nanoTime() - g0) / 1_000_000;
        List<Long> ids = jdbc.sql("select id from person where registered_by = 'bench' and anonymised_at is null order by id")
                .query(Long.class).list();
        long people = jdbc.sql("select count(*) from person").query(Long.class).single();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        measure(n, ids, people, generatedMs, loadBefore);
    }

    private static final int GENERATION_CHUNK = 2_000;

    private void generate(int offset, int n, long partner) {
        List<Long> ids = jdbc.sql("""
                insert into person (given_name, family_name, father_name, other_names, phone, address, place_of_birth, sex, community,
                    registered_on, registered_by_partner, registered_by, birth_date, birth_precision, municipality_code)
                select 'Bench' || g, 'Anonymous' || (g % 7919), 'Father' || (g % 97), 'Other ' || g, '+383 44 ' || g, 'Rruga ' || g, 'Pejë',
                    case when g % 2 = 0 then 'FEMALE' else 'MALE' end, 'ROMA', date '2010-01-01', :p, 'bench',
                    date '1950-01-01' + (g % 25000), 'EXACT', 'PEJ'
                from generate_series(:from, :to) g
                returning id""").param("p", partner).param("from", offset + 1).param("to", offset + n).query(Long.class).list();
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("insert into person_group (person_id, group_code, start_date, displacement_place) select id, 'IDP', date '2010-01-01',"
                + " 'WITHIN_KOSOVO' from unnest(cast(:ids as bigint[])) id").param("ids", array).update();
        jdbc.sql("insert into return_event (person_id, return_date, returned_from, municipality_code, assisted, recorded_by)"
                + " select id, date '2012-05-01', 'SERBIA', 'PEJ', true, 'bench' from unnest(cast(:ids as bigint[])) id where id % 2 = 0")
                .param("ids", array).update();
        jdbc.sql("insert into protection_case (case_type, principal_person_id, owning_partner, assigned_to, priority, status, opened_on,"
                + " closed_on, outcome, summary, confidential_note) select 'CIVIL_DOCUMENTATION', id, :p, 'lawyer.krct', 'NORMAL', 'CLOSED',"
                + " date '2012-01-01', date '2013-01-01', 'DOCUMENT_OBTAINED', 'Summary of ' || id, 'Confidential ' || id"
                + " from unnest(cast(:ids as bigint[])) id where id % 10 < 3").param("p", partner).param("ids", array).update();
        jdbc.sql("insert into counselling_session (case_id, person_id, owning_partner, counsellor, held_at, duration_minutes, mode, aid_type,"
                + " summary, outcome, next_steps, created_by) select c.id, c.principal_person_id, :p, 'lawyer.krct',"
                + " timestamptz '2012-03-01 10:00' + s * interval '1 day', 45, 'OFFICE', 'COUNSELLING', 'Talked about ' || c.id, 'ok', 'next',"
                + " 'bench' from protection_case c, generate_series(1, 2) s where c.principal_person_id = any(cast(:ids as bigint[]))")
                .param("p", partner).param("ids", array).update();
        jdbc.sql("insert into audit_event (actor, action, entity_type, entity_id, details) select 'bench', 'PERSON_UPDATED', 'person', id::text,"
                + " 'givenName: Bench → Bench' || id from unnest(cast(:ids as bigint[])) id, generate_series(1, 3)").param("ids", array).update();
    }

    private void measure(int n, List<Long> ids, long people, long generatedMs, double loadBefore) throws IOException {
        long t0 = System.nanoTime();
        long slowestBatchMs = 0;
        int done = 0;
        for (int i = 0; i < ids.size(); i += RetentionRunner.BATCH) {
            List<Long> batch = ids.subList(i, Math.min(ids.size(), i + RetentionRunner.BATCH));
            long b0 = System.nanoTime();
            done += system.runAsSystem(() -> anonymisation.anonymise(batch, BASIS)).size();
            slowestBatchMs = Math.max(slowestBatchMs, (System.nanoTime() - b0) / 1_000_000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String line = String.format(java.util.Locale.ROOT,
                "anonymised %d of %d people (database: %d people) in %.1f s = %.0f people/s; batches of %d, slowest %d ms;"
                        + " generation %d ms; load average %.2f before, %.2f after",
                done, n, people, seconds, done / seconds, RetentionRunner.BATCH, slowestBatchMs, generatedMs, loadBefore, loadAfter);
        System.out.println("AnonymisationBenchmarkIT: " + line);
        Files.writeString(Path.of("target", "anonymisation-benchmark.txt"), line + System.lineSeparator());
        assertThat(done).isEqualTo(n);
        assertThat(jdbc.sql("select count(*) from person where registered_by = 'bench' and (phone is not null or given_name like 'Bench%')")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from counselling_session where created_by = 'bench' and summary is not null")
                .query(Long.class).single()).isZero();
    }
}
