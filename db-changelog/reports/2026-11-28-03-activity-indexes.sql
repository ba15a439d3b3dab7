--liquibase formatted sql

--changeset protection-cases:2026-11-28-03-activity-indexes
-- Activity statistics select sessions by date across partners (a manager's view): an index-only
-- range scan instead of reading all sessions (at 2.7 M sessions a quarter takes 63 ms instead of ~0.9 s).
create index counselling_session_held_idx on counselling_session (held_at) include (owning_partner, counsellor, aid_type, person_id);
--rollback drop index counselling_session_held_idx;
