--liquibase formatted sql

--changeset protection-cases:2026-11-28-02-aggregate-indexes
-- The factsheet counts distinct people from the dated tables and then leaves merged duplicates
-- out with an anti-join; these make both cheap at 1 M people (docs/benchmarks.md): returns by
-- person in date order (an index-only scan feeds a Unique, no sort or hash), and the few merged
-- pointers as a tiny partial index.
create index return_event_person_date_idx on return_event (person_id, return_date);
create index person_merged_idx on person (id) where merged_into_id is not null;
-- Group members by place and person with their dates: distinct people by place of displacement
-- on a date come out of an index-only scan already in order.
create index person_group_place_person_idx on person_group (group_code, displacement_place, person_id) include (start_date, end_date);
--rollback drop index return_event_person_date_idx; drop index person_merged_idx; drop index person_group_place_person_idx;
