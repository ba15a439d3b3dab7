package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.db.DatabaseOwner;
import org.protectioncases.shared.db.LoginRole;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app's connection pool logs in as a role that is no superuser and owns no table
 * ({@link LoginRole}); the tables' owner only runs the migrations (and backups). So SQL that escapes
 * the transaction's role (outside a transaction, {@code reset role}, {@code set role postgres}) reads
 * no personal data, and the superuser's and the owner's powers ({@code COPY … TO PROGRAM}, files,
 * DDL, switching row-level security off) are out of reach.
 */
@SpringBootTest
class DatabaseLoginIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    @OwnerDatabase
    JdbcClient owner;
    @Autowired
    DatabaseOwner tables;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SystemAccess system;

    private <T> T inTransactionAsAccount(String username, Supplier<T> work) {
        return system.runAsAccount(username, () -> tx.execute(status -> work.get()));
    }

    @Test
    void theAppsPoolLogsInAsARoleThatIsNoSuperuserOwnsNothingAndReadsNoPersonalDataOutsideATransaction() {
        Map<String, Object> me = jdbc.sql("select session_user as login, current_user as role, r.rolsuper, r.rolbypassrls,"
                + " r.rolcreatedb, r.rolcreaterole, r.rolreplication from pg_roles r where r.rolname = session_user").query().singleRow();
        assertThat(me).containsEntry("login", LoginRole.NAME).containsEntry("role", LoginRole.NAME)
                .containsEntry("rolsuper", false).containsEntry("rolbypassrls", false).containsEntry("rolcreatedb", false)
                .containsEntry("rolcreaterole", false).containsEntry("rolreplication", false);
        assertThat(jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = session_user)")
                .query(Long.class).single()).isZero();
        // It may switch to the policies' roles but inherits none of them: their policies never apply to it as such.
        assertThat(jdbc.sql("select count(*) from pg_roles r where r.rolname in ('pc_partner', 'pc_manager', 'pc_system')"
                + " and pg_has_role(session_user, r.oid, 'USAGE')").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select pg_has_role(session_user, 'pc_system', 'SET')").query(Boolean.class).single()).isTrue();

        // The tables belong to the owner, who ran the migrations, this one among them.
        assertThat(tables.separate()).isTrue();
        assertThat(owner.sql("select tableowner from pg_tables where tablename = 'person'").query(String.class).single())
                .isEqualTo(tables.username()).isNotEqualTo(LoginRole.NAME);
        assertThat(owner.sql("select count(*) from databasechangelog where id = '2026-12-02-50-login-role'")
                .query(Long.class).single()).isOne();

        // Outside a transaction (no role set): no row of personal data, the owner sees them all.
        assertThat(owner.sql("select count(*) from person").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from protection_case").query(Long.class).single()).isZero();
        // Tables without row-level security stay usable (sessions, audit, rate limits).
        assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isPositive();
    }

    @Test
    void sqlThatLeavesThePartnersRoleInsideATransactionReadsNoOtherPartnersRows() {
        long crpk = owner.sql("select id from partner where code = 'CRPK'").query(Long.class).single();
        long othersPeople = owner.sql("select count(*) from person where registered_by_partner <> :p").param("p", crpk)
                .query(Long.class).single();
        assertThat(othersPeople).isPositive();

        // reset role: back to the login role, which reads nothing.
        assertThat(inTransactionAsAccount("lawyer.crpk", () -> {
            jdbc.sql("reset role").update();
            return jdbc.sql("select count(*) from person").query(Long.class).single();
        })).isZero();
        assertThat(inTransactionAsAccount("lawyer.crpk", () -> {
            jdbc.sql("set role none").update();
            return jdbc.sql("select count(*) from person where registered_by_partner <> :p").param("p", crpk).query(Long.class).single();
        })).isZero();
        // Becoming the owner or the superuser is refused.
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("set role postgres").update()))
                .rootCause().hasMessageContaining("permission denied to set role");
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("set role " + tables.username()).update()))
                .rootCause().hasMessageContaining("permission denied to set role");
        assertThatThrownBy(() -> inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("set session authorization postgres").update()))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void sqlThatChangesTheScopeInsideATransactionCannotSignItAndReadsNothing() {
        long crpk = owner.sql("select id from partner where code = 'CRPK'").query(Long.class).single();
        long at = owner.sql("select id from partner where code = 'AT'").query(Long.class).single();
        long atsPeople = owner.sql("select count(*) from person where registered_by_partner = :p").param("p", at).query(Long.class).single();
        assertThat(atsPeople).isPositive();
        // The transaction's own scope works (and is signed).
        assertThat(inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select count(*) from person where registered_by_partner = :p")
                .param("p", crpk).query(Long.class).single())).isPositive();
        assertThat(inTransactionAsAccount("lawyer.crpk", () -> jdbc.sql("select pc_app_partner()").query(Long.class).single())).isEqualTo(crpk);
        // Another partner: the setting changes, its signature does not match, the policies see no partner.
        assertThat(inTransactionAsAccount("lawyer.crpk", () -> {
            jdbc.sql("select set_config('app.partner_id', :p, true)").param("p", String.valueOf(at)).query(String.class).single();
            return jdbc.sql("select count(*) from person").query(Long.class).single();
        })).isZero();
        // The manager's and the system's roles: allowed to the login, but their policies want the signed role.
        for (String role : new String[] {"pc_manager", "pc_system"}) {
            assertThat(inTransactionAsAccount("lawyer.crpk", () -> {
                jdbc.sql("set local role " + role).update();
                return jdbc.sql("select count(*) from person").query(Long.class).single()
                        + jdbc.sql("select count(*) from protection_case").query(Long.class).single()
                        + jdbc.sql("select count(*) from counselling_session").query(Long.class).single();
            })).as(role).isZero();
            assertThat(inTransactionAsAccount("lawyer.crpk", () -> {
                jdbc.sql("set local role " + role).update();
                jdbc.sql("select set_config('app.role', :r, true)").param("r", role.equals("pc_manager") ? "UNHCR_MANAGER" : "SYSTEM")
                        .query(String.class).single();
                return jdbc.sql("select count(*) from person").query(Long.class).single();
            })).as(role + " with its app.role").isZero();
        }
        // The key is out of the app's reach, in and outside a transaction.
        assertThatThrownBy(() -> jdbc.sql("select key from pc_secret.scope_key").query(byte[].class).single())
                .rootCause().hasMessageContaining("permission denied");
        assertRefused("manager", "select key from pc_secret.scope_key", "permission denied");
        // A manager's own transaction still reads every partner's people.
        assertThat(inTransactionAsAccount("manager", () -> jdbc.sql("select count(*) from person where registered_by_partner = :p")
                .param("p", at).query(Long.class).single())).isEqualTo(atsPeople);
    }

    @Test
    void everyPolicyOfTheManagersAndTheSystemWantsTheSignedRole() {
        // A policy written later for pc_manager or pc_system must check pc_app_role(), or set role would open it.
        assertThat(owner.sql("""
                select tablename || '.' || policyname from pg_policies
                where schemaname = 'public' and roles && array['pc_manager', 'pc_system']::name[]
                  and (coalesce(qual, '') not like '%pc_app_role()%' or (with_check is not null and with_check not like '%pc_app_role()%'))""")
                .query(String.class).list()).isEmpty();
        assertThat(owner.sql("select count(*) from pg_policies where roles && array['pc_manager', 'pc_system']::name[]")
                .query(Long.class).single()).isGreaterThan(30);
    }

    @Test
    void theSuperusersAndTheOwnersPowersAreRefused() {
        for (String account : new String[] {"lawyer.crpk", "manager"}) {
            assertRefused(account, "copy (select 1) to program 'true'", "permission denied");
            assertRefused(account, "copy person to '/tmp/pc-people.csv'", "permission denied");
            assertRefused(account, "select pg_read_file('PG_VERSION')", "permission denied");
            assertRefused(account, "create table pc_intruder (id int)", "permission denied");
            assertRefused(account, "alter table person disable row level security", "must be owner");
            assertRefused(account, "drop policy if exists person_partner on person", "must be owner");
            assertRefused(account, "drop table specific_need", "must be owner");
            assertRefused(account, "alter role pc_login bypassrls", "permission denied");
            assertRefused(account, "create role pc_intruder superuser", "permission denied");
        }
        // Outside a transaction too.
        assertThatThrownBy(() -> jdbc.sql("copy (select 1) to program 'true'").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate person").update()).rootCause().hasMessageContaining("permission denied");
        assertThat(owner.sql("select count(*) from pg_tables where tablename = 'pc_intruder'").query(Long.class).single()).isZero();
    }

    private void assertRefused(String account, String sql, String message) {
        assertThatThrownBy(() -> inTransactionAsAccount(account, () -> jdbc.sql(sql).update()))
                .as(sql).rootCause().hasMessageContaining(message);
    }
}
