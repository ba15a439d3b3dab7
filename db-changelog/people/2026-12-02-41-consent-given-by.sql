--liquibase formatted sql

--changeset ux-people:2026-12-02-1
-- Who gave a consent (issue #13: consent recorded where it is needed). Earlier consents were
-- recorded as given by the person, the only case the form offered.
alter table consent add column given_by varchar(32) not null default 'PERSON'
    check (given_by in ('PERSON', 'PARENT_OR_GUARDIAN', 'LEGAL_REPRESENTATIVE'));
--rollback alter table consent drop column given_by;
