--liquibase formatted sql

--changeset h-import:2026-12-05-1 splitStatements:false
-- The duplicate check for one name or many (registration form, bulk import of issue #15), matched
-- in the dictionary of distinct folded names first (person_name, as the people list and the
-- conflict check do), then the people bearing those names by the name's b-tree. Before, each name
-- asked the GiST index on (birth_year, search_name) of all people, once for the partner's visible
-- matches (pc_duplicate_candidates, a plpgsql call per name) and again for the other partners'
-- count (pc_duplicates_elsewhere_each): about 20 ms per name of an import at load 12
-- (docs/benchmarks.md, "Session 11"). Now each distinct name of the call is matched once among the
-- distinct names, and one statement returns both answers.
--
-- Same rule, same answers: a person is a candidate of a name when the folded names are within the
-- threshold, the person is current and not anonymised, born within a year of the name's birth year
-- (either unknown: any year), and not the excluded person or one declared different from it. Per
-- name, in order of similarity then id: the first 20 candidates the caller may see (partner staff:
-- registered by or shared with the partner; UNHCR managers and the system: all), and, for partner
-- staff, a row without a person (id null) giving how many of the first 20 candidates of all other
-- partners registered. Run as the owner; partner staff get other partners' people only as that count.
-- The threshold of % is the caller's (set_config), as for the functions before.
create function pc_duplicates_each(names text[], years integer[], excludes bigint[], threshold double precision)
    returns table (ord bigint, id bigint, registration_no varchar, given_name varchar, family_name varchar, birth_year integer,
                   registered_by_partner bigint, score real, father_name varchar, sex varchar, municipality_code varchar,
                   elsewhere integer)
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
declare
    partner bigint := pc_app_partner();
    sees_all boolean := pc_app_role() in ('UNHCR_MANAGER', 'SYSTEM');
begin
    if not sees_all and (partner is null or pc_app_role() not in ('PARTNER_COORDINATOR', 'PARTNER_LAWYER', 'PROTECTION_MONITOR')) then
        return;
    end if;
    -- Dynamic SQL: planned for this call's arrays (a generic plan guessed 10 names and chose badly).
    return query execute $q$
        with q as materialized (
            select u.i, pc_fold(u.n) as f, u.y, u.x from unnest($1, $2, $3) with ordinality as u(n, y, x, i)),
        m as materialized (
            select d.f, n.search_name, similarity(n.search_name, d.f) as score
            from (select distinct q.f from q) d
            -- offset 0: one trigram index scan per distinct name. Pulled up into a plain join, the
            -- planner was free to scan the dictionary once per name instead (2,000 names: over 120 s).
            cross join lateral (select n.search_name from person_name n where n.search_name % d.f offset 0) n
            where similarity(n.search_name, d.f) >= $4),
        c as materialized (
            select q.i, m.score, p.id, p.registered_by_partner,
                   $6 or p.registered_by_partner = $5
                      or exists (select 1 from person_access a where a.person_id = p.id and a.partner_id = $5) as visible
            from q
            join m on m.f = q.f
            join person p on p.search_name = m.search_name
            where p.merged_into_id is null and p.anonymised_at is null
              and (q.y is null or p.birth_year is null or p.birth_year between q.y - 1 and q.y + 1)
              and (q.x is null or (p.id <> q.x and not exists (select 1 from person_not_duplicate d
                   where (d.person_id = q.x and d.other_id = p.id) or (d.person_id = p.id and d.other_id = q.x))))),
        r as materialized (
            select c.*, row_number() over (partition by c.i order by c.score desc, c.id) as overall,
                   row_number() over (partition by c.i, c.visible order by c.score desc, c.id) as among_visible
            from c)
        select r.i, p.id, p.registration_no, p.given_name, p.family_name, p.birth_year, p.registered_by_partner, r.score,
               p.father_name, p.sex, p.municipality_code, null::integer
        from r join person p on p.id = r.id
        where r.visible and r.among_visible <= 20
        union all
        select r.i, null, null, null, null, null, null, null, null, null, null,
               (count(*) filter (where r.registered_by_partner <> $5))::integer
        from r where r.overall <= 20 and not $6
        group by r.i
    $q$ using names, years, excludes, threshold, partner, sees_all;
end
$$;
revoke execute on function pc_duplicates_each(text[], integer[], bigint[], double precision) from public;
grant execute on function pc_duplicates_each(text[], integer[], bigint[], double precision) to pc_app;
--rollback drop function pc_duplicates_each(text[], integer[], bigint[], double precision);

--changeset h-import:2026-12-05-2
-- The name dictionary is searched for every name of an import (and by every people search) and
-- written only when a new name appears. With GIN's fast update, new names wait in a pending list
-- that every search reads in full until (auto)vacuum merges it: after loading tens of thousands of
-- names, the same 10,000-name duplicate check took 30 s, and 6 s once autovacuum had run
-- (docs/benchmarks.md, "Session 11"). Written straight into the index, new names cost their
-- insert a little more and no search anything.
alter index person_name_trgm set (fastupdate = off);
select gin_clean_pending_list('person_name_trgm'::regclass);
--rollback alter index person_name_trgm reset (fastupdate);
