--liquibase formatted sql

--changeset ux-cases:2026-12-02-1
-- A referral still waiting for an answer when its case is closed may be cancelled (withdrawn).
alter table referral drop constraint referral_status_check;
alter table referral add constraint referral_status_check check (status in ('SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'WITHDRAWN'));
--rollback alter table referral drop constraint referral_status_check; alter table referral add constraint referral_status_check check (status in ('SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED'));
