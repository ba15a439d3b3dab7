--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-attachment-row-security splitStatements:false
-- Row-level security on attachments (roles and settings: security/2026-12-02-20-row-security-roles.sql).
-- The attachments module knows no owner: each owning module (cases, counselling, monitoring) adds
-- a permissive policy for partner staff on its owner_kind, as it plugs in an AttachmentOwnerPolicy.
-- Until one does, partner staff see no attachment. The bytes go with their attachment row.
alter table attachment enable row level security;
create policy attachment_all on attachment for all to pc_manager, pc_system using (true) with check (true);
alter table attachment_content enable row level security;
create policy attachment_content_all on attachment_content for all to pc_manager, pc_system using (true) with check (true);
create policy attachment_content_partner on attachment_content for all to pc_partner
    using (exists (select 1 from attachment a where a.id = attachment_content.attachment_id))
    with check (exists (select 1 from attachment a where a.id = attachment_content.attachment_id));
--rollback drop policy attachment_content_partner on attachment_content; drop policy attachment_content_all on attachment_content; alter table attachment_content disable row level security; drop policy attachment_all on attachment; alter table attachment disable row level security;
