--liquibase formatted sql

--changeset lead:2026-12-05-01-activity-update-filter splitStatements:false
-- Issues #16 and #17: an update of a session or a case recomputed the summaries of every row it
-- touched, whatever changed. Anonymising 100,000 people at 1 M scale (AnonymisationBenchmarkIT on the
-- scale data set) clears the notes of their sessions in batches: each batch's session update then
-- recounted the partner's day buckets and the people's reach and ran into the statement time limit.
-- Now only rows whose counted columns changed are recounted (sessions: partner, day, kind of aid,
-- person; cases: partner, principal person, opened and closed dates), so text edits cost nothing here.
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

create or replace function pc_activity_people_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    col text := tg_argv[0];
    people bigint[];
begin
    if tg_op = 'INSERT' then
        execute format('select array_agg(distinct %I) from new_rows', col) into people;
    elsif tg_op = 'UPDATE' and tg_table_name = 'protection_case' then
        -- Only cases whose counted columns changed (not a summary, a note, a status without dates).
        select array_agg(distinct p) into people from (
            select n.principal_person_id as p from new_rows n join old_rows o on o.id = n.id
            where (n.owning_partner, n.principal_person_id, n.opened_on, n.closed_on)
                  is distinct from (o.owning_partner, o.principal_person_id, o.opened_on, o.closed_on)
            union
            select o.principal_person_id from new_rows n join old_rows o on o.id = n.id
            where (n.owning_partner, n.principal_person_id, n.opened_on, n.closed_on)
                  is distinct from (o.owning_partner, o.principal_person_id, o.opened_on, o.closed_on)) x;
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
--rollback select 1;
