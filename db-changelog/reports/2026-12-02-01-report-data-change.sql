--liquibase formatted sql

--changeset protection-cases:2026-12-02-01-report-data-change splitStatements:false
-- Issue #17, factsheet cache: one row per committed transaction that changed what the factsheet
-- counts. A report reads (count, sum of ids) in its own snapshot; the pair changes with every
-- commit visible to a later snapshot, so a cached figure is used only while nothing it counted can
-- have changed, on any app node. Rows are per transaction (unique xid) and only inserted, so writers
-- never wait for each other; the daily prune keeps the table small (a prune also just invalidates).
create table report_data_change (
    id bigint generated always as identity primary key,
    txid xid8 not null default pg_current_xact_id() unique,
    changed_at timestamptz not null default now()
);

create function pc_note_report_data_change() returns trigger
language plpgsql security definer set search_path = public
as $$
begin
    insert into report_data_change default values on conflict (txid) do nothing;
    return null;
end
$$;

create trigger person_report_data after insert or update or delete or truncate on person
    for each statement execute function pc_note_report_data_change();
create trigger person_group_report_data after insert or update or delete or truncate on person_group
    for each statement execute function pc_note_report_data_change();
create trigger return_event_report_data after insert or update or delete or truncate on return_event
    for each statement execute function pc_note_report_data_change();
create trigger shelter_residence_report_data after insert or update or delete or truncate on shelter_residence
    for each statement execute function pc_note_report_data_change();
create trigger person_access_report_data after insert or update or delete or truncate on person_access
    for each statement execute function pc_note_report_data_change();
create trigger reported_figure_report_data after insert or update or delete or truncate on reported_figure
    for each statement execute function pc_note_report_data_change();
create trigger partner_report_data after insert or update or delete or truncate on partner
    for each statement execute function pc_note_report_data_change();
--rollback drop table report_data_change; drop function pc_note_report_data_change() cascade;

--changeset protection-cases:2026-12-02-02-report-data-change-prune splitStatements:false
-- Keeps report_data_change small without a scheduler: about one writing transaction in a thousand
-- deletes the rows older than a day (rows others are deleting are skipped, so writers never wait).
-- A prune changes the version, which only makes the next report recompute.
create or replace function pc_note_report_data_change() returns trigger
language plpgsql security definer set search_path = public
as $$
begin
    insert into report_data_change default values on conflict (txid) do nothing;
    if random() < 0.001 then
        delete from report_data_change where id in (
            select id from report_data_change where changed_at < now() - interval '1 day' for update skip locked);
    end if;
    return null;
end
$$;
--rollback select 1;
