--liquibase formatted sql

--changeset protection-cases:2026-12-02-01-audit-restricted
-- History entries about restricted data (a restricted specific need, a confidential note) are
-- shown only to readers who may see that data; which readers that are is the owning module's
-- rule, decided when the history is read (a transfer or a shared person changes it), so the row
-- only says that it is restricted. Adding a column with a constant default rewrites nothing.
alter table audit_event add column restricted boolean not null default false;
update audit_event set restricted = true
    where (action = 'NEED_RECORDED' and details = 'restricted need') or action = 'CASE_CONFIDENTIAL_NOTE';
-- Sessions logged or changed with a restricted topic (SGBV) named it in the entry: such entries are
-- restricted as a whole (the holding partner still sees them; rewriting their text would be guessing).
update audit_event set restricted = true where entity_type = 'session' and details like '%SGBV%';
-- A session edit that changed only the note becomes the note's own (restricted) entry; one that
-- also changed other fields is split, so those changes stay visible and the note's change does not.
update audit_event set action = 'SESSION_CONFIDENTIAL_NOTE', details = 'confidential note changed', restricted = true
    where action = 'SESSION_UPDATED' and details in ('; confidential note changed', 'confidential note changed');
insert into audit_event (occurred_at, actor, action, entity_type, entity_id, details, restricted)
    select occurred_at, actor, 'SESSION_CONFIDENTIAL_NOTE', entity_type, entity_id, 'confidential note changed', true
    from audit_event where action = 'SESSION_UPDATED' and details like '%; confidential note changed';
update audit_event set details = left(details, length(details) - length('; confidential note changed'))
    where action = 'SESSION_UPDATED' and details like '%; confidential note changed';

-- An opening whose reader was not shown restricted parts of the record says which (granted rows only).
alter table record_access add column withheld varchar(100);
--rollback alter table record_access drop column withheld; alter table audit_event drop column restricted;
