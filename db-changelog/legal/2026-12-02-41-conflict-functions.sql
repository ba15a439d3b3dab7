--liquibase formatted sql

--changeset lead:2026-12-02-41-conflict-functions splitStatements:false
-- The conflict check's two searches, run with the owner's rights and the partner's rule written out
-- (as pc_duplicate_candidates, people/2026-12-02-40). Under row-level security the trigram operator %
-- is not leakproof, so it could not use the person and party name indexes before the policies:
-- at 1 M people and 250,000 parties each check took 1.2-1.4 s (docs/benchmarks.md, rows 4c/4d).
-- Clients are matched like the people search (person_name dictionary), so the result is the same
-- people as before: those whose folded name is within the threshold.
-- The rule is the partner's cases, current and handed away (ConflictRepository.PARTNERS_CASE), and
-- only the partner's own transaction (or the system) may ask: pc_app_partner() must be the partner.
create function pc_conflict_clients(partner bigint, q text, exclude bigint, max_matches integer)
    returns table (case_id bigint, case_no varchar, name text, score real)
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
begin
    -- Dynamic SQL, so each call is planned for its own name (a generic plan chose far worse joins).
    return query execute $q$
    -- Names first in the dictionary of distinct names (31,000 at 1 M people), then their people by the
    -- name's b-tree: a common family name no longer makes the trigram index recheck thousands of people.
    with names as materialized (
        select n.search_name, similarity(n.search_name, pc_fold($2)) as score
        from person_name n
        where n.search_name % pc_fold($2)
          and (pc_app_partner() = $1 or pc_app_role() = 'SYSTEM')),
    hits as materialized (
        select coalesce(p.merged_into_id, p.id) as person_id, max(n.score) as score
        from names n join person p on p.search_name = n.search_name
        group by 1),
    clients as (
        select c.id as case_id, c.case_no, c.principal_person_id as person_id
        from protection_case c join hits h on h.person_id = c.principal_person_id
        where c.id <> $3 and (c.owning_partner = $1 or exists (select 1 from case_transfer t
              where t.case_id = c.id and t.from_partner = $1 and t.status = 'ACCEPTED'))
        union
        select c.id, c.case_no, m.person_id
        from case_member m join hits h on h.person_id = m.person_id join protection_case c on c.id = m.case_id
        where c.id <> $3 and (c.owning_partner = $1 or exists (select 1 from case_transfer t
              where t.case_id = c.id and t.from_partner = $1 and t.status = 'ACCEPTED')))
    select cl.case_id, cl.case_no, k.given_name || ' ' || k.family_name, h.score
    from clients cl join hits h on h.person_id = cl.person_id join person k on k.id = cl.person_id
    order by h.score desc, cl.case_id desc
    limit $4
    $q$ using partner, q, exclude, max_matches;
end
$$;
revoke execute on function pc_conflict_clients(bigint, text, bigint, integer) from public;
grant execute on function pc_conflict_clients(bigint, text, bigint, integer) to pc_app;

create function pc_conflict_opposing_parties(partner bigint, person bigint, exclude bigint, max_matches integer)
    returns table (case_id bigint, case_no varchar, name varchar, score real)
    language sql stable security definer set search_path = public, pg_temp
as $$
    with names as (select p.search_name from person p
                   where (p.id = person or p.merged_into_id = person)
                     and (pc_app_partner() = partner or pc_app_role() = 'SYSTEM')),
    hits as (
        select cp.id, cp.case_id, cp.name, max(similarity(cp.search_name, n.search_name)) as score
        from names n join case_party cp on cp.party_role = 'OPPOSING_PARTY' and cp.search_name % n.search_name
        group by cp.id, cp.case_id, cp.name)
    select h.case_id, c.case_no, h.name, h.score
    from hits h join protection_case c on c.id = h.case_id
    where c.id <> exclude and (c.owning_partner = partner or exists (select 1 from case_transfer t
          where t.case_id = c.id and t.from_partner = partner and t.status = 'ACCEPTED'))
    order by h.score desc, h.id desc
    limit max_matches
$$;
revoke execute on function pc_conflict_opposing_parties(bigint, bigint, bigint, integer) from public;
grant execute on function pc_conflict_opposing_parties(bigint, bigint, bigint, integer) to pc_app;
--rollback drop function pc_conflict_clients(bigint, text, bigint, integer); drop function pc_conflict_opposing_parties(bigint, bigint, bigint, integer);
