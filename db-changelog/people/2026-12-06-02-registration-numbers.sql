--liquibase formatted sql

--changeset import:2026-12-06-03-registration-numbers-per-statement splitStatements:false
-- Registration numbers stay gapless and in row order, but a transaction draws from the counter row
-- once and keeps counting in a transaction-local setting; each statement writes the last number
-- back. Before, every row upserted number_counter: a bulk import of 50,000 people updated the same
-- row 50,000 times in one transaction, and each update had to walk the row's versions made by the
-- updates before it (all still live to the transaction), so the cost of a row grew with the rows
-- before it (docs/benchmarks.md, "Session 12"). The counter row stays locked from the first number
-- to the commit, as before, so no other transaction can number in between.
create or replace function pc_next_registration_no() returns trigger
    language plpgsql
as $$
declare
    y integer := extract(year from coalesce(new.registered_on, current_date))::integer;
    held text := current_setting('pc.person_no_' || y, true);
    n integer;
begin
    if held is not null and held <> '' and split_part(held, ':', 1) = pg_current_xact_id()::text then
        n := split_part(held, ':', 2)::integer + 1;
    else
        n := pc_next_number('person', y);
    end if;
    perform set_config('pc.person_no_' || y, pg_current_xact_id()::text || ':' || n, true);
    new.registration_no := 'KOS-' || y || '-' || lpad(n::text, 6, '0');
    return new;
end
$$;

create function pc_registration_no_store() returns trigger
    language plpgsql
as $$
declare
    y integer;
    held text;
begin
    for y in select distinct extract(year from coalesce(n.registered_on, current_date))::integer from new_people n loop
        held := current_setting('pc.person_no_' || y, true);
        if held is not null and held <> '' and split_part(held, ':', 1) = pg_current_xact_id()::text then
            update number_counter set last = greatest(last, split_part(held, ':', 2)::integer) where series = 'person' and year = y;
        end if;
    end loop;
    return null;
end
$$;
create trigger person_registration_no_store after insert on person
    referencing new table as new_people for each statement execute function pc_registration_no_store();
--rollback drop trigger person_registration_no_store on person; drop function pc_registration_no_store();
