--liquibase formatted sql

--changeset lead:2026-12-06-01-activity-lock-bounded splitStatements:false
-- Issue #17: the activity summaries' writers (reports/2026-12-02-50, 2026-12-04-01, 2026-12-05-01)
-- took one advisory lock per (partner, day) bucket and per person. Locks live in a shared table of
-- max_locks_per_transaction x max_connections slots (6,400 by default), so one statement touching
-- more people than that failed with "out of shared memory": generating the 1 M data set from scratch
-- did (pc_activity_reach from the sessions' insert), and so would any bulk write of that size.
-- Now every writer goes through pc_activity_lock: up to 256 keys it holds a shared lock on the kind's
-- one "all keys" lock and then its keys in order, as before; a statement with more keys takes the
-- "all keys" lock exclusively instead (it waits for the small writers and they for it; small writers
-- still run side by side). The bodies below are the current ones with only the lock statement changed.
create function pc_activity_lock(kind text, keys text[]) returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if (select count(distinct k) from unnest(keys) as u (k)) > 256 then
        perform pg_advisory_xact_lock(hashtextextended('activity-' || kind || ':*', 0));
    else
        perform pg_advisory_xact_lock_shared(hashtextextended('activity-' || kind || ':*', 0));
        perform pg_advisory_xact_lock(hashtextextended('activity-' || kind || ':' || x.k, 0))
        from (select distinct k from unnest(keys) as u (k) order by 1) x;
    end if;
end
$$;
revoke execute on function pc_activity_lock(text, text[]) from public;

create or replace function pc_activity_session_days(partners bigint[], days date[]) returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    -- Two transactions recomputing one bucket would each delete and insert it: the second waits
    -- here for the first to commit and then counts its rows too (READ COMMITTED: a new snapshot per
    -- statement). Locks in key order, so two statements never wait for each other in a circle.
    perform pc_activity_lock('day', array(select u.partner_id || ':' || u.day from unnest(partners, days) as u (partner_id, day)));
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

create or replace function pc_activity_reach(people bigint[]) returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    perform pc_activity_lock('reach', array(select cast(u.p as text) from unnest(people) as u (p)));
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

create or replace function pc_activity_session_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    partners bigint[];
    days date[];
    people bigint[];
begin
    if tg_op = 'INSERT' then
        perform pc_activity_lock('day', array(select n.owning_partner || ':' || cast(n.held_at as date) from new_rows n));
        insert into activity_session_day as d (partner_id, day, aid_type, sessions, with_topic)
            select n.owning_partner, cast(n.held_at as date), n.aid_type, count(*),
                   count(*) filter (where exists (select 1 from counselling_session_topic t where t.session_id = n.id))
            from new_rows n
            group by 1, 2, 3
            on conflict (partner_id, day, aid_type)
                do update set sessions = d.sessions + excluded.sessions, with_topic = d.with_topic + excluded.with_topic;
        select array_agg(person_id) into people from (
            select person_id from new_rows
            union select a.person_id from counselling_session_attendee a join new_rows n on n.id = a.session_id) x;
    elsif tg_op = 'UPDATE' then
        -- Only sessions whose counted columns changed: an edit of the text (a summary, anonymisation
        -- clearing the notes) changes no figure and recounts nothing.
        with changed as (
            select n.id, n.owning_partner as np, cast(n.held_at as date) as nd, n.person_id as npe,
                   o.owning_partner as op, cast(o.held_at as date) as od, o.person_id as ope
            from new_rows n join old_rows o on o.id = n.id
            where (n.owning_partner, cast(n.held_at as date), n.aid_type, n.person_id)
                  is distinct from (o.owning_partner, cast(o.held_at as date), o.aid_type, o.person_id))
        select array_agg(owning_partner), array_agg(day) into partners, days from (
            select np as owning_partner, nd as day from changed union select op, od from changed) x;
        with changed as (
            select n.id, n.person_id as npe, o.person_id as ope
            from new_rows n join old_rows o on o.id = n.id
            where (n.owning_partner, cast(n.held_at as date), n.aid_type, n.person_id)
                  is distinct from (o.owning_partner, cast(o.held_at as date), o.aid_type, o.person_id))
        select array_agg(person_id) into people from (
            select npe as person_id from changed union select ope from changed
            union select a.person_id from counselling_session_attendee a where a.session_id in (select id from changed)) x;
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

create or replace function pc_activity_topic_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    ids bigint[];
    partners bigint[];
    days date[];
begin
    if tg_op = 'INSERT' then
        perform pc_activity_lock('day', array(select s.owning_partner || ':' || cast(s.held_at as date)
                                              from counselling_session s where s.id in (select session_id from new_rows)));
        insert into activity_topic_day as d (partner_id, day, topic, sessions)
            select s.owning_partner, cast(s.held_at as date), n.topic, count(*)
            from new_rows n join counselling_session s on s.id = n.session_id
            group by 1, 2, 3
            on conflict (partner_id, day, topic) do update set sessions = d.sessions + excluded.sessions;
        -- A session whose topics are all new had none before: it now counts as "with a topic".
        insert into activity_session_day as d (partner_id, day, aid_type, sessions, with_topic)
            select s.owning_partner, cast(s.held_at as date), s.aid_type, 0, count(*)
            from counselling_session s
            where s.id in (select session_id from new_rows)
              and not exists (select 1 from counselling_session_topic t where t.session_id = s.id
                              and not exists (select 1 from new_rows n where n.session_id = t.session_id and n.topic = t.topic))
            group by 1, 2, 3
            on conflict (partner_id, day, aid_type) do update set with_topic = d.with_topic + excluded.with_topic;
        return null;
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
--rollback select 1;
