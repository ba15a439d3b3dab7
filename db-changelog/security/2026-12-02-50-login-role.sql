--liquibase formatted sql

--changeset sec-dblogin:2026-12-02-50-login-role splitStatements:false
-- The role the app's connection pool logs in as (shared.db.LoginRole): no superuser, no right to create
-- databases or roles, no BYPASSRLS, owner of nothing. It inherits pc_app's table rights (so with no role set
-- it reads no row of a table with row-level security, and may use the tables without it: sessions, audit,
-- rate-limit buckets) and may SET ROLE to pc_partner, pc_manager and pc_system without inheriting them
-- (PostgreSQL 16+: INHERIT FALSE), so their policies apply only after the transaction manager switched.
-- No password here: the embedded server sets it at every start from its data directory; on an external
-- server the operator does (README, "Configure"). Made here if the migration user may create roles;
-- otherwise an operator creates it first (docs/security.md) and this only grants.
do $$
declare
    r text;
    may_create boolean := (select rolsuper or rolcreaterole from pg_roles where rolname = current_user);
begin
    if not exists (select 1 from pg_roles where rolname = 'pc_login') then
        if not may_create then
            raise warning 'pc_login does not exist and % may not create roles: the app can only log in as the owner (README, Configure)', current_user;
            return;
        end if;
        create role pc_login login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit;
    end if;
    begin
        grant pc_app to pc_login with inherit true, set true;
        foreach r in array array['pc_partner', 'pc_manager', 'pc_system'] loop
            execute format('grant %I to pc_login with inherit false, set true', r);
        end loop;
    exception when insufficient_privilege then
        raise warning '% may not grant the pc_* roles to pc_login: an operator runs the grants (docs/architecture.md)', current_user;
    end;
end
$$;
--rollback revoke pc_app, pc_partner, pc_manager, pc_system from pc_login;
