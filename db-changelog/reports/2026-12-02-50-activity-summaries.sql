--liquibase formatted sql

--changeset perf-activity:2026-12-02-1 splitStatements:false
-- Issue #17, activity statistics: at 1 M people a year's report took 19.4 s, mostly reading 440,000
-- sessions with their 3.5 M topic rows and folding 870,000 session, attendee, visit and case rows
-- through person for a distinct count (docs/benchmarks.md, "Activity statistics"). Three summary
-- tables, kept exactly up to date by statement-level triggers in the writing transaction: each
-- trigger finds the keys its rows touch and recomputes those keys from the base tables (delete +
-- insert), so no running total can drift, and a bulk insert recomputes each key once.
--
-- A session's day is held_at's date in the session time zone of the writer, as the report's
-- `held_at >= cast(:from as date)` reads it in the reader's: the app sets one zone on every
-- connection (the JVM's), so both agree. Rebuild with pc_activity_rebuild() if the zone changes.

-- Sessions per holding partner, day and type of legal aid; with_topic: those with at least one topic.
create table activity_session_day (
    partner_id bigint      not null,
    day        date        not null,
    aid_type   varchar(24) not null,
    sessions   integer     not null,
    with_topic integer     not null,
    primary key (partner_id, day, aid_type)
);
create index activity_session_day_day_idx on activity_session_day (day);

-- Sessions per holding partner, day and topic (a session with two topics counts under each).
create table activity_topic_day (
    partner_id bigint      not null,
    day        date        not null,
    topic      varchar(32) not null,
    sessions   integer     not null,
    primary key (partner_id, day, topic)
);
create index activity_topic_day_day_idx on activity_topic_day (day);

-- Persons reached: one row per partner and person (as recorded, before merges) with every day the
-- partner reached them (sessions held, attended, visits that met them, days their cases were open;
-- an open case reaches on to infinity). person_key is what the report counts: the record a merged
-- person was merged into. A case closed before it was opened (no such data, but no constraint
-- forbids it) cannot be a range: the report counts those from protection_case directly.
create table activity_reach (
    partner_id bigint           not null,
    person_id  bigint           not null,
    person_key bigint           not null,
    reach      datemultirange   not null,
    primary key (partner_id, person_id)
);
create index activity_reach_person_idx on activity_reach (person_id);
create index activity_reach_reach_idx on activity_reach using gist (reach);
create index protection_case_odd_dates_idx on protection_case (opened_on) where closed_on < opened_on;

-- Personal data (who was reached by whom): row-level security like the tables it comes from.
-- Only the owner's trigger functions write.
alter table activity_session_day enable row level security;
alter table activity_topic_day enable row level security;
alter table activity_reach enable row level security;
create policy activity_session_day_all on activity_session_day for select to pc_manager, pc_system using (true);
create policy activity_session_day_partner on activity_session_day for select to pc_partner
    using (partner_id = (select pc_app_partner()));
create policy activity_topic_day_all on activity_topic_day for select to pc_manager, pc_system using (true);
create policy activity_topic_day_partner on activity_topic_day for select to pc_partner
    using (partner_id = (select pc_app_partner()));
create policy activity_reach_all on activity_reach for select to pc_manager, pc_system using (true);
create policy activity_reach_partner on activity_reach for select to pc_partner
    using (partner_id = (select pc_app_partner()));
revoke insert, update, delete, truncate on activity_session_day, activity_topic_day, activity_reach from pc_app;
grant select on activity_session_day, activity_topic_day, activity_reach to pc_app;

-- Recomputes the day buckets (partner, day) given as two parallel arrays.
create function pc_activity_session_days(partners bigint[], days date[]) returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    -- Two transactions recomputing one bucket would each delete and insert it: the second waits
    -- here for the first to commit and then counts its rows too (READ COMMITTED: a new snapshot per
    -- statement). Locks in key order, so two statements never wait for each other in a circle.
    perform pg_advisory_xact_lock(hashtextextended('activity-day:' || b.partner_id || ':' || b.day, 0))
    from (select distinct partner_id, day from unnest(partners, days) as u (partner_id, day) order by 1, 2) b;
    delete from activity_session_day d
        using unnest(partners, days) as b (partner_id, day)
        where d.partner_id = b.partner_id and d.day = b.day;
    delete from activity_topic_day d
        using unnest(partners, days) as b (partner_id, day)
        where d.partner_id = b.partner_id and d.day = b.day;
    insert into activity_session_day (partner_id, day, aid_type, sessions, with_topic)
        select s.owning_partner, b.day, s.aid_type, count(*),
               count(*) filter (where exists (select 1 from counselling_session_topic t where t.session_id = s.id))
        from (select distinct partner_id, day from unnest(partners, days) as u (partner_id, day)) b
        join counselling_session s on s.owning_partner = b.partner_id
            and s.held_at >= cast(b.day as timestamptz) and s.held_at < cast(b.day + 1 as timestamptz)
        group by s.owning_partner, b.day, s.aid_type;
    insert into activity_topic_day (partner_id, day, topic, sessions)
        select s.owning_partner, b.day, t.topic, count(*)
        from (select distinct partner_id, day from unnest(partners, days) as u (partner_id, day)) b
        join counselling_session s on s.owning_partner = b.partner_id
            and s.held_at >= cast(b.day as timestamptz) and s.held_at < cast(b.day + 1 as timestamptz)
        join counselling_session_topic t on t.session_id = s.id
        group by s.owning_partner, b.day, t.topic;
end
$$;

-- Recomputes every partner's reach of the given people (as recorded, i.e. person_id of the sources).
create function pc_activity_reach(people bigint[]) returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    perform pg_advisory_xact_lock(hashtextextended('activity-reach:' || p, 0))
    from (select distinct p from unnest(people) as u (p) order by 1) x;
    delete from activity_reach where person_id = any (people);
    insert into activity_reach (partner_id, person_id, person_key, reach)
        select r.partner_id, r.person_id, coalesce(p.merged_into_id, p.id), range_agg(r.days)
        from (
            select s.owning_partner as partner_id, s.person_id,
                   daterange(cast(s.held_at as date), cast(s.held_at as date), '[]') as days
            from counselling_session s where s.person_id = any (people)
            union all
            select s.owning_partner, a.person_id, daterange(cast(s.held_at as date), cast(s.held_at as date), '[]')
            from counselling_session_attendee a join counselling_session s on s.id = a.session_id
            where a.person_id = any (people)
            union all
            select v.owning_partner, vp.person_id, daterange(v.visit_date, v.visit_date, '[]')
            from visit_person vp join monitoring_visit v on v.id = vp.visit_id where vp.person_id = any (people)
            union all
            select c.owning_partner, c.principal_person_id, daterange(c.opened_on, c.closed_on, '[]')
            from protection_case c
            where c.principal_person_id = any (people) and (c.closed_on is null or c.closed_on >= c.opened_on)
        ) r
        join person p on p.id = r.person_id
        group by r.partner_id, r.person_id, p.merged_into_id, p.id;
end
$$;

-- Trigger functions: one per table, for insert, update and delete (each its own trigger, as
-- transition tables require); TG_OP says which transition tables exist.
create function pc_activity_session_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    partners bigint[];
    days date[];
    people bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(owning_partner), array_agg(cast(held_at as date)) into partners, days from new_rows;
        select array_agg(person_id) into people from (
            select person_id from new_rows
            union select a.person_id from counselling_session_attendee a join new_rows n on n.id = a.session_id) x;
    elsif tg_op = 'UPDATE' then
        select array_agg(owning_partner), array_agg(day) into partners, days from (
            select owning_partner, cast(held_at as date) as day from new_rows
            union select owning_partner, cast(held_at as date) from old_rows) x;
        select array_agg(person_id) into people from (
            select person_id from new_rows union select person_id from old_rows
            union select a.person_id from counselling_session_attendee a join new_rows n on n.id = a.session_id) x;
    else
        -- The attendees and topics went before (their cascade ran first) and refreshed themselves.
        select array_agg(owning_partner), array_agg(cast(held_at as date)) into partners, days from old_rows;
        select array_agg(distinct person_id) into people from old_rows;
    end if;
    if partners is not null then
        perform pc_activity_session_days(partners, days);
    end if;
    if people is not null then
        perform pc_activity_reach(people);
    end if;
    return null;
end
$$;
create trigger counselling_session_activity_ins after insert on counselling_session
    referencing new table as new_rows for each statement execute function pc_activity_session_changed();
create trigger counselling_session_activity_upd after update on counselling_session
    referencing old table as old_rows new table as new_rows for each statement execute function pc_activity_session_changed();
create trigger counselling_session_activity_del after delete on counselling_session
    referencing old table as old_rows for each statement execute function pc_activity_session_changed();

-- Topics: the buckets of their sessions (a session already deleted needs none: its own trigger recomputes).
create function pc_activity_topic_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    ids bigint[];
    partners bigint[];
    days date[];
begin
    if tg_op = 'INSERT' then
        select array_agg(session_id) into ids from new_rows;
    elsif tg_op = 'UPDATE' then
        select array_agg(session_id) into ids from (select session_id from new_rows union select session_id from old_rows) x;
    else
        select array_agg(session_id) into ids from old_rows;
    end if;
    select array_agg(owning_partner), array_agg(day) into partners, days from (
        select distinct s.owning_partner, cast(s.held_at as date) as day
        from counselling_session s where s.id = any (ids)) x;
    if partners is not null then
        perform pc_activity_session_days(partners, days);
    end if;
    return null;
end
$$;
create trigger counselling_session_topic_activity_ins after insert on counselling_session_topic
    referencing new table as new_rows for each statement execute function pc_activity_topic_changed();
create trigger counselling_session_topic_activity_upd after update on counselling_session_topic
    referencing old table as old_rows new table as new_rows for each statement execute function pc_activity_topic_changed();
create trigger counselling_session_topic_activity_del after delete on counselling_session_topic
    referencing old table as old_rows for each statement execute function pc_activity_topic_changed();

-- Rows naming a person (attendees, people met on visits, cases' principal persons, persons merged):
-- that person's reach. Every such table has a person_id-like column: the trigger argument names it.
create function pc_activity_people_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    col text := tg_argv[0];
    people bigint[];
begin
    if tg_op = 'INSERT' then
        execute format('select array_agg(distinct %I) from new_rows', col) into people;
    elsif tg_op = 'UPDATE' then
        execute format('select array_agg(distinct p) from (select %1$I as p from new_rows union select %1$I from old_rows) x', col)
            into people;
    else
        execute format('select array_agg(distinct %I) from old_rows', col) into people;
    end if;
    if people is not null then
        perform pc_activity_reach(people);
    end if;
    return null;
end
$$;
create trigger counselling_session_attendee_activity_ins after insert on counselling_session_attendee
    referencing new table as new_rows for each statement execute function pc_activity_people_changed('person_id');
create trigger counselling_session_attendee_activity_upd after update on counselling_session_attendee
    referencing old table as old_rows new table as new_rows for each statement execute function pc_activity_people_changed('person_id');
create trigger counselling_session_attendee_activity_del after delete on counselling_session_attendee
    referencing old table as old_rows for each statement execute function pc_activity_people_changed('person_id');
create trigger visit_person_activity_ins after insert on visit_person
    referencing new table as new_rows for each statement execute function pc_activity_people_changed('person_id');
create trigger visit_person_activity_upd after update on visit_person
    referencing old table as old_rows new table as new_rows for each statement execute function pc_activity_people_changed('person_id');
create trigger visit_person_activity_del after delete on visit_person
    referencing old table as old_rows for each statement execute function pc_activity_people_changed('person_id');
create trigger protection_case_activity_ins after insert on protection_case
    referencing new table as new_rows for each statement execute function pc_activity_people_changed('principal_person_id');
create trigger protection_case_activity_upd after update on protection_case
    referencing old table as old_rows new table as new_rows for each statement execute function pc_activity_people_changed('principal_person_id');
create trigger protection_case_activity_del after delete on protection_case
    referencing old table as old_rows for each statement execute function pc_activity_people_changed('principal_person_id');

-- A visit's date or partner: the people it met (a new visit has met no one yet; a deleted one no longer).
create function pc_activity_visit_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    people bigint[];
begin
    select array_agg(distinct vp.person_id) into people
    from visit_person vp join new_rows n on n.id = vp.visit_id join old_rows o on o.id = n.id
    where n.visit_date is distinct from o.visit_date or n.owning_partner is distinct from o.owning_partner;
    if people is not null then
        perform pc_activity_reach(people);
    end if;
    return null;
end
$$;
create trigger monitoring_visit_activity_upd after update on monitoring_visit
    referencing old table as old_rows new table as new_rows for each statement execute function pc_activity_visit_changed();

-- A merge (merged_into_id) changes whom the person counts as; other edits of a person change nothing here.
create function pc_activity_person_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    people bigint[];
begin
    select array_agg(n.id) into people
    from new_rows n join old_rows o on o.id = n.id where n.merged_into_id is distinct from o.merged_into_id;
    if people is not null then
        perform pc_activity_reach(people);
    end if;
    return null;
end
$$;
create trigger person_activity_upd after update on person
    referencing old table as old_rows new table as new_rows for each statement execute function pc_activity_person_changed();

-- Rebuilds all three tables from the base tables (here once; again if the time zone changes).
create function pc_activity_rebuild() returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    truncate activity_session_day, activity_topic_day, activity_reach;
    insert into activity_session_day (partner_id, day, aid_type, sessions, with_topic)
        select s.owning_partner, cast(s.held_at as date), s.aid_type, count(*), count(t.session_id)
        from counselling_session s
        left join (select distinct session_id from counselling_session_topic) t on t.session_id = s.id
        group by 1, 2, 3;
    insert into activity_topic_day (partner_id, day, topic, sessions)
        select s.owning_partner, cast(s.held_at as date), t.topic, count(*)
        from counselling_session s join counselling_session_topic t on t.session_id = s.id
        group by 1, 2, 3;
    insert into activity_reach (partner_id, person_id, person_key, reach)
        select r.partner_id, r.person_id, coalesce(p.merged_into_id, p.id), range_agg(r.days)
        from (
            select s.owning_partner as partner_id, s.person_id,
                   daterange(cast(s.held_at as date), cast(s.held_at as date), '[]') as days
            from counselling_session s
            union all
            select s.owning_partner, a.person_id, daterange(cast(s.held_at as date), cast(s.held_at as date), '[]')
            from counselling_session_attendee a join counselling_session s on s.id = a.session_id
            union all
            select v.owning_partner, vp.person_id, daterange(v.visit_date, v.visit_date, '[]')
            from visit_person vp join monitoring_visit v on v.id = vp.visit_id
            union all
            select c.owning_partner, c.principal_person_id, daterange(c.opened_on, c.closed_on, '[]')
            from protection_case c where c.closed_on is null or c.closed_on >= c.opened_on
        ) r
        join person p on p.id = r.person_id
        group by r.partner_id, r.person_id, p.merged_into_id, p.id;
    analyze activity_session_day;
    analyze activity_topic_day;
    analyze activity_reach;
end
$$;
select pc_activity_rebuild();
--rollback drop trigger person_activity_upd on person; drop trigger monitoring_visit_activity_upd on monitoring_visit; drop trigger protection_case_activity_ins on protection_case; drop trigger protection_case_activity_upd on protection_case; drop trigger protection_case_activity_del on protection_case; drop trigger visit_person_activity_ins on visit_person; drop trigger visit_person_activity_upd on visit_person; drop trigger visit_person_activity_del on visit_person; drop trigger counselling_session_attendee_activity_ins on counselling_session_attendee; drop trigger counselling_session_attendee_activity_upd on counselling_session_attendee; drop trigger counselling_session_attendee_activity_del on counselling_session_attendee; drop trigger counselling_session_topic_activity_ins on counselling_session_topic; drop trigger counselling_session_topic_activity_upd on counselling_session_topic; drop trigger counselling_session_topic_activity_del on counselling_session_topic; drop trigger counselling_session_activity_ins on counselling_session; drop trigger counselling_session_activity_upd on counselling_session; drop trigger counselling_session_activity_del on counselling_session; drop function pc_activity_rebuild(); drop function pc_activity_person_changed(); drop function pc_activity_visit_changed(); drop function pc_activity_people_changed(); drop function pc_activity_topic_changed(); drop function pc_activity_session_changed(); drop function pc_activity_reach(bigint[]); drop function pc_activity_session_days(bigint[], date[]); drop index protection_case_odd_dates_idx; drop table activity_reach; drop table activity_topic_day; drop table activity_session_day;

--changeset perf-activity:2026-12-02-2
-- The activity report's case and referral tables by index-only range scans instead of reading all
-- 1 M cases (casesByType 1.5 s, referrals 0.3 s at load 9): each index carries every column its
-- query reads, including the scope columns (partner, assignee). closed_on is set exactly when the
-- case is closed (case_closed_ck); status is included because the query still asks for it.
create index protection_case_opened_on_idx on protection_case (opened_on) include (case_type, owning_partner, assigned_to);
create index protection_case_closed_on_idx on protection_case (closed_on) include (case_type, status, outcome, owning_partner, assigned_to)
    where closed_on is not null;
create index protection_case_obtained_on_idx on protection_case (obtained_on) include (document_sought, owning_partner, assigned_to)
    where case_type = 'CIVIL_DOCUMENTATION' and obtained_on is not null;
create index referral_referred_on_idx on referral (referred_on) include (target, status, case_id, visit_id, referring_partner);
--rollback drop index referral_referred_on_idx; drop index protection_case_obtained_on_idx; drop index protection_case_closed_on_idx; drop index protection_case_opened_on_idx;
