--liquibase formatted sql

--changeset protection-cases:2026-12-02-30-failed-authentication-bucket
-- The reporting API's failed-authentication limit per client address, shared by every app node
-- (issue #17): Bucket4j's PostgreSQL proxy manager keeps each client's bucket here (state: Bucket4j's
-- serialised bucket; expires_at: epoch milliseconds after which the bucket is full again and the row
-- can go). Holds addresses only, no personal data of clients of the partners.
create table api_failed_auth_bucket (
    id         varchar(64) primary key,
    state      bytea,
    expires_at bigint
);
create index api_failed_auth_bucket_expires on api_failed_auth_bucket (expires_at);
--rollback drop table api_failed_auth_bucket;
