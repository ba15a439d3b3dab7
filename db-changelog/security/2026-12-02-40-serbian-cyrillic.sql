--liquibase formatted sql

--changeset ux-reports:2026-12-02-40-serbian-cyrillic
-- Serbian in Cyrillic script as a fourth UI language (issue #13), remembered per user like the others.
alter table user_account drop constraint user_account_preferred_language_check;
alter table user_account add constraint user_account_preferred_language_check
    check (preferred_language in ('en', 'sq', 'sr', 'sr-Cyrl'));
--rollback alter table user_account drop constraint user_account_preferred_language_check;
--rollback alter table user_account add constraint user_account_preferred_language_check check (preferred_language in ('en', 'sq', 'sr'));
