package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonAnonymisationService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The retention schedule on generated records whose ages straddle the limits by a day: dry run
 * (managers by partner, coordinators their own records only), legal hold, the run itself, and the
 * advisory lock that lets one node run while another skips. The rules are set to 50 years here, so
 * only this test's records (dated around 1976) are due and the demo data other tests use stays.
 */
@SpringBootTest
class RetentionIT extends ActingUsers {

    static final int YEARS = 50;

    @Autowired
    RetentionService retention;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    LocalDate cutoff;
    long krct;
    long crpk;

    @BeforeEach
    void rulesAtFiftyYears() {
        cutoff = LocalDate.now().minusYears(YEARS);
        krct = partner("KRCT");
        crpk = partner("CRPK");
        for (RetentionRule rule : as(Role.UNHCR_MANAGER, "UNHCR", retention::rules)) {
            as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.updateRule(rule.kind(), YEARS, true, rule.version()));
        }
    }

    @AfterEach
    void defaultRules() {
        // The open case opened fifty years ago would otherwise count as "persons reached" in every later
        // year of other tests' activity reports (the test database is shared): close it the day it opened.
        jdbc.sql("update protection_case set status = 'CLOSED', closed_on = opened_on, outcome = 'LOST_CONTACT'"
                + " where assigned_to = 'retention.test' and status <> 'CLOSED'").update();
        Map<RetentionKind, Integer> defaults = Map.of(RetentionKind.INACTIVE_PERSON, 10, RetentionKind.CLOSED_CASE, 5,
                RetentionKind.ATTACHMENT, 5, RetentionKind.ACCESS_LOG, 5, RetentionKind.AUDIT_DETAILS, 10);
        for (RetentionRule rule : as(Role.UNHCR_MANAGER, "UNHCR", retention::rules)) {
            as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.updateRule(rule.kind(), defaults.get(rule.kind()), true, rule.version()));
        }
    }

    /** A person registered and last changed on {@code on}, owned by the partner (plain SQL: the dates are the point). */
    private long person(String name, long partner, LocalDate on) {
        long id = jdbc.sql("insert into person (given_name, family_name, father_name, phone, address, sex, community, registered_on,"
                        + " registered_by_partner, registered_by, birth_date, birth_precision)"
                        + " values (:g, 'Retention', 'Father', '+383 44 000 000', 'Rruga 1', 'FEMALE', 'ROMA', :on, :p, 'test',"
                        + " date '1960-03-15', 'EXACT') returning id")
                .param("g", name).param("on", on).param("p", partner).query(Long.class).single();
        jdbc.sql("update person set created_at = :ts, updated_at = :ts where id = :id")
                .param("ts", Timestamp.valueOf(on.atTime(12, 0))).param("id", id).update();
        return id;
    }

    private long closedCase(long personId, long partner, LocalDate closedOn) {
        long id = jdbc.sql("insert into protection_case (case_type, principal_person_id, owning_partner, assigned_to, priority, status,"
                        + " opened_on, closed_on, outcome, summary, confidential_note)"
                        + " values ('CIVIL_DOCUMENTATION', :p, :o, 'retention.test', 'NORMAL', 'CLOSED', :opened, :closed, 'DOCUMENT_OBTAINED',"
                        + " 'Summary naming the person', 'Confidential') returning id")
                .param("p", personId).param("o", partner).param("opened", closedOn.minusMonths(6)).param("closed", closedOn)
                .query(Long.class).single();
        jdbc.sql("update protection_case set updated_at = :ts where id = :id")
                .param("ts", Timestamp.valueOf(closedOn.atTime(12, 0))).param("id", id).update();
        return id;
    }

    private String registrationNo(long personId) {
        return jdbc.sql("select registration_no from person where id = :id").param("id", personId).query(String.class).single();
    }

    private boolean anonymised(long personId) {
        return jdbc.sql("select anonymised_at is not null from person where id = :id").param("id", personId).query(Boolean.class).single();
    }

    private long dueCount(List<DueCount> counts, RetentionKind kind, String partnerCode) {
        return counts.stream().filter(c -> c.kind() == kind && partnerCode.equals(c.partnerCode())).mapToLong(DueCount::count).sum();
    }

    @Test
    void dryRunHoldAndRunTouchExactlyWhatIsDueByTheDay() throws Exception {
        LocalDate before = cutoff.minusDays(1);
        long due = person("Due", krct, before);
        long justInside = person("JustInside", krct, cutoff);                  // registered on the cut-off day: kept
        long returned = person("Returned", krct, before);
        jdbc.sql("insert into return_event (person_id, return_date, returned_from, municipality_code, assisted, recorded_by)"
                + " values (:p, :d, 'SERBIA', 'PRI', false, 'test')").param("p", returned).param("d", cutoff).update();
        long openCase = person("OpenCase", krct, before);
        jdbc.sql("insert into protection_case (case_type, principal_person_id, owning_partner, assigned_to, priority, status, opened_on)"
                + " values ('ASYLUM', :p, :o, 'retention.test', 'NORMAL', 'OPEN', :d)").param("p", openCase).param("o", krct).param("d", before).update();
        long held = person("Held", krct, before);
        long withOldCase = person("OldCase", krct, before);
        long oldCase = closedCase(withOldCase, krct, before.minusDays(1));
        long keptWithOldCase = person("KeptOldCase", krct, before);
        jdbc.sql("insert into person_group (person_id, group_code, start_date) values (:p, 'IDP', :d)")
                .param("p", keptWithOldCase).param("d", cutoff.plusDays(1)).update();
        long oldCaseOfKept = closedCase(keptWithOldCase, krct, before);
        long recentCase = closedCase(keptWithOldCase, krct, cutoff);
        long otherPartner = person("OtherPartner", crpk, before);
        jdbc.sql("insert into attachment (owner_kind, owner_id, file_name, content_type, size_bytes, sha256, storage, uploaded_by)"
                + " values ('CASE', :c, 'passport.pdf', 'application/pdf', 3, 'x', 'DATABASE', 'test')").param("c", oldCaseOfKept).update();
        jdbc.sql("insert into record_access (accessed_at, username, partner_id, entity_type, entity_id, granted) values"
                        + " (:old, 'lawyer.krct', :k, 'person', :p, true), (:recent, 'lawyer.krct', :k, 'person', :p, true)")
                .param("old", Timestamp.valueOf(before.atStartOfDay())).param("recent", Timestamp.valueOf(cutoff.plusDays(1).atStartOfDay()))
                .param("k", krct).param("p", due).update();
        // The old entry also carries a translated message (its arguments repeat the details): both go.
        jdbc.sql("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, message_key, message_args) values"
                        + " (:old, 'test', 'RETENTION_TEST', 'person', 'x', 'old details', 'history.session.logged', array['KOS-1', 'old']),"
                        + " (:recent, 'test', 'RETENTION_TEST', 'person', 'x', 'recent details', null, null)")
                .param("old", Timestamp.valueOf(before.atStartOfDay())).param("recent", Timestamp.valueOf(cutoff.plusDays(1).atStartOfDay()))
                .update();

        // Legal hold by a manager, with a reason; a coordinator may not place one.
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> retention.placeHold(registrationNo(held), "court")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.placeHold(registrationNo(held), " ")))
                .isInstanceOf(FieldValidationException.class);
        LegalHold hold = as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.placeHold(registrationNo(held), "Court case 12/2026 pending"));
        assertThat(hold.personId()).isEqualTo(held);

        // Dry run: managers by partner; coordinators their own records only; nothing changes.
        List<DueCount> counts = as(Role.UNHCR_MANAGER, "UNHCR", retention::dryRunCounts);
        assertThat(dueCount(counts, RetentionKind.INACTIVE_PERSON, "KRCT")).isEqualTo(2);   // due, withOldCase
        assertThat(dueCount(counts, RetentionKind.INACTIVE_PERSON, "CRPK")).isEqualTo(1);   // otherPartner
        assertThat(dueCount(counts, RetentionKind.CLOSED_CASE, "KRCT")).isEqualTo(2);       // oldCase, oldCaseOfKept
        assertThat(dueCount(counts, RetentionKind.ATTACHMENT, "KRCT")).isEqualTo(1);
        assertThat(counts).anySatisfy(c -> assertThat(c.kind()).isEqualTo(RetentionKind.ACCESS_LOG));
        List<DueCount> coordinatorCounts = as(Role.PARTNER_COORDINATOR, "KRCT", retention::dryRunCounts);
        assertThat(coordinatorCounts).allSatisfy(c -> assertThat(c.partnerCode()).isEqualTo("KRCT"));
        List<DueRecord> records = as(Role.PARTNER_COORDINATOR, "KRCT", retention::dryRunRecords);
        assertThat(records).filteredOn(r -> r.kind() == RetentionKind.INACTIVE_PERSON).extracting(DueRecord::id)
                .containsExactlyInAnyOrder(due, withOldCase);
        assertThat(records).filteredOn(r -> r.kind() == RetentionKind.CLOSED_CASE).extracting(DueRecord::id)
                .containsExactlyInAnyOrder(oldCase, oldCaseOfKept);
        assertThat(anonymised(due)).isFalse();
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "KRCT", retention::dryRunRecords)).isInstanceOf(AccessDeniedException.class);

        // Another node holds the lock: this one skips.
        try (Connection other = dataSource.getConnection()) {
            assertThat(RetentionRunner.tryLock(other)).isTrue();
            RetentionRunResult skipped = as(Role.UNHCR_MANAGER, "UNHCR", retention::runNow);
            assertThat(skipped.ran()).isFalse();
            assertThat(anonymised(due)).isFalse();
            other.createStatement().execute("select pg_advisory_unlock(" + RetentionRunner.LOCK + ")");
        }

        RetentionRunResult run = as(Role.UNHCR_MANAGER, "UNHCR", retention::runNow);
        assertThat(run.ran()).isTrue();
        assertThat(run.done().get(RetentionKind.INACTIVE_PERSON)).isEqualTo(3);
        assertThat(List.of(due, withOldCase, otherPartner)).allSatisfy(id -> assertThat(anonymised(id)).isTrue());
        assertThat(List.of(justInside, returned, openCase, held, keptWithOldCase)).allSatisfy(id -> assertThat(anonymised(id)).isFalse());
        assertThat(jdbc.sql("select given_name, family_name, coalesce(father_name, '-'), coalesce(phone, '-'), coalesce(address, '-')"
                        + " from person where id = :id")
                .param("id", due).query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).single())
                .containsExactly(PersonAnonymisationService.ANONYMISED_NAME, "", "-", "-", "-");
        assertThat(registrationNo(due)).startsWith("ANON-");
        // Closed cases: texts gone by the limit, figures kept; the recent one untouched.
        assertThat(jdbc.sql("select count(*) from protection_case where id in (:a, :b) and summary is null and confidential_note is null"
                + " and status = 'CLOSED' and outcome = 'DOCUMENT_OBTAINED'").param("a", oldCase).param("b", oldCaseOfKept).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select summary from protection_case where id = :id").param("id", recentCase).query(String.class).single())
                .isEqualTo("Summary naming the person");
        assertThat(jdbc.sql("select count(*) from attachment where owner_kind = 'CASE' and owner_id = :c").param("c", oldCaseOfKept)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'person' and entity_id = :p").param("p", due)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select details from audit_event where action = 'RETENTION_TEST' order by occurred_at").query(String.class).list())
                .containsExactly(AuditService.SCRUBBED, "recent details");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'RETENTION_TEST' and (message_key is not null or message_args is not null)")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LEGAL_HOLD_PLACED' and entity_id = :p")
                .param("p", String.valueOf(held)).query(Long.class).single()).isEqualTo(1);

        // Anonymised people are out of the dry run; a second run finds nothing more of theirs.
        assertThat(as(Role.PARTNER_COORDINATOR, "KRCT", retention::dryRunRecords)).isEmpty();
        RetentionRunResult again = as(Role.UNHCR_MANAGER, "UNHCR", retention::runNow);
        assertThat(again.done().get(RetentionKind.INACTIVE_PERSON)).isZero();

        // Released, the hold no longer protects.
        as(Role.UNHCR_MANAGER, "UNHCR", () -> {
            retention.releaseHold(hold.id());
            return null;
        });
        as(Role.UNHCR_MANAGER, "UNHCR", retention::runNow);
        assertThat(anonymised(held)).isTrue();
    }

    @Test
    void rulesAreManagersOnlyBoundedAndAudited() {
        RetentionRule rule = as(Role.UNHCR_MANAGER, "UNHCR", retention::rules).getFirst();
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> retention.updateRule(rule.kind(), 3, true, rule.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.updateRule(rule.kind(), 0, true, rule.version())))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsExactly(Map.entry("years", "dataprotection.validation.years")));
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.updateRule(rule.kind(), 101, true, rule.version())))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsExactly(Map.entry("years", "dataprotection.validation.years")));
        RetentionRule changed = as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.updateRule(rule.kind(), 7, false, rule.version()));
        assertThat(changed.years()).isEqualTo(7);
        assertThat(changed.enabled()).isFalse();
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> retention.updateRule(rule.kind(), 8, true, rule.version())))
                .as("a stale version").isInstanceOf(org.springframework.orm.ObjectOptimisticLockingFailureException.class);
        assertThat(jdbc.sql("select details from audit_event where action = 'RETENTION_RULE_CHANGED' and entity_id = :k order by id desc limit 1")
                .param("k", rule.kind().name()).query(String.class).single()).contains("years " + YEARS + " → 7");
    }

    /** Visit and session drafts untouched for {@code app.retention.draft-days} (30) days go with the run; newer ones stay. */
    @Test
    void theRunDeletesDraftsUntouchedForThirtyDays() {
        long oldVisit = visitDraft(krct, 31);
        long freshVisit = visitDraft(krct, 29);
        List<Long> cases = jdbc.sql("select id from protection_case where owning_partner = :p order by id limit 2")
                .param("p", crpk).query(Long.class).list();
        long oldSession = sessionDraft(crpk, cases.get(0), 40);
        long freshSession = sessionDraft(crpk, cases.get(1), 1);

        RetentionRunResult run = as(Role.UNHCR_MANAGER, "UNHCR", retention::runNow);
        assertThat(run.ran()).isTrue();
        assertThat(run.drafts()).isGreaterThanOrEqualTo(2);
        assertThat(count("visit_draft", oldVisit)).isZero();
        assertThat(count("session_draft", oldSession)).isZero();
        assertThat(count("visit_draft", freshVisit)).isEqualTo(1);
        assertThat(count("session_draft", freshSession)).isEqualTo(1);
        assertThat(jdbc.sql("select details from audit_event where action = 'RETENTION_RUN' order by id desc limit 1")
                .query(String.class).single()).contains("drafts=");
        jdbc.sql("delete from visit_draft where owner_username = 'retention.test'").update();
        jdbc.sql("delete from session_draft where owner_username = 'retention.test'").update();
    }

    private long visitDraft(long partner, int daysAgo) {
        return jdbc.sql("insert into visit_draft (owner_username, owning_partner, payload, created_at, updated_at)"
                        + " values ('retention.test', :p, '{}', now() - make_interval(days => :d), now() - make_interval(days => :d)) returning id")
                .param("p", partner).param("d", daysAgo).query(Long.class).single();
    }

    private long sessionDraft(long partner, long caseId, int daysAgo) {
        return jdbc.sql("insert into session_draft (owner_username, owning_partner, case_id, payload, created_at, updated_at)"
                        + " values ('retention.test', :p, :c, '{}', now() - make_interval(days => :d), now() - make_interval(days => :d)) returning id")
                .param("p", partner).param("c", caseId).param("d", daysAgo).query(Long.class).single();
    }

    private long count(String table, long id) {
        return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }
}
