package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseService;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.PersonService;
import org.protectioncases.shared.Role;
import org.protectioncases.support.RestrictedRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security as a second line behind the services: SQL that forgets every scope still
 * gets only what the user may see. Each query runs in a transaction begun by the app's transaction
 * manager (which sets the role and scope) on the app's DataSource, as the app's code would. Outside
 * a transaction this test's JdbcClient is the tables' owner and sees everything: the reference.
 */
@SpringBootTest
class RowLevelSecurityIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SystemAccess system;
    @Autowired
    PartnerService partners;
    @Autowired
    PersonService people;
    @Autowired
    CaseService cases;
    @Autowired
    CounsellingService sessions;

    private RestrictedRecord record;
    private long crpk;
    private long at;

    @BeforeEach
    void createRecord() {
        record = RestrictedRecord.create(system, people, cases, sessions);
        crpk = system.runAsAdmin(() -> partners.findByCode("CRPK").orElseThrow().id());
        at = system.runAsAdmin(() -> partners.findByCode("AT").orElseThrow().id());
    }

    private <T> T inTransactionAs(Role role, Long partner, Supplier<T> work) {
        return system.runAs(role, partner, () -> tx.execute(status -> work.get()));
    }

    private <T> T inTransactionAsAccount(String username, Supplier<T> work) {
        return system.runAsAccount(username, () -> tx.execute(status -> work.get()));
    }

    @Test
    void anUnscopedSelectOfPeopleGivesAPartnerLawyerOnlyThePeopleHerPartnerMaySee() {
        List<Long> partnersSeen = inTransactionAsAccount("lawyer.crpk",
                () -> jdbc.sql("select registered_by_partner from person").query(Long.class).list());
        List<Long> idsSeen = inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select id from person").query(Long.class).list());
        long expected = jdbc.sql("select count(*) from person p where p.registered_by_partner = :partner"
                + " or exists (select 1 from person_access a where a.person_id = p.id and a.partner_id = :partner)")
                .param("partner", crpk).query(Long.class).single();
        long everyone = jdbc.sql("select count(*) from person").query(Long.class).single();

        assertThat(idsSeen).contains(record.personId()).hasSize((int) expected);
        assertThat(everyone).isGreaterThan(expected);
        List<Long> granted = jdbc.sql("select person_id from person_access where partner_id = :partner").param("partner", crpk)
                .query(Long.class).list();
        assertThat(partnersSeen.stream().filter(p -> p != crpk).count()).isLessThanOrEqualTo(granted.size());
        // Another partner sees none of CRPK's record, nor its needs or consents.
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("select id from person where id = :id")
                .param("id", record.personId()).query(Long.class).list())).isEmpty();
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("select count(*) from specific_need where person_id = :id")
                .param("id", record.personId()).query(Long.class).single())).isZero();
        assertThat(inTransactionAs(Role.PARTNER_COORDINATOR, at, () -> jdbc.sql("select count(*) from specific_need sn"
                + " where not exists (select 1 from person p where p.id = sn.person_id and p.registered_by_partner = :at)"
                + " and not exists (select 1 from person_access a where a.person_id = sn.person_id and a.partner_id = :at)")
                .param("at", at).query(Long.class).single())).isZero();
    }

    @Test
    void unscopedSelectsOfCasesAndSessionsGiveAPartnerOnlyItsOwnAndAManagerAll() {
        String visibleCases = "select count(*) from protection_case c where c.owning_partner = :partner"
                + " or exists (select 1 from case_transfer t where t.case_id = c.id and t.from_partner = :partner and t.status = 'ACCEPTED')";
        long expectedCases = jdbc.sql(visibleCases).param("partner", crpk).query(Long.class).single();
        long allCases = jdbc.sql("select count(*) from protection_case").query(Long.class).single();
        List<Long> casesSeen = inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select id from protection_case").query(Long.class).list());
        assertThat(casesSeen).contains(record.caseId()).hasSize((int) expectedCases);
        assertThat(allCases).isGreaterThan(expectedCases);
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("select count(*) from protection_case where id = :id")
                .param("id", record.caseId()).query(Long.class).single())).isZero();
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("select count(*) from case_status_change where case_id = :id")
                .param("id", record.caseId()).query(Long.class).single())).isZero();

        long expectedSessions = jdbc.sql("select count(*) from counselling_session s where s.owning_partner = :partner"
                + " or exists (select 1 from protection_case c where c.id = s.case_id and c.owning_partner = :partner)")
                .param("partner", crpk).query(Long.class).single();
        List<Long> sessionsSeen = inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select id from counselling_session")
                .query(Long.class).list());
        assertThat(sessionsSeen).contains(record.sessionId()).hasSize((int) expectedSessions);
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("select count(*) from counselling_session_topic where session_id = :id")
                .param("id", record.sessionId()).query(Long.class).single())).isZero();

        assertThat(inTransactionAsAccount("manager", () -> jdbc.sql("select count(*) from protection_case").query(Long.class).single()))
                .isEqualTo(allCases);
        assertThat(inTransactionAsAccount("manager", () -> jdbc.sql("select count(*) from counselling_session").query(Long.class).single()))
                .isEqualTo(jdbc.sql("select count(*) from counselling_session").query(Long.class).single());
        // Another partner cannot take a case (no row to update); the owner cannot hand it over by SQL (the check refuses).
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("update protection_case set owning_partner = :at where id = :id")
                .param("at", at).param("id", record.caseId()).update())).isZero();
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql(
                        "update protection_case set owning_partner = :at where id = :id").param("at", at).param("id", record.caseId()).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void theTransactionRunsAsARoleThatOwnsNothingAndCannotBypassThePolicies() {
        record Who(String user, boolean superuser, boolean bypass, String role, String partner) {
        }
        Who who = inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select current_user as user, r.rolsuper as superuser,"
                + " r.rolbypassrls as bypass, current_setting('app.role') as role, current_setting('app.partner_id') as partner"
                + " from pg_roles r where r.rolname = current_user").query(Who.class).single());
        assertThat(who).isEqualTo(new Who("pc_partner", false, false, "PARTNER_LAWYER", String.valueOf(crpk)));
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = 'pc_app'")
                .query(Long.class).single()).isZero();
        // The scope ends with the transaction: the pooled connection does not keep it.
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isNotIn("pc_app", "pc_partner", "pc_manager", "pc_system");
        assertThat(jdbc.sql("select coalesce(current_setting('app.partner_id', true), '')").query(String.class).single()).isEmpty();
    }

    @Test
    void aUnhcrManagerReadsEveryPersonButNoRestrictedNeed() {
        long everyone = jdbc.sql("select count(*) from person").query(Long.class).single();
        long seen = inTransactionAsAccount("manager", () -> jdbc.sql("select count(*) from person").query(Long.class).single());
        assertThat(seen).isEqualTo(everyone);

        List<String> needs = inTransactionAsAccount("manager", () -> jdbc.sql("select need_code from specific_need where person_id = :id")
                .param("id", record.personId()).query(String.class).list());
        assertThat(needs).containsExactly("DISABILITY");
        assertThat(inTransactionAsAccount("manager", () -> jdbc.sql("select count(*) from specific_need"
                + " where need_code in ('SGBV_SURVIVOR', 'TORTURE_SURVIVOR')").query(Long.class).single())).isZero();
        // The partner that registered the person sees the restricted need.
        assertThat(inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select need_code from specific_need where person_id = :id")
                .param("id", record.personId()).query(String.class).list())).containsExactlyInAnyOrder("DISABILITY", "SGBV_SURVIVOR");
    }

    @Test
    void aTransactionWithoutAUserOrAsAdminSeesNothing() {
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isPositive();
        for (String table : List.of("person", "consent", "specific_need", "person_group", "person_access")) {
            Long rows = tx.execute(status -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
            assertThat(rows)
                    .as("no user: %s", table).isZero();
        }
        // ADMIN runs the system but never sees case data (the bootstrap account, not start-up work's principal).
        assertThat(inTransactionAsAccount(AdminBootstrap.ADMIN_USERNAME, () -> jdbc.sql("select count(*) from person where id = :id")
                .param("id", record.personId()).query(Long.class).single())).isZero();
    }

    @Test
    void writesOutsideThePartnersScopeAreRefusedByThePolicies() {
        // Registering a person for another partner: the new row fails the policy's check.
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("""
                        insert into person (given_name, family_name, sex, community, registered_by_partner, registered_by)
                        values ('Planted', 'Row', 'FEMALE', 'ROMA', :at, 'lawyer.crpk')""").param("at", at).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        // Handing one's own person to another partner: refused the same way.
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql(
                        "update person set registered_by_partner = :at where id = :id").param("at", at).param("id", record.personId()).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        // Another partner's rows cannot be reached at all: nothing is updated or deleted.
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("update person set phone = '000' where id = :id")
                .param("id", record.personId()).update())).isZero();
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("delete from specific_need where person_id = :id")
                .param("id", record.personId()).update())).isZero();
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.at", () -> jdbc.sql("""
                        insert into specific_need (person_id, need_code, noted_on, recorded_by)
                        values (:id, 'DISABILITY', current_date, 'lawyer.at')""").param("id", record.personId()).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        assertThat(jdbc.sql("select count(*) from specific_need where person_id = :id").param("id", record.personId())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select phone is distinct from '000' from person where id = :id").param("id", record.personId())
                .query(Boolean.class).single()).isTrue();
    }
}
