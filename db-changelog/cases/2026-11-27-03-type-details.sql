--liquibase formatted sql

--changeset protection-cases:2026-11-27-12-type-details
-- Fields that only some case types have (asylum procedure, statelessness determination, return,
-- IDP solutions) as a JSON object in text, validated against CaseType.fields() by the service
-- (query with type_details::jsonb). Civil documentation keeps
-- its own columns because reports count documents obtained.
alter table protection_case add column type_details text not null default '{}';
--rollback alter table protection_case drop column type_details;
