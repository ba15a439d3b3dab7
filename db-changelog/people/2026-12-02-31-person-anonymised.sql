--liquibase formatted sql

--changeset protection-cases:2026-12-02-31-person-anonymised
-- When a person was anonymised (retention or erasure on request, issue #16). Null: a living record.
-- Anonymised people keep every column statistics read (sex, birth date, community, municipality,
-- groups, returns) and lose every one that names, reaches or describes them.
alter table person add column anonymised_at timestamptz;
create index person_anonymised_idx on person (anonymised_at) where anonymised_at is not null;
--rollback drop index person_anonymised_idx; alter table person drop column anonymised_at;

--changeset protection-cases:2026-12-02-31-duplicates-elsewhere-anonymised splitStatements:false
-- Anonymised people are never duplicate candidates (issue #16): the same function as in
-- 2026-12-02-22-duplicates-elsewhere, with "p.anonymised_at is null" added to both branches.
create or replace function pc_duplicates_elsewhere(q text, year_of_birth integer, exclude bigint, threshold double precision)
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
            where p.merged_into_id is null and p.anonymised_at is null and p.search_name % pc_fold(q) and similarity(p.search_name, pc_fold(q)) >= threshold
              and (exclude is null or (p.id <> exclude and not exists (select 1 from person_not_duplicate d
                   where (d.person_id = exclude and d.other_id = p.id) or (d.person_id = p.id and d.other_id = exclude))))
            order by similarity(p.search_name, pc_fold(q)) desc, p.id limit 20) c;
    else
        select count(*) filter (where c.registered_by_partner <> pc_app_partner()) into n from (
            select p.registered_by_partner from person p
            where p.merged_into_id is null and p.anonymised_at is null
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
--rollback select 1;
