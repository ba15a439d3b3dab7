--liquibase formatted sql

--changeset import:2026-12-06-01-person-registry-change splitStatements:false
-- The registry's data version for the duplicate check (issue #15: the import reuses the dry run's
-- answers only while nothing they depend on can have changed). As report_data_change (reports
-- module) but the people module's own: one row per committed transaction that changed people or
-- who may see them; a reader takes (count, sum of ids) in its snapshot, and any commit visible to
-- a later snapshot changes the pair. Rows are per transaction and only inserted, so writers never
-- wait for each other; one writing transaction in a thousand deletes rows older than a day (which
-- only makes the next import check again).
create table person_registry_change (
    id bigint generated always as identity primary key,
    txid xid8 not null default pg_current_xact_id() unique,
    changed_at timestamptz not null default now()
);

create function pc_note_person_registry_change() returns trigger
language plpgsql security definer set search_path = public
as $$
begin
    insert into person_registry_change default values on conflict (txid) do nothing;
    if random() < 0.001 then
        delete from person_registry_change where id in (
            select id from person_registry_change where changed_at < now() - interval '1 day' for update skip locked);
    end if;
    return null;
end
$$;

create trigger person_registry_change after insert or update or delete or truncate on person
    for each statement execute function pc_note_person_registry_change();
create trigger person_access_registry_change after insert or update or delete or truncate on person_access
    for each statement execute function pc_note_person_registry_change();
create trigger person_not_duplicate_registry_change after insert or update or delete or truncate on person_not_duplicate
    for each statement execute function pc_note_person_registry_change();
--rollback drop table person_registry_change; drop function pc_note_person_registry_change() cascade;
