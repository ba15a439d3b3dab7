--liquibase formatted sql

--changeset import2:2026-12-02-40-duplicates-elsewhere-each splitStatements:false
-- The duplicate check for many names at once (the bulk import, issue #15): for each name of the
-- arrays (by position, ord 1..n) how many of its candidates other partners registered. The same
-- candidates as PersonSearchRepository.duplicateCandidates (top 20 by similarity, same birth-year
-- rule, anonymised and merged people left out); names with and without a birth year are asked in two
-- statements so each keeps the index shape of 2026-11-28-01-duplicate-check-index. Run as the
-- owner, it returns numbers only. The threshold of % is the caller's (set_config, as before).
create function pc_duplicates_elsewhere_each(names text[], years integer[], excludes bigint[], threshold double precision)
    returns table (ord bigint, elsewhere integer)
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
#variable_conflict use_column
begin
    if pc_app_partner() is null or pc_app_role() not in ('PARTNER_COORDINATOR', 'PARTNER_LAWYER', 'PROTECTION_MONITOR') then
        return query select u.i, 0 from unnest(names) with ordinality as u(n, i);
        return;
    end if;
    return query
        with q as materialized (select u.i, pc_fold(u.n) as f, u.y, u.x
                                from unnest(names, years, excludes) with ordinality as u(n, y, x, i) where u.y is not null)
        select q.i, c.n from q cross join lateral (
            select (count(*) filter (where t.registered_by_partner <> pc_app_partner()))::integer as n from (
                select p.registered_by_partner from person p
                where p.merged_into_id is null and p.anonymised_at is null
                  and ((p.birth_year between q.y - 1 and q.y + 1 and p.search_name % q.f)
                       or (p.birth_year is null and p.search_name % q.f))
                  and similarity(p.search_name, q.f) >= threshold
                  and (q.x is null or (p.id <> q.x and not exists (select 1 from person_not_duplicate d
                       where (d.person_id = q.x and d.other_id = p.id) or (d.person_id = p.id and d.other_id = q.x))))
                order by similarity(p.search_name, q.f) desc, p.id limit 20) t) c;
    return query
        with q as materialized (select u.i, pc_fold(u.n) as f, u.x
                                from unnest(names, years, excludes) with ordinality as u(n, y, x, i) where u.y is null)
        select q.i, c.n from q cross join lateral (
            select (count(*) filter (where t.registered_by_partner <> pc_app_partner()))::integer as n from (
                select p.registered_by_partner from person p
                where p.merged_into_id is null and p.anonymised_at is null
                  and p.search_name % q.f and similarity(p.search_name, q.f) >= threshold
                  and (q.x is null or (p.id <> q.x and not exists (select 1 from person_not_duplicate d
                       where (d.person_id = q.x and d.other_id = p.id) or (d.person_id = p.id and d.other_id = q.x))))
                order by similarity(p.search_name, q.f) desc, p.id limit 20) t) c;
end
$$;
revoke execute on function pc_duplicates_elsewhere_each(text[], integer[], bigint[], double precision) from public;
grant execute on function pc_duplicates_elsewhere_each(text[], integer[], bigint[], double precision) to pc_app;

-- The one-name function now asks the set function, so the rule is written once.
create or replace function pc_duplicates_elsewhere(q text, year_of_birth integer, exclude bigint, threshold double precision)
    returns integer
    language sql stable security definer set search_path = public, pg_temp
as $$
    select coalesce((select e.elsewhere from pc_duplicates_elsewhere_each(array[q], array[year_of_birth], array[exclude], threshold) e), 0)
$$;
--rollback drop function pc_duplicates_elsewhere_each(text[], integer[], bigint[], double precision);
