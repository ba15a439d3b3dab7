--liquibase formatted sql

--changeset protection-cases:2026-12-02-33-calendar-feed
-- One secret iCalendar feed address per user. Only the SHA-256 of the secret is kept (the secret is
-- 256 random bits, so a plain hash is enough: nothing to guess from it); a new address replaces
-- the old one, revoking deletes the row. Looked up before any user is known (the calendar
-- application has no session), so no row-level security: the row names only the account.
create table calendar_feed (
    username    varchar(64)  primary key,
    token_hash  varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    last_used   timestamptz
);
create unique index calendar_feed_token_uk on calendar_feed (token_hash);
--rollback drop table calendar_feed;
