--liquibase formatted sql

--changeset lead:2026-12-02-40-duplicate-candidates splitStatements:false
-- The duplicate check's candidates for partner staff, with the partner's visibility applied here
-- instead of by row-level security. Under RLS the person policy is a security barrier, and the
-- trigram operator % is not leakproof, so PostgreSQL may not use it as an index condition before
-- the policy: the check scanned every person born within the year (32,000 at 1 M people) and took
-- 0.3-3 s (docs/benchmarks.md, row 4). Here the GiST/GIN trigram indexes find the few matches first
-- and the same visibility rule as the policy (own registrations or the partner's grants) filters
-- them. Only the partner's own visible people leave the function; pc_duplicates_elsewhere still
-- counts the others. It returns what the duplicate panel shows (father's name, sex, municipality).
create function pc_duplicate_candidates(q text, year_of_birth integer, exclude bigint, threshold double precision)
    returns table (id bigint, registration_no varchar, given_name varchar, family_name varchar, birth_year integer,
                   registered_by_partner bigint, score real, father_name varchar, sex varchar, municipality_code varchar)
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
#variable_conflict use_column
begin
    if pc_app_partner() is null or pc_app_role() not in ('PARTNER_COORDINATOR', 'PARTNER_LAWYER', 'PROTECTION_MONITOR') then
        return;
    end if;
    -- Two statements rather than one with a CASE, so each keeps its index (GiST by year and name, or GIN by name).
    if year_of_birth is null then
        return query
            select c.id, c.registration_no, c.given_name, c.family_name, c.birth_year, c.registered_by_partner, c.score,
                   c.father_name, c.sex, c.municipality_code
            from (select p.id, p.registration_no, p.given_name, p.family_name, p.birth_year, p.registered_by_partner,
                         p.father_name, p.sex, p.municipality_code, similarity(p.search_name, pc_fold(q)) as score
                  from person p
                  where p.merged_into_id is null and p.anonymised_at is null
                    and p.search_name % pc_fold(q) and similarity(p.search_name, pc_fold(q)) >= threshold
                    and (exclude is null or (p.id <> exclude and not exists (select 1 from person_not_duplicate d
                         where (d.person_id = exclude and d.other_id = p.id) or (d.person_id = p.id and d.other_id = exclude))))) c
            where c.registered_by_partner = pc_app_partner()
               or exists (select 1 from person_access a where a.person_id = c.id and a.partner_id = pc_app_partner())
            order by c.score desc, c.id
            limit 20;
    else
        return query
            select c.id, c.registration_no, c.given_name, c.family_name, c.birth_year, c.registered_by_partner, c.score,
                   c.father_name, c.sex, c.municipality_code
            from (select p.id, p.registration_no, p.given_name, p.family_name, p.birth_year, p.registered_by_partner,
                         p.father_name, p.sex, p.municipality_code, similarity(p.search_name, pc_fold(q)) as score
                  from person p
                  where p.merged_into_id is null and p.anonymised_at is null
                    and ((p.birth_year between year_of_birth - 1 and year_of_birth + 1 and p.search_name % pc_fold(q))
                         or (p.birth_year is null and p.search_name % pc_fold(q)))
                    and similarity(p.search_name, pc_fold(q)) >= threshold
                    and (exclude is null or (p.id <> exclude and not exists (select 1 from person_not_duplicate d
                         where (d.person_id = exclude and d.other_id = p.id) or (d.person_id = p.id and d.other_id = exclude))))) c
            where c.registered_by_partner = pc_app_partner()
               or exists (select 1 from person_access a where a.person_id = c.id and a.partner_id = pc_app_partner())
            order by c.score desc, c.id
            limit 20;
    end if;
end
$$;
revoke execute on function pc_duplicate_candidates(text, integer, bigint, double precision) from public;
grant execute on function pc_duplicate_candidates(text, integer, bigint, double precision) to pc_app;
--rollback drop function pc_duplicate_candidates(text, integer, bigint, double precision);
