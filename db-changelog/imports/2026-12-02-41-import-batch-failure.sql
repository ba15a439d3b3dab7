--liquibase formatted sql

--changeset import2:2026-12-02-41-import-batch-failure
-- Imports run in the background (issue #15). One that fails rolls its transaction back, so nothing
-- of it is saved; a batch row of its own then says that it failed and why (an ImportFailure name,
-- translated by the view). Such a row has no records, cannot be undone and does not count as
-- "imported before".
alter table import_batch add column failure varchar(16) check (failure in ('RULES', 'DATABASE', 'UNEXPECTED'));
--rollback alter table import_batch drop column failure;
