--liquibase formatted sql

--changeset lead:2026-12-04-02-party-name-dictionary splitStatements:false
-- The conflict check's second search (a new client against the partner's opposing parties, issue
-- #19, benchmark row 4d) matched the client's folded name against every opposing party with the
-- trigram index: a common name ("skender krasnici") is within the threshold of 19,000 of the
-- 250,000 parties at 1 M people, each then joined to its case to apply the partner's rule, 70-110 ms.
-- As for people (people/2026-11-28-02), the similar names are now found in a dictionary of the
-- distinct folded names of opposing parties (23,400 at 1 M), most similar first, and their parties
-- by the name's b-tree, newest first; the result's order (score, then newest party) lets the plan
-- stop as soon as it has the partner's first matches: 7-17 ms on the same data (docs/benchmarks.md).
create table party_name (
    search_name text primary key
);
create index party_name_trgm on party_name using gin (search_name gin_trgm_ops);
create index case_party_opposing_name on case_party (search_name, id desc) include (case_id) where party_role = 'OPPOSING_PARTY';
insert into party_name (search_name)
select distinct search_name from case_party where party_role = 'OPPOSING_PARTY' and search_name is not null;
-- Names are personal data: the app reads them only through the conflict function, and a name no
-- opposing party bears any more (removed, anonymised) leaves the dictionary.
revoke all on party_name from pc_app;

create function pc_party_name_sync() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into party_name (search_name)
        select distinct n.search_name from new_parties n
        where n.party_role = 'OPPOSING_PARTY' and n.search_name is not null
        on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        delete from party_name d
        where d.search_name in (select o.search_name from old_parties o where o.party_role = 'OPPOSING_PARTY')
          and not exists (select 1 from case_party p where p.search_name = d.search_name and p.party_role = 'OPPOSING_PARTY');
    end if;
    return null;
end
$$;
revoke execute on function pc_party_name_sync() from public;
create trigger party_name_on_insert after insert on case_party
    referencing new table as new_parties for each statement execute function pc_party_name_sync();
create trigger party_name_on_update after update on case_party
    referencing old table as old_parties new table as new_parties for each statement execute function pc_party_name_sync();
create trigger party_name_on_delete after delete on case_party
    referencing old table as old_parties for each statement execute function pc_party_name_sync();

-- Same signature, rights and result as before (the same rows in the same order: score, then the
-- newest party); dynamic SQL so each call is planned for its own person, as pc_conflict_clients.
create or replace function pc_conflict_opposing_parties(partner bigint, person bigint, exclude bigint, max_matches integer)
    returns table (case_id bigint, case_no varchar, name varchar, score real)
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
begin
    return query execute $q$
    with names as materialized (
        select p.search_name from person p
        where (p.id = $2 or p.merged_into_id = $2)
          and (pc_app_partner() = $1 or pc_app_role() = 'SYSTEM'))
    select cp.case_id, c.case_no, cp.name, cand.score
    from (select pn.search_name, max(similarity(pn.search_name, n.search_name)) as score
          from names n join party_name pn on pn.search_name % n.search_name
          group by pn.search_name
          order by 2 desc) cand
    cross join lateral (
        select cp.id, cp.case_id, cp.name from case_party cp
        where cp.search_name = cand.search_name and cp.party_role = 'OPPOSING_PARTY'
        order by cp.id desc) cp
    join protection_case c on c.id = cp.case_id
    where c.id <> $3 and (c.owning_partner = $1 or exists (select 1 from case_transfer t
          where t.case_id = c.id and t.from_partner = $1 and t.status = 'ACCEPTED'))
    order by cand.score desc, cp.id desc
    limit $4
    $q$ using partner, person, exclude, max_matches;
end
$$;
revoke execute on function pc_conflict_opposing_parties(bigint, bigint, bigint, integer) from public;
grant execute on function pc_conflict_opposing_parties(bigint, bigint, bigint, integer) to pc_app;
--rollback drop trigger party_name_on_delete on case_party; drop trigger party_name_on_update on case_party; drop trigger party_name_on_insert on case_party; drop function pc_party_name_sync(); drop table party_name; drop index case_party_opposing_name;
