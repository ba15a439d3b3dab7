--liquibase formatted sql

--changeset ux-a11y:2026-12-02-50-history-messages
-- A history entry can be written as a message key with its arguments and is then shown in the
-- reader's language (audit.AuditMessage); details keeps the English text for the application log,
-- exports and the subject-access record. Older entries have no key and are shown as written.
alter table audit_event add column message_key varchar(100), add column message_args text[];
--rollback alter table audit_event drop column message_key, drop column message_args;
