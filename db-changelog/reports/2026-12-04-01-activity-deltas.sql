--liquibase formatted sql

--changeset lead:2026-12-04-01-activity-deltas splitStatements:false
-- Issue #17, the write cost of the activity summaries (reports/2026-12-02-50): every new session and
-- every new topic recomputed its whole (partner, day) bucket from the base tables, i.e. read all of
-- that partner's sessions of that day and probed each for a topic. Measured on the 1 M data set
-- (docs/benchmarks.md, "Write cost of the activity summaries"): 100 sessions written as the app
-- writes them (session, two topics, attendee: four statements) on a day with 1,272 sessions took
-- 10.2-12.7 s with the triggers against 0.05-0.08 s without, i.e. about 100 ms more per session, and
-- 1 s on the generator's busiest day (7,589). New rows, by far the most common write, now add to
-- their buckets instead (insert ... on conflict do update), reading only the new rows: the cost no
-- longer grows with the day's sessions. Updates and deletes still recompute their buckets from the
-- base tables (a deleted session's topics are gone by the time its trigger runs, so only a recount is
-- right), under the same advisory lock per bucket, so an addition and a recount of one bucket never
-- interleave. ActivitySummaryIT compares the summaries with the direct queries after random writes.
create or replace function pc_activity_session_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    partners bigint[];
    days date[];
    people bigint[];
begin
    if tg_op = 'INSERT' then
        perform pg_advisory_xact_lock(hashtextextended('activity-day:' || b.owning_partner || ':' || b.day, 0))
        from (select distinct owning_partner, cast(held_at as date) as day from new_rows order by 1, 2) b;
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

create or replace function pc_activity_topic_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    ids bigint[];
    partners bigint[];
    days date[];
begin
    if tg_op = 'INSERT' then
        perform pg_advisory_xact_lock(hashtextextended('activity-day:' || b.owning_partner || ':' || b.day, 0))
        from (select distinct s.owning_partner, cast(s.held_at as date) as day
              from counselling_session s where s.id in (select session_id from new_rows) order by 1, 2) b;
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
