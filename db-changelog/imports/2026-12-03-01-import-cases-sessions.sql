--liquibase formatted sql

--changeset feat-import-cases:2026-12-03-1
-- Bulk import of cases and counselling sessions (issue #15): batches, their records and saved
-- column mappings of these kinds besides people.
alter table import_batch drop constraint import_batch_kind_check;
alter table import_batch add constraint import_batch_kind_check check (kind in ('PEOPLE', 'CASES', 'SESSIONS'));
alter table import_mapping drop constraint import_mapping_kind_check;
alter table import_mapping add constraint import_mapping_kind_check check (kind in ('PEOPLE', 'CASES', 'SESSIONS'));
alter table import_record drop constraint import_record_entity_type_check;
alter table import_record add constraint import_record_entity_type_check check (entity_type in ('person', 'case', 'session'));
--rollback alter table import_record drop constraint import_record_entity_type_check; alter table import_record add constraint import_record_entity_type_check check (entity_type in ('person')); alter table import_mapping drop constraint import_mapping_kind_check; alter table import_mapping add constraint import_mapping_kind_check check (kind in ('PEOPLE')); alter table import_batch drop constraint import_batch_kind_check; alter table import_batch add constraint import_batch_kind_check check (kind in ('PEOPLE'));
