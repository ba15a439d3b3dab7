--liquibase formatted sql

--changeset protection-cases:2026-12-02-33-anonymisation-indexes
-- Anonymisation (issue #16) looks up, per batch of people: the duplicates merged into them, their
-- own sessions and the sessions they attended. Without these, each batch would scan the whole
-- table (1 M people, hundreds of thousands of sessions at scale).
create index person_merged_into_idx on person (merged_into_id) where merged_into_id is not null;
create index counselling_session_person_idx on counselling_session (person_id);
create index counselling_session_attendee_person_idx on counselling_session_attendee (person_id);
--rollback drop index counselling_session_attendee_person_idx; drop index counselling_session_person_idx; drop index person_merged_into_idx;
