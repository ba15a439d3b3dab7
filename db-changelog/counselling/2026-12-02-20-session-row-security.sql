--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-session-row-security splitStatements:false
-- Row-level security on counselling sessions (roles and settings:
-- security/2026-12-02-20-row-security-roles.sql): the holding partner (owning_partner) and the
-- partner that now owns the case read a session, UNHCR managers and start-up work all; only the
-- holding partner writes. The confidential note is a column: RLS cannot hide it, the service does
-- (SessionDto carries null).
alter table counselling_session enable row level security;
create policy session_all on counselling_session for all to pc_manager, pc_system using (true) with check (true);
create policy session_partner_read on counselling_session for select to pc_partner
    using (owning_partner = (select pc_app_partner())
           or exists (select 1 from protection_case c where c.id = counselling_session.case_id and c.owning_partner = (select pc_app_partner())));
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
    using (exists (select 1 from counselling_session s where s.id = counselling_session_topic.session_id))
    with check (exists (select 1 from counselling_session s where s.id = counselling_session_topic.session_id
                and s.owning_partner = (select pc_app_partner())));
alter table counselling_session_attendee enable row level security;
create policy session_attendee_all on counselling_session_attendee for all to pc_manager, pc_system using (true) with check (true);
create policy session_attendee_partner on counselling_session_attendee for all to pc_partner
    using (exists (select 1 from counselling_session s where s.id = counselling_session_attendee.session_id))
    with check (exists (select 1 from counselling_session s where s.id = counselling_session_attendee.session_id
                and s.owning_partner = (select pc_app_partner())));

-- Attachments of a session: with their session, written by its holder.
create policy attachment_session_partner on attachment for all to pc_partner
    using (owner_kind = 'SESSION' and exists (select 1 from counselling_session s where s.id = attachment.owner_id))
    with check (owner_kind = 'SESSION' and exists (select 1 from counselling_session s where s.id = attachment.owner_id
                and s.owning_partner = (select pc_app_partner())));
--rollback drop policy attachment_session_partner on attachment; drop policy session_attendee_partner on counselling_session_attendee; drop policy session_attendee_all on counselling_session_attendee; alter table counselling_session_attendee disable row level security; drop policy session_topic_partner on counselling_session_topic; drop policy session_topic_all on counselling_session_topic; alter table counselling_session_topic disable row level security; drop policy session_partner_delete on counselling_session; drop policy session_partner_update on counselling_session; drop policy session_partner_insert on counselling_session; drop policy session_partner_read on counselling_session; drop policy session_all on counselling_session; alter table counselling_session disable row level security;
