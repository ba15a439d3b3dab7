--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-residence-row-security splitStatements:false
-- Row-level security on shelter stays (roles and settings: security/2026-12-02-20-row-security-roles.sql).
-- Occupancy is shared: every partner's registry counts every stay (shelter_residents_on), so partner
-- staff read all stay rows, which carry a person id and dates, no name (person's own policy hides
-- the person). They record, change and end stays only of people they may see, as ShelterService does.
alter table shelter_residence enable row level security;
create policy residence_all on shelter_residence for all to pc_manager, pc_system using (true) with check (true);
create policy residence_partner_read on shelter_residence for select to pc_partner using (true);
create policy residence_partner_insert on shelter_residence for insert to pc_partner
    with check ((exists (select 1 from pc_partner_people p where p.id = shelter_residence.person_id) or exists (select 1 from pc_partner_grants g where g.person_id = shelter_residence.person_id)));
create policy residence_partner_update on shelter_residence for update to pc_partner
    using ((exists (select 1 from pc_partner_people p where p.id = shelter_residence.person_id) or exists (select 1 from pc_partner_grants g where g.person_id = shelter_residence.person_id)))
    with check ((exists (select 1 from pc_partner_people p where p.id = shelter_residence.person_id) or exists (select 1 from pc_partner_grants g where g.person_id = shelter_residence.person_id)));
create policy residence_partner_delete on shelter_residence for delete to pc_partner
    using ((exists (select 1 from pc_partner_people p where p.id = shelter_residence.person_id) or exists (select 1 from pc_partner_grants g where g.person_id = shelter_residence.person_id)));
--rollback drop policy residence_partner_delete on shelter_residence; drop policy residence_partner_update on shelter_residence; drop policy residence_partner_insert on shelter_residence; drop policy residence_partner_read on shelter_residence; drop policy residence_all on shelter_residence; alter table shelter_residence disable row level security;
