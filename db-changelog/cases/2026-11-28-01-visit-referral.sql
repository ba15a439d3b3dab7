--liquibase formatted sql

--changeset protection-cases:2026-11-28-01-visit-referral
-- Referrals are also made during monitoring visits, for a person met there who may have no case.
-- A referral now always names its person (for a case referral: the case's principal person) and
-- comes from a case or a visit; a visit referral records the partner that made it, for scoping.
-- visit_id's foreign key is added by the monitoring module (cases must not depend on monitoring).
alter table referral alter column case_id drop not null;
alter table referral add column visit_id bigint;
alter table referral add column person_id bigint references person (id);
alter table referral add column referring_partner bigint references partner (id);
update referral r set person_id = c.principal_person_id from protection_case c where c.id = r.case_id;
alter table referral alter column person_id set not null;
alter table referral add constraint referral_origin_ck
    check (case_id is not null or (visit_id is not null and referring_partner is not null));
create index referral_visit_idx on referral (visit_id) where visit_id is not null;
create index referral_person_idx on referral (person_id);
--rollback drop index referral_person_idx; drop index referral_visit_idx; alter table referral drop constraint referral_origin_ck; alter table referral drop column referring_partner; alter table referral drop column person_id; alter table referral drop column visit_id; alter table referral alter column case_id set not null;
