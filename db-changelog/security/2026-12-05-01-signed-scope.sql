--liquibase formatted sql

--changeset lead:2026-12-05-01-signed-scope splitStatements:false
-- The transaction's scope (its database role, app.role, app.partner_id) is signed by the app
-- (HMAC-SHA-256, RowSecurityTransactionManager) with a key that only the tables' owner can read.
-- pc_app_role() and pc_app_partner() answer only when app.scope_sig matches: SQL injected into a
-- transaction may still run set role / set_config, but cannot sign what it set, so it reads nothing
-- (issue #11: before this, injected SQL could switch to pc_manager or pc_system or another partner).
create schema if not exists pc_secret;
revoke all on schema pc_secret from public;
create table pc_secret.scope_key (
    id smallint primary key check (id = 1),
    key bytea not null check (length(key) = 64),
    -- HMAC's inner and outer keys (key xor 0x36.., key xor 0x5c..), kept so a check is two hashes.
    inner_key bytea not null,
    outer_key bytea not null
);
revoke all on pc_secret.scope_key from public;
do $$
declare
    k bytea;
    i bytea;
    o bytea;
begin
    -- 64 bytes from four version-4 UUIDs: 488 bits from the server's strong random source.
    k := decode(replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text
                        || gen_random_uuid()::text, '-', ''), 'hex');
    i := k;
    o := k;
    for n in 0..63 loop
        i := set_byte(i, n, get_byte(k, n) # 54);
        o := set_byte(o, n, get_byte(k, n) # 92);
    end loop;
    insert into pc_secret.scope_key (id, key, inner_key, outer_key) values (1, k, i, o);
end
$$;

-- Whether the settings match their signature. The database role is read from the role setting (what
-- set role / set_config('role') set), not current_user: inside a security-definer function, this one
-- or the owner's functions that call pc_app_partner(), current_user is the owner. Every name is
-- schema-qualified: the caller's search_path does not reach into it.
create function pc_scope_signed() returns boolean language sql stable security definer parallel safe
as $$
    select coalesce(pg_catalog.current_setting('app.scope_sig', true) operator(pg_catalog.=) pg_catalog.encode(
        pg_catalog.sha256(k.outer_key operator(pg_catalog.||) pg_catalog.sha256(k.inner_key operator(pg_catalog.||) pg_catalog.convert_to(
            pg_catalog.current_setting('role') operator(pg_catalog.||) '|' operator(pg_catalog.||) coalesce(pg_catalog.current_setting('app.role', true), '')
            operator(pg_catalog.||) '|' operator(pg_catalog.||) coalesce(pg_catalog.current_setting('app.partner_id', true), ''),
            'UTF8'))), 'hex'), false)
    from pc_secret.scope_key k
$$;
revoke all on function pc_scope_signed() from public;
grant execute on function pc_scope_signed() to pc_app;

create or replace function pc_app_role() returns text language sql stable parallel safe
as $$ select case when pc_scope_signed() then coalesce(current_setting('app.role', true), '') else '' end $$;
create or replace function pc_app_partner() returns bigint language sql stable parallel safe
as $$ select case when pc_scope_signed() then nullif(current_setting('app.partner_id', true), '')::bigint end $$;

-- The managers' and the system's policies read every row (using (true) and the like): they now also
-- need the signed role, so set role pc_manager / pc_system from another user's transaction reads
-- nothing. A scalar sub-select, evaluated once per query.
do $$
declare
    p record;
    cond text;
begin
    for p in select schemaname, tablename, policyname, roles, qual, with_check from pg_policies
             where schemaname = 'public' and roles && array['pc_manager', 'pc_system']::name[]
               and not roles && array['pc_partner', 'pc_app', 'public']::name[] loop
        if p.roles @> array['pc_manager', 'pc_system']::name[] then
            cond := '(select pc_app_role()) in (''UNHCR_MANAGER'', ''SYSTEM'')';
        elsif p.roles @> array['pc_manager']::name[] then
            cond := '(select pc_app_role()) = ''UNHCR_MANAGER''';
        else
            cond := '(select pc_app_role()) = ''SYSTEM''';
        end if;
        if p.qual is not null then
            execute format('alter policy %I on %I.%I using (%s and (%s))', p.policyname, p.schemaname, p.tablename, cond, p.qual);
        end if;
        if p.with_check is not null then
            execute format('alter policy %I on %I.%I with check (%s and (%s))', p.policyname, p.schemaname, p.tablename, cond, p.with_check);
        end if;
    end loop;
end
$$;
--rollback select 1;
