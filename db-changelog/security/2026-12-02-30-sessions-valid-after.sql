--liquibase formatted sql

--changeset protection-cases:2026-12-02-30-sessions-valid-after
-- Ends a user's sessions on every app node (issue #17): disabling an account, changing its role or
-- partner, or resetting its second factor sets this; each node refuses sessions signed in before it.
alter table user_account add column sessions_valid_after timestamptz;
--rollback alter table user_account drop column sessions_valid_after;
