--liquibase formatted sql

--changeset protection-cases:2026-11-28-01-duplicate-check-index
-- The duplicate check compares names only among people born within a year of the new person's
-- birth year. With the year as the first column, one GiST scan visits only those years' names,
-- instead of every trigram match in the country (tens of thousands for a common name, see
-- docs/benchmarks.md). siglen=64: longer signatures, fewer false candidates to recheck.
create index person_birth_year_name_gist on person
    using gist (birth_year, search_name gist_trgm_ops(siglen=64)) where birth_year is not null;
-- People with an unknown birth date are always candidates; this keeps that branch an index scan too.
create index person_no_birth_year_name_trgm on person using gin (search_name gin_trgm_ops) where birth_year is null;
--rollback drop index person_no_birth_year_name_trgm; drop index person_birth_year_name_gist;
