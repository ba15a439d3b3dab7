--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-case-row-security splitStatements:false
-- Row-level security on cases and what hangs on them (roles and settings:
-- security/2026-12-02-20-row-security-roles.sql), the rule of CaseService.canSee/canEdit: partner
-- staff read their partner's cases, a case their partner handed away (read-only; the services cut
-- what they show at the transfer time) and, for the receiving coordinator, a case offered to them
-- in a pending transfer (which accepting updates). UNHCR managers and start-up work read all
-- (merges move cases between records). Only the owning partner writes, and nobody writes a case
-- into another partner's hands. RLS hides rows, not columns: confidential_note stays the
-- services' job (CaseDetails carries null for others).

-- Sub-selects in policies read views owned by the tables' owner: row-level security does not apply
-- inside them (no nested policies to plan; and case_transfer's policy may ask about cases while the
-- case policy asks about transfers, which PostgreSQL refuses as recursion between policies). Each
-- returns only ids of the caller's own partner, and is asked as a correlated EXISTS (a probe per row
-- or one hash per query, PostgreSQL's choice; see people/2026-12-02-20-person-row-security.sql):
--   pc_partner_cases           cases the partner owns;
--   pc_partner_transfer_cases  cases it handed away, and (coordinators) cases offered or handed to it;
--   pc_partner_offered_people  (coordinators) the people of cases offered to it in pending transfers.
create view pc_partner_cases as
    select c.id from protection_case c where c.owning_partner = (select pc_app_partner());
create view pc_partner_transfer_cases as
    select t.case_id from case_transfer t
    where (t.from_partner = (select pc_app_partner()) and t.status = 'ACCEPTED')
       or (t.to_partner = (select pc_app_partner()) and t.status in ('PENDING', 'ACCEPTED')
           and (select pc_app_role()) = 'PARTNER_COORDINATOR');
create view pc_partner_offered_people as
    select c.principal_person_id as person_id from case_transfer t join protection_case c on c.id = t.case_id
    where t.to_partner = (select pc_app_partner()) and t.status = 'PENDING' and (select pc_app_role()) = 'PARTNER_COORDINATOR';
grant select on pc_partner_cases, pc_partner_transfer_cases, pc_partner_offered_people to pc_app;

alter table protection_case enable row level security;
create policy case_all on protection_case for all to pc_manager, pc_system using (true) with check (true);
create policy case_partner_read on protection_case for select to pc_partner
    using (owning_partner = (select pc_app_partner()) or exists (select 1 from pc_partner_transfer_cases t where t.case_id = protection_case.id));
create policy case_partner_insert on protection_case for insert to pc_partner
    with check (owning_partner = (select pc_app_partner()));
create policy case_partner_update on protection_case for update to pc_partner
    using (owning_partner = (select pc_app_partner())
           or ((select pc_app_role()) = 'PARTNER_COORDINATOR' and exists (select 1 from pc_partner_transfer_cases t where t.case_id = protection_case.id)))
    with check (owning_partner = (select pc_app_partner()));
create policy case_partner_delete on protection_case for delete to pc_partner
    using (owning_partner = (select pc_app_partner()));

-- The receiving coordinator of a pending transfer reads the person's name to decide (the transfer
-- inbox), nothing more: read-only, and the person's records stay hidden (their policies repeat
-- person_partner's rule instead of asking person).
create policy person_transfer_offer on person for select to pc_partner
    using ((select pc_app_role()) = 'PARTNER_COORDINATOR' and exists (select 1 from pc_partner_offered_people o where o.person_id = person.id));

-- Transfers: the two partners of a transfer, and the partner that now owns the case (its history).
alter table case_transfer enable row level security;
create policy case_transfer_all on case_transfer for all to pc_manager, pc_system using (true) with check (true);
create policy case_transfer_partner on case_transfer for all to pc_partner
    using (from_partner = (select pc_app_partner()) or to_partner = (select pc_app_partner())
           or exists (select 1 from pc_partner_cases c where c.id = case_transfer.case_id))
    with check (from_partner = (select pc_app_partner()) or to_partner = (select pc_app_partner()));

-- A case's timeline and members: visible with their case (its policy decides), written by its owner.
alter table case_status_change enable row level security;
create policy case_status_change_all on case_status_change for all to pc_manager, pc_system using (true) with check (true);
create policy case_status_change_partner on case_status_change for all to pc_partner
    using (exists (select 1 from pc_partner_cases c where c.id = case_status_change.case_id)
           or exists (select 1 from pc_partner_transfer_cases t where t.case_id = case_status_change.case_id))
    with check (exists (select 1 from pc_partner_cases c where c.id = case_status_change.case_id));
alter table case_member enable row level security;
create policy case_member_all on case_member for all to pc_manager, pc_system using (true) with check (true);
create policy case_member_partner on case_member for all to pc_partner
    using (exists (select 1 from pc_partner_cases c where c.id = case_member.case_id)
           or exists (select 1 from pc_partner_transfer_cases t where t.case_id = case_member.case_id))
    with check (exists (select 1 from pc_partner_cases c where c.id = case_member.case_id));

-- Referrals: a case referral with its case (written by the owner), a visit referral by the
-- partner that made it (referring_partner).
alter table referral enable row level security;
create policy referral_all on referral for all to pc_manager, pc_system using (true) with check (true);
create policy referral_partner on referral for all to pc_partner
    using (referring_partner = (select pc_app_partner())
           or exists (select 1 from pc_partner_cases c where c.id = referral.case_id)
           or exists (select 1 from pc_partner_transfer_cases t where t.case_id = referral.case_id))
    with check (referring_partner = (select pc_app_partner())
           or exists (select 1 from pc_partner_cases c where c.id = referral.case_id));

-- Attachments of a case: with their case, written by its owner (attachments/2026-12-02-20-*).
create policy attachment_case_partner on attachment for all to pc_partner
    using (owner_kind = 'CASE' and (exists (select 1 from pc_partner_cases c where c.id = attachment.owner_id)
           or exists (select 1 from pc_partner_transfer_cases t where t.case_id = attachment.owner_id)))
    with check (owner_kind = 'CASE' and exists (select 1 from pc_partner_cases c where c.id = attachment.owner_id));
--rollback drop policy attachment_case_partner on attachment; drop policy referral_partner on referral; drop policy referral_all on referral; alter table referral disable row level security; drop policy case_member_partner on case_member; drop policy case_member_all on case_member; alter table case_member disable row level security; drop policy case_status_change_partner on case_status_change; drop policy case_status_change_all on case_status_change; alter table case_status_change disable row level security; drop policy case_transfer_partner on case_transfer; drop policy case_transfer_all on case_transfer; alter table case_transfer disable row level security; drop policy person_transfer_offer on person; drop policy case_partner_delete on protection_case; drop policy case_partner_update on protection_case; drop policy case_partner_insert on protection_case; drop policy case_partner_read on protection_case; drop policy case_all on protection_case; alter table protection_case disable row level security; drop view pc_partner_offered_people; drop view pc_partner_transfer_cases; drop view pc_partner_cases;
