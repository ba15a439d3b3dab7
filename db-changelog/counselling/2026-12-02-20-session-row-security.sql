--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-session-row-security splitStatements:false
-- Row-level security on counselling sessions (roles and settings:
-- security/2026-12-02-20-row-security-roles.sql): the holding partner (owning_partner) and the
-- partner that now owns the case read a session, UNHCR managers and start-up work all; only the
-- holding partner writes. The confidential note is a column: RLS cannot hide it, the service does
-- (SessionDto carries null).
-- A session is read by its holding partner and by the partner that now owns its case. Asking the
-- case per row (a sub-select on protection_case) made the session list 25 times slower: PostgreSQL
-- hashed all the partner's cases for every page. So the case's owner is kept on the session
-- (case_partner, denormalised, kept by the two triggers below, run as the owner so that a transfer
-- updates sessions the new owner may not write), and the policy compares two columns.
alter table counselling_session add column case_partner bigint references partner (id);
update counselling_session s set case_partner = c.owning_partner from protection_case c where c.id = s.case_id;
alter table counselling_session alter column case_partner set not null;

create function pc_session_case_partner() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    new.case_partner := (select c.owning_partner from protection_case c where c.id = new.case_id);
    return new;
end
$$;
create trigger counselling_session_case_partner before insert or update of case_id on counselling_session
    for each row execute function pc_session_case_partner();

create function pc_case_partner_moved() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    update counselling_session set case_partner = new.owning_partner where case_id = new.id;
    return null;
end
$$;
create trigger protection_case_partner_moved after update of owning_partner on protection_case
    for each row when (old.owning_partner is distinct from new.owning_partner) execute function pc_case_partner_moved();

-- Sub-selects in policies read pc_partner_sessions, a view owned by the tables' owner (no nested
-- policies to plan) that returns only the sessions the caller's partner may read.
create view pc_partner_sessions as
    select s.id, s.owning_partner from counselling_session s
    where s.owning_partner = (select pc_app_partner()) or s.case_partner = (select pc_app_partner());
grant select on pc_partner_sessions to pc_app;
alter table counselling_session enable row level security;
create policy session_all on counselling_session for all to pc_manager, pc_system using (true) with check (true);
create policy session_partner_read on counselling_session for select to pc_partner
    using (owning_partner = (select pc_app_partner()) or case_partner = (select pc_app_partner()));
create policy session_partner_insert on counselling_session for insert to pc_partner
    with check (owning_partner = (select pc_app_partner()));
create policy session_partner_update on counselling_session for update to pc_partner
    using (owning_partner = (select pc_app_partner())) with check (owning_partner = (select pc_app_partner()));
create policy session_partner_delete on counselling_session for delete to pc_partner
    using (owning_partner = (select pc_app_partner()));

-- Topics and attendees: visible with their session (its policy decides), written by its holder.
alter table counselling_session_topic enable row level security;
create policy session_topic_all on counselling_session_topic for all to pc_manager, pc_system using (true) with check (true);
create policy session_topic_partner on counselling_session_topic for all to pc_partner
    using (exists (select 1 from pc_partner_sessions s where s.id = counselling_session_topic.session_id))
    with check (exists (select 1 from pc_partner_sessions s where s.id = counselling_session_topic.session_id
                and s.owning_partner = (select pc_app_partner())));
alter table counselling_session_attendee enable row level security;
create policy session_attendee_all on counselling_session_attendee for all to pc_manager, pc_system using (true) with check (true);
create policy session_attendee_partner on counselling_session_attendee for all to pc_partner
    using (exists (select 1 from pc_partner_sessions s where s.id = counselling_session_attendee.session_id))
    with check (exists (select 1 from pc_partner_sessions s where s.id = counselling_session_attendee.session_id
                and s.owning_partner = (select pc_app_partner())));

-- Attachments of a session: with their session, written by its holder.
create policy attachment_session_partner on attachment for all to pc_partner
    using (owner_kind = 'SESSION' and exists (select 1 from pc_partner_sessions s where s.id = attachment.owner_id))
    with check (owner_kind = 'SESSION' and exists (select 1 from pc_partner_sessions s where s.id = attachment.owner_id
                and s.owning_partner = (select pc_app_partner())));
--rollback drop policy attachment_session_partner on attachment; drop policy session_attendee_partner on counselling_session_attendee; drop policy session_attendee_all on counselling_session_attendee; alter table counselling_session_attendee disable row level security; drop policy session_topic_partner on counselling_session_topic; drop policy session_topic_all on counselling_session_topic; alter table counselling_session_topic disable row level security; drop policy session_partner_delete on counselling_session; drop policy session_partner_update on counselling_session; drop policy session_partner_insert on counselling_session; drop policy session_partner_read on counselling_session; drop policy session_all on counselling_session; alter table counselling_session disable row level security; drop view pc_partner_sessions; drop trigger protection_case_partner_moved on protection_case; drop function pc_case_partner_moved(); drop trigger counselling_session_case_partner on counselling_session; drop function pc_session_case_partner(); alter table counselling_session drop column case_partner;
