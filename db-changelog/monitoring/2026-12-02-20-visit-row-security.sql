--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-visit-row-security splitStatements:false
-- Row-level security on monitoring visits (roles and settings:
-- security/2026-12-02-20-row-security-roles.sql), the rule of VisitService: the owning partner's
-- staff read and write its visits, UNHCR managers and start-up work all. Monitors, concerns, the
-- people met and the visit's attachments go with their visit.
-- Sub-selects in policies read pc_partner_visits, a view owned by the tables' owner (no nested
-- policies to plan) that returns only the caller's partner's visits.
create view pc_partner_visits as
    select v.id from monitoring_visit v where v.owning_partner = (select pc_app_partner());
grant select on pc_partner_visits to pc_app;
alter table monitoring_visit enable row level security;
create policy visit_all on monitoring_visit for all to pc_manager, pc_system using (true) with check (true);
create policy visit_partner on monitoring_visit for all to pc_partner
    using (owning_partner = (select pc_app_partner())) with check (owning_partner = (select pc_app_partner()));
alter table visit_monitor enable row level security;
create policy visit_monitor_all on visit_monitor for all to pc_manager, pc_system using (true) with check (true);
create policy visit_monitor_partner on visit_monitor for all to pc_partner
    using (exists (select 1 from pc_partner_visits v where v.id = visit_monitor.visit_id))
    with check (exists (select 1 from pc_partner_visits v where v.id = visit_monitor.visit_id));
alter table visit_concern enable row level security;
create policy visit_concern_all on visit_concern for all to pc_manager, pc_system using (true) with check (true);
create policy visit_concern_partner on visit_concern for all to pc_partner
    using (exists (select 1 from pc_partner_visits v where v.id = visit_concern.visit_id))
    with check (exists (select 1 from pc_partner_visits v where v.id = visit_concern.visit_id));
alter table visit_person enable row level security;
create policy visit_person_all on visit_person for all to pc_manager, pc_system using (true) with check (true);
create policy visit_person_partner on visit_person for all to pc_partner
    using (exists (select 1 from pc_partner_visits v where v.id = visit_person.visit_id))
    with check (exists (select 1 from pc_partner_visits v where v.id = visit_person.visit_id));

create policy attachment_visit_partner on attachment for all to pc_partner
    using (owner_kind = 'VISIT' and exists (select 1 from pc_partner_visits v where v.id = attachment.owner_id))
    with check (owner_kind = 'VISIT' and exists (select 1 from pc_partner_visits v where v.id = attachment.owner_id));
--rollback drop policy attachment_visit_partner on attachment; drop policy visit_person_partner on visit_person; drop policy visit_person_all on visit_person; alter table visit_person disable row level security; drop policy visit_concern_partner on visit_concern; drop policy visit_concern_all on visit_concern; alter table visit_concern disable row level security; drop policy visit_monitor_partner on visit_monitor; drop policy visit_monitor_all on visit_monitor; alter table visit_monitor disable row level security; drop policy visit_partner on monitoring_visit; drop policy visit_all on monitoring_visit; alter table monitoring_visit disable row level security; drop view pc_partner_visits;
