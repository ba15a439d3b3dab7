--liquibase formatted sql

--changeset protection-cases:2026-12-02-20-person-row-security splitStatements:false
-- Row-level security on people and their records (roles and settings:
-- security/2026-12-02-20-row-security-roles.sql). The rule of PersonService: partner staff see the
-- people their partner registered or holds a person_access grant for; UNHCR managers and start-up
-- work see all; anyone else nobody. Writes stay in the same scope (with check).
--
-- Cost: the partner is read once per query (an InitPlan), the grants once per query into a hash
-- (a hashed SubPlan over the partner's few person_access rows); "registered by" is a plain column
-- comparison. Managers' policy is "true": nothing per row, index-only scans stay possible.
-- Cost: policies do not grow per row. The partner is read once per query (an InitPlan); managers'
-- policies are "true" (nothing per row, index-only scans stay possible). Sub-selects in policies
-- read views owned by the tables' owner, so row-level security does not apply inside them (no
-- nested policies to plan) and each returns only the caller's own ids:
--   pc_partner_people  the people the partner registered;
--   pc_partner_grants  its person_access grants.
-- They are asked as correlated EXISTS, which PostgreSQL plans two ways and picks at the end: a probe
-- of the primary key (or of person_access_partner_idx) per row when a query reads few rows (a page,
-- a record), one hash of all the partner's ids per query when it reads many (a count, a report).
-- A plain "id in (select ...)" is always hashed: at 1 M people that rebuilt a hash of thousands of
-- grants for every page, and its cost, counted again for every row of a nested loop, pushed small
-- pages into parallel plans.
create view pc_partner_people as
    select p.id from person p where p.registered_by_partner = (select pc_app_partner());
create view pc_partner_grants as
    select a.person_id from person_access a where a.partner_id = (select pc_app_partner());
grant select on pc_partner_people, pc_partner_grants to pc_app;

alter table person enable row level security;
create policy person_all on person for all to pc_manager, pc_system using (true) with check (true);
create policy person_partner on person for all to pc_partner
    using (registered_by_partner = (select pc_app_partner())
           or exists (select 1 from pc_partner_grants g where g.person_id = person.id))
    with check (registered_by_partner = (select pc_app_partner())
           or exists (select 1 from pc_partner_grants g where g.person_id = person.id));
-- A partner sees its own grants; managers all (merges move them).
alter table person_access enable row level security;
create policy person_access_all on person_access for all to pc_manager, pc_system using (true) with check (true);
create policy person_access_partner on person_access for all to pc_partner
    using (partner_id = (select pc_app_partner())) with check (partner_id = (select pc_app_partner()));

-- Records of a person: visible with their person by person_partner's rule, written the same way.
-- They repeat the rule rather than ask person,
-- so a person offered in a pending transfer (readable by name, cases/2026-12-02-20-*) keeps them hidden.
alter table person_group enable row level security;
create policy person_group_all on person_group for all to pc_manager, pc_system using (true) with check (true);
create policy person_group_partner on person_group for all to pc_partner
    using (exists (select 1 from pc_partner_people p where p.id = person_group.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = person_group.person_id))
    with check (exists (select 1 from pc_partner_people p where p.id = person_group.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = person_group.person_id));
alter table consent enable row level security;
create policy consent_all on consent for all to pc_manager, pc_system using (true) with check (true);
create policy consent_partner on consent for all to pc_partner
    using (exists (select 1 from pc_partner_people p where p.id = consent.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = consent.person_id))
    with check (exists (select 1 from pc_partner_people p where p.id = consent.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = consent.person_id));
alter table return_event enable row level security;
create policy return_event_all on return_event for all to pc_manager, pc_system using (true) with check (true);
create policy return_event_partner on return_event for all to pc_partner
    using (exists (select 1 from pc_partner_people p where p.id = return_event.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = return_event.person_id))
    with check (exists (select 1 from pc_partner_people p where p.id = return_event.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = return_event.person_id));
alter table civil_document enable row level security;
create policy civil_document_all on civil_document for all to pc_manager, pc_system using (true) with check (true);
create policy civil_document_partner on civil_document for all to pc_partner
    using (exists (select 1 from pc_partner_people p where p.id = civil_document.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = civil_document.person_id))
    with check (exists (select 1 from pc_partner_people p where p.id = civil_document.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = civil_document.person_id));
alter table household_member enable row level security;
create policy household_member_all on household_member for all to pc_manager, pc_system using (true) with check (true);
create policy household_member_partner on household_member for all to pc_partner
    using (exists (select 1 from pc_partner_people p where p.id = household_member.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = household_member.person_id))
    with check (exists (select 1 from pc_partner_people p where p.id = household_member.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = household_member.person_id));

-- Restricted needs (SGBV, torture survivors): for partners that may see the person and for
-- start-up work, never for UNHCR managers, who read every other need.
alter table specific_need enable row level security;
create policy specific_need_system on specific_need for all to pc_system using (true) with check (true);
create policy specific_need_manager on specific_need for all to pc_manager
    using (need_code not in ('SGBV_SURVIVOR', 'TORTURE_SURVIVOR'))
    with check (need_code not in ('SGBV_SURVIVOR', 'TORTURE_SURVIVOR'));
create policy specific_need_partner on specific_need for all to pc_partner
    using (exists (select 1 from pc_partner_people p where p.id = specific_need.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = specific_need.person_id))
    with check (exists (select 1 from pc_partner_people p where p.id = specific_need.person_id)
           or exists (select 1 from pc_partner_grants g where g.person_id = specific_need.person_id));
--rollback drop policy specific_need_partner on specific_need; drop policy specific_need_manager on specific_need; drop policy specific_need_system on specific_need; alter table specific_need disable row level security; drop policy household_member_partner on household_member; drop policy household_member_all on household_member; alter table household_member disable row level security; drop policy civil_document_partner on civil_document; drop policy civil_document_all on civil_document; alter table civil_document disable row level security; drop policy return_event_partner on return_event; drop policy return_event_all on return_event; alter table return_event disable row level security; drop policy consent_partner on consent; drop policy consent_all on consent; alter table consent disable row level security; drop policy person_group_partner on person_group; drop policy person_group_all on person_group; alter table person_group disable row level security; drop policy person_access_partner on person_access; drop policy person_access_all on person_access; alter table person_access disable row level security; drop policy person_partner on person; drop policy person_all on person; alter table person disable row level security; drop view pc_partner_grants; drop view pc_partner_people;

--changeset protection-cases:2026-12-02-21-person-row-security-functions splitStatements:false
-- A merge (UNHCR managers) must move the restricted needs it may not read: this one statement runs
-- as the tables' owner. It moves only from a record being merged into a kept one, nothing else.
create function pc_move_specific_needs(kept bigint, merged bigint) returns integer
    language sql volatile security definer set search_path = public, pg_temp
as $$
    with moved as (update specific_need set person_id = kept where person_id = merged
                   and pc_app_role() in ('SYSTEM', 'UNHCR_MANAGER') returning 1)
    select count(*)::integer from moved
$$;
revoke execute on function pc_move_specific_needs(bigint, bigint) from public;
grant execute on function pc_move_specific_needs(bigint, bigint) to pc_app;
--rollback drop function pc_move_specific_needs(bigint, bigint);

--changeset protection-cases:2026-12-02-22-duplicates-elsewhere splitStatements:false
-- The duplicate check tells partner staff how many close matches other partners registered,
-- without naming them. Row-level security hides those people, so the count comes from this
-- function, run as the owner; it returns a number only. Same candidates as
-- PersonSearchRepository.duplicateCandidates (the top 20 by similarity), counted when registered
-- by a partner other than the caller's.
create function pc_duplicates_elsewhere(q text, year_of_birth integer, exclude bigint, threshold double precision)
    returns integer
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
declare
    n integer;
begin
    if pc_app_partner() is null or pc_app_role() not in ('PARTNER_COORDINATOR', 'PARTNER_LAWYER', 'PROTECTION_MONITOR') then
        return 0;
    end if;
    if year_of_birth is null then
        select count(*) filter (where c.registered_by_partner <> pc_app_partner()) into n from (
            select p.registered_by_partner from person p
            where p.merged_into_id is null and p.search_name % pc_fold(q) and similarity(p.search_name, pc_fold(q)) >= threshold
              and (exclude is null or (p.id <> exclude and not exists (select 1 from person_not_duplicate d
                   where (d.person_id = exclude and d.other_id = p.id) or (d.person_id = p.id and d.other_id = exclude))))
            order by similarity(p.search_name, pc_fold(q)) desc, p.id limit 20) c;
    else
        select count(*) filter (where c.registered_by_partner <> pc_app_partner()) into n from (
            select p.registered_by_partner from person p
            where p.merged_into_id is null
              and ((p.birth_year between year_of_birth - 1 and year_of_birth + 1 and p.search_name % pc_fold(q))
                   or (p.birth_year is null and p.search_name % pc_fold(q)))
              and similarity(p.search_name, pc_fold(q)) >= threshold
              and (exclude is null or (p.id <> exclude and not exists (select 1 from person_not_duplicate d
                   where (d.person_id = exclude and d.other_id = p.id) or (d.person_id = p.id and d.other_id = exclude))))
            order by similarity(p.search_name, pc_fold(q)) desc, p.id limit 20) c;
    end if;
    return n;
end
$$;
revoke execute on function pc_duplicates_elsewhere(text, integer, bigint, double precision) from public;
grant execute on function pc_duplicates_elsewhere(text, integer, bigint, double precision) to pc_app;
--rollback drop function pc_duplicates_elsewhere(text, integer, bigint, double precision);

--changeset protection-cases:2026-12-02-23-withheld-needs splitStatements:false
-- The access log records that a UNHCR manager's opening of a person withheld restricted needs
-- (PersonService.get), which row-level security hides from that manager. Run as the owner, this
-- answers only that one question, only in a manager's transaction: a one-bit channel kept for the
-- access log (docs/security.md). Everyone else gets false (partner staff see their needs anyway).
create function pc_withholds_restricted_needs(person_id bigint) returns boolean
    language sql stable security definer set search_path = public, pg_temp
as $$
    select pc_app_role() = 'UNHCR_MANAGER' and exists (select 1 from specific_need n where n.person_id = $1
           and n.need_code in ('SGBV_SURVIVOR', 'TORTURE_SURVIVOR'))
$$;
revoke execute on function pc_withholds_restricted_needs(bigint) from public;
grant execute on function pc_withholds_restricted_needs(bigint) to pc_app;
--rollback drop function pc_withholds_restricted_needs(bigint);
