--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-row-security-roles splitStatements:false
-- Row-level security (defence in depth behind the services' own scoping). Every transaction the
-- app's transaction manager begins switches (set_config('role', ..., true)) to one of these roles,
-- none of which owns a table or may bypass policies:
--   pc_partner  partner staff, scoped to app.partner_id (and app.role for coordinator-only rules);
--   pc_manager  UNHCR managers: every row but restricted needs;
--   pc_system   start-up work (SystemAccess.runAsAdmin/runAsSystem): every row;
--   pc_app      no user, or ADMIN: holds the table rights, but no policy names it, so it sees no
--               row of a table with row-level security.
-- The policies name the role they are for (create policy ... to pc_manager), so PostgreSQL picks
-- them when it plans a query: a manager's query carries no per-row check at all, a partner's only
-- its partner's. Roles are per cluster: create them once. On an external server whose migration
-- user may not create roles, an operator creates them first (docs/security.md); this then only grants.
do $$
declare
    r text;
begin
    if not exists (select 1 from pg_roles where rolname = 'pc_app') then
        create role pc_app nologin nosuperuser nobypassrls;
    end if;
    foreach r in array array['pc_partner', 'pc_manager', 'pc_system'] loop
        if not exists (select 1 from pg_roles where rolname = r) then
            execute format('create role %I nologin nosuperuser nobypassrls inherit in role pc_app', r);
        end if;
    end loop;
    -- The login user (who runs the migrations and owns the tables) must be able to become each.
    foreach r in array array['pc_app', 'pc_partner', 'pc_manager', 'pc_system'] loop
        if not pg_has_role(current_user, r, 'member') then
            execute format('grant %I to %I', r, current_user);
        end if;
    end loop;
end
$$;
grant usage on schema public to pc_app;
grant select, insert, update, delete on all tables in schema public to pc_app;
grant usage, select on all sequences in schema public to pc_app;
alter default privileges in schema public grant select, insert, update, delete on tables to pc_app;
alter default privileges in schema public grant usage, select on sequences to pc_app;

-- What the transaction set: the user's role name (a Role, or SYSTEM) and partner. Unset or empty
-- means null, which no row matches. Policies read them in a scalar sub-select,
-- (select pc_app_partner()), which PostgreSQL evaluates once per query (an InitPlan), never per row.
create function pc_app_role() returns text language sql stable parallel safe
as $$ select coalesce(current_setting('app.role', true), '') $$;
create function pc_app_partner() returns bigint language sql stable parallel safe
as $$ select nullif(current_setting('app.partner_id', true), '')::bigint $$;
--rollback drop function pc_app_partner(); drop function pc_app_role(); revoke all on all tables in schema public from pc_app; revoke all on all sequences in schema public from pc_app;
