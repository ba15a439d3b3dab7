--liquibase formatted sql

--changeset protection-cases:2026-11-27-09-person-access
-- Partners besides the registering one that may see a person because they hold or held a case
-- for them (granted when a case transfer is accepted).
create table person_access (
    person_id   bigint       not null references person (id),
    partner_id  bigint       not null references partner (id),
    granted_at  timestamptz  not null default now(),
    reason      varchar(100) not null,
    primary key (person_id, partner_id)
);
create index person_access_partner_idx on person_access (partner_id, person_id);
--rollback drop table person_access;
