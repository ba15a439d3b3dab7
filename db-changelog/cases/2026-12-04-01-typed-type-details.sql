--liquibase formatted sql

--changeset refactor-cases:2026-12-04-01-typed-type-details
-- A case's type-specific fields become typed: one record per case type (CaseTypeDetails), stored as
-- jsonb with the record's name in "type" and only the fields entered. Old rows were a flat object of
-- strings, validated against the type's list by the service; the fields of the case's type are kept
-- (appealLodged becomes a JSON boolean, dates stay ISO text, choices stay their names), anything else
-- is dropped. '{}' stays the column default (the anonymisation and the retention clear with it, and
-- the app reads it as the empty details of the case's type). The version is not raised: nobody
-- changed the case.
alter table protection_case alter column type_details drop default;
-- Converted in the ALTER's USING (a table rewrite) rather than an UPDATE, which would fire the
-- activity report's row triggers for every case.
alter table protection_case alter column type_details type jsonb using jsonb_strip_nulls(case case_type
    when 'ASYLUM' then jsonb_build_object('type', 'ASYLUM',
        'applicationDate', type_details::jsonb -> 'applicationDate',
        'procedureStage', type_details::jsonb -> 'procedureStage',
        'decision', type_details::jsonb -> 'decision',
        'decisionDate', type_details::jsonb -> 'decisionDate',
        'appealLodged', case type_details::jsonb ->> 'appealLodged' when 'true' then 'true'::jsonb when 'false' then 'false'::jsonb end)
    when 'STATELESSNESS' then jsonb_build_object('type', 'STATELESSNESS',
        'nationalityClaim', type_details::jsonb -> 'nationalityClaim',
        'evidence', type_details::jsonb -> 'evidence',
        'determinationOutcome', type_details::jsonb -> 'determinationOutcome')
    when 'RETURN_REINTEGRATION' then jsonb_build_object('type', 'RETURN_REINTEGRATION',
        'placeOfOrigin', type_details::jsonb -> 'placeOfOrigin',
        'returnDate', type_details::jsonb -> 'returnDate',
        'assistance', type_details::jsonb -> 'assistance')
    when 'IDP_DURABLE_SOLUTIONS' then jsonb_build_object('type', 'IDP_DURABLE_SOLUTIONS',
        'currentShelter', type_details::jsonb -> 'currentShelter',
        'solutionSought', type_details::jsonb -> 'solutionSought')
    else jsonb_build_object('type', 'NONE') end);
alter table protection_case alter column type_details set default '{}';
--rollback alter table protection_case alter column type_details drop default;
--rollback alter table protection_case alter column type_details type text using (type_details - 'type')::text;
--rollback alter table protection_case alter column type_details set default '{}';
