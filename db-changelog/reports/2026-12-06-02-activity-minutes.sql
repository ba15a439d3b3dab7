--liquibase formatted sql

--changeset lead:2026-12-06-02-activity-minutes splitStatements:false
-- Issue #17, row 6e: the activity report's "hours by kind of work" (added with #19) summed the
-- duration of every counselling session of the period straight from the sessions: a year at 1 M
-- people is 438,667 sessions read from the heap for one column. The day buckets now also carry the
-- sessions' minutes, kept by the same statement triggers (a new session adds its minutes; a change of
-- its duration, day, partner or kind of aid, or a deletion, recounts its buckets), so the partners'
-- hours come from about 5,000 bucket rows a year. One member of staff's own hours and a coordinator's
-- hours per member of staff still come from the sessions (the bucket has no counsellor).
alter table activity_session_day add column minutes bigint not null default 0;
update activity_session_day d set minutes = x.minutes
    from (select s.owning_partner, cast(s.held_at as date) as day, s.aid_type, sum(s.duration_minutes) as minutes
          from counselling_session s group by 1, 2, 3) x
    where d.partner_id = x.owning_partner and d.day = x.day and d.aid_type = x.aid_type;

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
    insert into activity_session_day (partner_id, day, aid_type, sessions, with_topic, minutes)
        select s.owning_partner, b.day, s.aid_type, count(*),
               count(*) filter (where exists (select 1 from counselling_session_topic t where t.session_id = s.id)),
               sum(s.duration_minutes)
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
        insert into activity_session_day as d (partner_id, day, aid_type, sessions, with_topic, minutes)
            select n.owning_partner, cast(n.held_at as date), n.aid_type, count(*),
                   count(*) filter (where exists (select 1 from counselling_session_topic t where t.session_id = n.id)),
                   sum(n.duration_minutes)
            from new_rows n
            group by 1, 2, 3
            on conflict (partner_id, day, aid_type)
                do update set sessions = d.sessions + excluded.sessions, with_topic = d.with_topic + excluded.with_topic,
                              minutes = d.minutes + excluded.minutes;
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
            where (n.owning_partner, cast(n.held_at as date), n.aid_type, n.person_id, n.duration_minutes)
                  is distinct from (o.owning_partner, cast(o.held_at as date), o.aid_type, o.person_id, o.duration_minutes))
        select array_agg(owning_partner), array_agg(day) into partners, days from (
            select np as owning_partner, nd as day from changed union select op, od from changed) x;
        with changed as (
            select n.id, n.person_id as npe, o.person_id as ope
            from new_rows n join old_rows o on o.id = n.id
            where (n.owning_partner, cast(n.held_at as date), n.aid_type, n.person_id, n.duration_minutes)
                  is distinct from (o.owning_partner, cast(o.held_at as date), o.aid_type, o.person_id, o.duration_minutes))
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

create or replace function pc_activity_rebuild() returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    truncate activity_session_day, activity_topic_day, activity_reach;
    insert into activity_session_day (partner_id, day, aid_type, sessions, with_topic, minutes)
        select s.owning_partner, cast(s.held_at as date), s.aid_type, count(*), count(t.session_id), sum(s.duration_minutes)
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
--rollback alter table activity_session_day drop column minutes;
