--liquibase formatted sql

--changeset protection-cases:2026-12-02-01-shelter-residents-on splitStatements:false
-- The one definition of "living in a collective shelter on a day", read by the shelters module
-- (occupancy) and by reports (factsheet, breakdowns): a stay covers day d when it began on or
-- before d and had not ended by d; a merged duplicate's stay counts under the kept person, so a
-- person recorded twice counts once. A plain SQL set-returning function, so PostgreSQL inlines it
-- into the calling query (no per-row call); the merged pointers come from person_merged_idx.
create function shelter_residents_on(on_date date)
returns table (shelter_id bigint, person_id bigint)
language sql stable parallel safe
as $$
    select r.shelter_id, coalesce(m.merged_into_id, r.person_id)
    from shelter_residence r
    left join person m on m.id = r.person_id and m.merged_into_id is not null
    where r.moved_in <= on_date and (r.moved_out is null or r.moved_out > on_date)
$$;
--rollback drop function shelter_residents_on(date);
