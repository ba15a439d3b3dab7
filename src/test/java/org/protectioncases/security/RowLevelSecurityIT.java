package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonVisibility;
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
 * manager (which sets the role and scope) on the app's DataSource, as the app's code would. The
 * reference is read as the tables' owner ({@code owner}), which sees everything.
 */
@SpringBootTest
class RowLevelSecurityIT {

    @Autowired
    JdbcClient jdbc;
    /** The tables' owner, outside any transaction: the reference (the app's login role would see no row there). */
    @Autowired
    @OwnerDatabase
    JdbcClient owner;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SystemAccess system;
    @Autowired
    PartnerService partners;
    @Autowired
    PersonService people;
    @Autowired
    CaseWorkflowService cases;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    CounsellingService sessions;

    private RestrictedRecord record;
    private long crpk;
    private long at;

    @BeforeEach
    void createRecord() {
        record = RestrictedRecord.create(system, people, personFiles, cases, sessions);
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
        // The services' rule (PersonVisibility), run as the owner: the policies must give exactly its rows.
        long expected = owner.sql("select count(*) from person p where " + PersonVisibility.partnerMaySee("p"))
                .param("partner", crpk).query(Long.class).single();
        long everyone = owner.sql("select count(*) from person").query(Long.class).single();

        assertThat(idsSeen).contains(record.personId()).hasSize((int) expected);
        assertThat(everyone).isGreaterThan(expected);
        List<Long> granted = owner.sql("select person_id from person_access where partner_id = :partner").param("partner", crpk)
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
        long expectedCases = owner.sql(visibleCases).param("partner", crpk).query(Long.class).single();
        long allCases = owner.sql("select count(*) from protection_case").query(Long.class).single();
        List<Long> casesSeen = inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select id from protection_case").query(Long.class).list());
        assertThat(casesSeen).contains(record.caseId()).hasSize((int) expectedCases);
        assertThat(allCases).isGreaterThan(expectedCases);
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("select count(*) from protection_case where id = :id")
                .param("id", record.caseId()).query(Long.class).single())).isZero();
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("select count(*) from case_status_change where case_id = :id")
                .param("id", record.caseId()).query(Long.class).single())).isZero();

        long expectedSessions = owner.sql("select count(*) from counselling_session s where s.owning_partner = :partner"
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
                .isEqualTo(owner.sql("select count(*) from counselling_session").query(Long.class).single());
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
        assertThat(owner.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = 'pc_app'")
                .query(Long.class).single()).isZero();
        // The scope ends with the transaction: the pooled connection does not keep it.
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("pc_login");
        assertThat(jdbc.sql("select coalesce(current_setting('app.partner_id', true), '')").query(String.class).single()).isEmpty();
    }

    @Test
    void aUnhcrManagerReadsEveryPersonButNoRestrictedNeed() {
        long everyone = owner.sql("select count(*) from person").query(Long.class).single();
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
        assertThat(owner.sql("select count(*) from person").query(Long.class).single()).isPositive();
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
        assertThat(owner.sql("select count(*) from specific_need where person_id = :id").param("id", record.personId())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(owner.sql("select phone is distinct from '000' from person where id = :id").param("id", record.personId())
                .query(Boolean.class).single()).isTrue();
    }

    /** Tables holding personal data, each with row-level security (docs/security.md lists what is not covered and why). */
    private static final List<String> PROTECTED = List.of("person", "person_access", "person_group", "consent", "return_event",
            "civil_document", "household_member", "specific_need", "protection_case", "case_status_change", "case_member",
            "case_transfer", "referral", "counselling_session", "counselling_session_topic", "counselling_session_attendee",
            "monitoring_visit", "visit_person", "visit_monitor", "visit_concern", "shelter_residence", "attachment",
            "attachment_content", "activity_reach");

    @Test
    void everyTableHoldingPersonalDataHasRowLevelSecurityAndTheAppRoleOwnsNone() {
        List<String> secured = owner.sql("select relname from pg_class where relnamespace = 'public'::regnamespace"
                + " and relkind = 'r' and relrowsecurity").query(String.class).list();
        assertThat(secured).containsAll(PROTECTED);
        assertThat(owner.sql("select count(*) from pg_tables where schemaname = 'public'"
                + " and tableowner in ('pc_app', 'pc_partner', 'pc_manager', 'pc_system')").query(Long.class).single()).isZero();
        // No user: not one row of any of them.
        for (String table : PROTECTED) {
            Long rows = tx.execute(status -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
            assertThat(rows).as("no user: %s", table).isZero();
        }
    }

    @Test
    void aManagerTransactionRunsAsTheManagerRoleAndAPartnerTransactionAsThePartnerRole() {
        Supplier<String> currentUser = () -> jdbc.sql("select current_user").query(String.class).single();
        String manager = inTransactionAsAccount("manager", currentUser);
        String lawyer = inTransactionAsAccount("lawyer.at", currentUser);
        String admin = inTransactionAsAccount(AdminBootstrap.ADMIN_USERNAME, currentUser);
        String startUp = system.runAsAdmin(() -> tx.execute(status -> currentUser.get()));
        assertThat(List.of(manager, lawyer, admin, startUp)).containsExactly("pc_manager", "pc_partner", "pc_app", "pc_system");
    }

    /**
     * The tables the first attempt left out: an unscoped select as a partner gives exactly the rows
     * of that partner's scope, counted here as the owner (no row-level security) by the services' rules.
     */
    @Test
    void visitsReferralsTransfersAttachmentsAndStaysAreScopedToo() {
        for (String account : List.of("lawyer.crpk", "lawyer.at", "monitor.krct")) {
            long partner = owner.sql("select partner_id from user_account where username = :u").param("u", account)
                    .query(Long.class).single();
            String visibleCase = "(c.owning_partner = :p or exists (select 1 from case_transfer t where t.case_id = c.id"
                    + " and t.from_partner = :p and t.status = 'ACCEPTED'))";
            String visibleSession = "(s.owning_partner = :p or s.case_partner = :p)";
            java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
            expected.put("monitoring_visit", "select count(*) from monitoring_visit v where v.owning_partner = :p");
            expected.put("visit_person", "select count(*) from visit_person x join monitoring_visit v on v.id = x.visit_id where v.owning_partner = :p");
            expected.put("visit_monitor", "select count(*) from visit_monitor x join monitoring_visit v on v.id = x.visit_id where v.owning_partner = :p");
            expected.put("visit_concern", "select count(*) from visit_concern x join monitoring_visit v on v.id = x.visit_id where v.owning_partner = :p");
            expected.put("referral", "select count(*) from referral r left join protection_case c on c.id = r.case_id"
                    + " where r.referring_partner = :p or (c.id is not null and " + visibleCase + ")");
            expected.put("case_transfer", "select count(*) from case_transfer t join protection_case c on c.id = t.case_id"
                    + " where t.from_partner = :p or t.to_partner = :p or c.owning_partner = :p");
            expected.put("counselling_session", "select count(*) from counselling_session s where " + visibleSession);
            expected.put("attachment", "select count(*) from attachment a where"
                    + " (a.owner_kind = 'CASE' and exists (select 1 from protection_case c where c.id = a.owner_id and " + visibleCase + "))"
                    + " or (a.owner_kind = 'SESSION' and exists (select 1 from counselling_session s where s.id = a.owner_id and " + visibleSession + "))"
                    + " or (a.owner_kind = 'VISIT' and exists (select 1 from monitoring_visit v where v.id = a.owner_id and v.owning_partner = :p))");
            // Stays are shared for occupancy: ids and dates only, the person's row stays hidden.
            expected.put("shelter_residence", "select count(*) from shelter_residence");
            for (var e : expected.entrySet()) {
                long byRule = owner.sql(e.getValue()).param("p", partner).query(Long.class).single();
                long seen = inTransactionAsAccount(account, () -> jdbc.sql("select count(*) from " + e.getKey()).query(Long.class).single());
                assertThat(seen).as("%s as %s", e.getKey(), account).isEqualTo(byRule);
            }
        }
        assertThat(owner.sql("select count(*) from monitoring_visit").query(Long.class).single())
                .as("demo data has visits of several partners").isGreaterThan(
                        owner.sql("select count(*) from monitoring_visit where owning_partner = :p").param("p", crpk).query(Long.class).single());
        // A session's case partner follows its case (kept by triggers, read by the session policy).
        assertThat(owner.sql("select count(*) from counselling_session s join protection_case c on c.id = s.case_id"
                + " where s.case_partner <> c.owning_partner").query(Long.class).single()).isZero();
    }

    @Test
    void aPartnerCannotRecordAStayOrAReferralForSomeoneOutsideItsScope() {
        long shelter = owner.sql("select id from shelter order by id limit 1").query(Long.class).single();
        // AT's lawyer may not see CRPK's person: no stay can be recorded for them.
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.at", () -> jdbc.sql("""
                        insert into shelter_residence (shelter_id, person_id, moved_in, recorded_by)
                        values (:s, :p, date '2001-01-01', 'lawyer.at')""").param("s", shelter).param("p", record.personId()).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        // Nor a referral on CRPK's case (valid in every other respect).
        long consent = owner.sql("select id from consent order by id limit 1").query(Long.class).single();
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.at", () -> jdbc.sql("""
                        insert into referral (case_id, person_id, target, referred_on, reason, consent_id, status, created_by)
                        values (:c, :p, 'OMBUDSPERSON', current_date, 'x', :consent, 'SENT', 'lawyer.at')""")
                        .param("c", record.caseId()).param("p", record.personId()).param("consent", consent).update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        assertThat(inTransactionAsAccount("lawyer.at", () -> jdbc.sql("delete from shelter_residence where person_id = :p")
                .param("p", record.personId()).update())).isZero();
    }
}
