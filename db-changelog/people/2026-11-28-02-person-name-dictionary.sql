--liquibase formatted sql

--changeset protection-cases:2026-11-28-02-person-name-table
-- Every folded name ever registered, once. Names repeat a lot (1 M generated people carry 31,131
-- distinct names), so the fuzzy search matches trigrams among the distinct names and then picks
-- the people by exact name (btree), instead of rechecking tens of thousands of people. Names that
-- are no longer used do no harm: they join to nobody.
create table person_name (
    search_name text primary key
);
create index person_name_trgm on person_name using gin (search_name gin_trgm_ops);
-- Index-only for the search's scope check and count; id desc gives the search's tie order.
create index person_search_name_idx on person (search_name, id desc) include (registered_by_partner, merged_into_id);
insert into person_name (search_name) select distinct search_name from person on conflict do nothing;
--rollback drop index person_search_name_idx; drop table person_name;

--changeset protection-cases:2026-11-28-03-person-name-trigger splitStatements:false
-- Statement-level with a transition table: a bulk insert of a million people adds its distinct
-- names in one statement rather than one upsert per row.
create or replace function pc_person_name_add() returns trigger
    language plpgsql
as $$
begin
    insert into person_name (search_name)
    select distinct n.search_name from new_people n where n.search_name is not null
    on conflict do nothing;
    return null;
end
$$;
create trigger person_name_on_insert after insert on person
    referencing new table as new_people for each statement execute function pc_person_name_add();
create trigger person_name_on_update after update on person
    referencing new table as new_people for each statement execute function pc_person_name_add();
--rollback drop trigger person_name_on_update on person; drop trigger person_name_on_insert on person; drop function pc_person_name_add();
