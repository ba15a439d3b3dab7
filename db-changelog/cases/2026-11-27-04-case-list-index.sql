--liquibase formatted sql

--changeset protection-cases:2026-11-27-13-case-list-index
-- "My cases" and partner counts as index-only scans (measured at 1 M cases: 126 ms -> 5 ms, 133 ms -> 61 ms).
create index protection_case_partner_assignee_idx on protection_case (owning_partner, assigned_to, id desc);
--rollback drop index protection_case_partner_assignee_idx;
