--liquibase formatted sql

--changeset protection-cases:2026-11-27-14-case-members-confidential
-- Household members (or other people) a case also concerns, besides the principal person.
create table case_member (
    case_id    bigint       not null references protection_case (id),
    person_id  bigint       not null references person (id),
    added_by   varchar(64)  not null,
    added_at   timestamptz  not null default now(),
    primary key (case_id, person_id)
);
create index case_member_person_idx on case_member (person_id);
-- Seen only by the owning partner's staff: never by UNHCR managers, former owners, reports or exports.
alter table protection_case add column confidential_note varchar(2000);
--rollback drop table case_member; alter table protection_case drop column confidential_note;
