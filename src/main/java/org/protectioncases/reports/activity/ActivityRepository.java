package org.protectioncases.reports.activity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.reports.ReportTransactions;
import org.protectioncases.shared.db.StatementTimeouts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Activity counts in SQL over the daily-work tables (sessions, visits, cases, referrals), one query
 * per table: an inner query yields one row per counted thing with its row key {@code k}, the outer
 * one aggregates by {@code k} and, through {@code grouping sets}, the table's total in the same
 * pass (so a total can be distinct where rows overlap). Read-only, like the factsheet's repository.
 * <p>
 * Times of sessions are {@code timestamptz}; a day or month is taken in the connection's time zone,
 * which the JDBC driver sets to the application's, so "31 March" means the same day as on the form.
 */
@Repository
class ActivityRepository {

    // Sessions held in the period, by the partner or by the user (as counsellor).
    private static final String SESSIONS = " from counselling_session s"
            + " where s.held_at >= cast(:from as date) and s.held_at < cast(:to as date) + 1"
            + " and (cast(:partner as bigint) is null or s.owning_partner = :partner)"
            + " and (cast(:user as varchar) is null or s.counsellor = :user)";
    // Visits made in the period, by the partner or with the user among the monitors.
    private static final String VISITS = " from monitoring_visit v"
            + " where v.visit_date between :from and :to"
            + " and (cast(:partner as bigint) is null or v.owning_partner = :partner)"
            + " and (cast(:user as varchar) is null or exists (select 1 from visit_monitor m where m.visit_id = v.id and m.username = :user))";
    private static final String CASE_SCOPE = " and (cast(:partner as bigint) is null or c.owning_partner = :partner)"
            + " and (cast(:user as varchar) is null or c.assigned_to = :user)";

    /** Counts per row key, in the order the query returned them, and the total row. */
    record Counts(Map<String, long[]> rows, long[] total) {
    }

    private final JdbcClient jdbc;
    private final StatementTimeouts timeouts;

    ActivityRepository(JdbcClient jdbc, StatementTimeouts timeouts) {
        this.jdbc = jdbc;
        this.timeouts = timeouts;
    }

    /** See {@link ReportTransactions#prepare}. */
    void roomForAggregates() {
        ReportTransactions.prepare(jdbc, timeouts);
    }

    /**
     * Runs {@code select k, grouping(k), <aggregates> from (<inner>) x group by grouping sets ((k), ())}.
     * Rows come ordered by key; a null key (an unset column) is returned under {@code nullKey}.
     */
    private Counts grouped(String inner, String aggregates, int columns, ReportPeriod period, ActivityScope scope, String nullKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", period.from());
        params.put("to", period.to());
        params.put("partner", scope.partner());
        params.put("user", scope.username());
        Map<String, long[]> rows = new LinkedHashMap<>();
        long[] total = new long[columns];
        jdbc.sql("select k, grouping(k) as is_total, " + aggregates + " from (" + inner + ") x"
                        + " group by grouping sets ((k), ()) order by is_total, k")
                .params(params)
                .query((rs, i) -> {
                    long[] values = new long[columns];
                    for (int c = 0; c < columns; c++) {
                        values[c] = rs.getLong(3 + c);
                    }
                    if (rs.getInt("is_total") == 1) {
                        System.arraycopy(values, 0, total, 0, columns);
                    } else {
                        @Nullable String key = rs.getString("k");
                        rows.merge(key == null ? nullKey : key, values, (a, b) -> {
                            long[] sum = a.clone();
                            for (int c = 0; c < columns; c++) {
                                sum[c] += b[c];
                            }
                            return sum;
                        });
                    }
                    return values;
                })
                .list();
        return new Counts(rows, total);
    }

    private Counts grouped(String inner, String aggregates, int columns, ReportPeriod period, ActivityScope scope) {
        return grouped(inner, aggregates, columns, period, scope, "");
    }

    // Sessions by day from the summary kept by the writes (reports/2026-12-02-50-activity-summaries.sql);
    // its rows carry the holding partner, and its row-level security the same partner scope.
    private static final String SESSION_DAYS = " from activity_session_day d join partner pa on pa.id = d.partner_id"
            + " where d.day between :from and :to and (cast(:partner as bigint) is null or d.partner_id = :partner)";

    /*
     * Sessions tables: a whole partner's or everyone's come from the summaries; one member of
     * staff's own (counsellor = user) from the sessions, which are few (the *Direct methods, which
     * are also the definition ActivitySummaryIT compares the summaries with).
     */

    Counts sessionsByPartner(ReportPeriod period, ActivityScope scope) {
        if (scope.username() == null) {
            return grouped("select pa.code as k, d.sessions" + SESSION_DAYS, "coalesce(sum(sessions), 0)", 1, period, scope);
        }
        return sessionsByPartnerDirect(period, scope);
    }

    Counts sessionsByPartnerDirect(ReportPeriod period, ActivityScope scope) {
        return grouped("select pa.code as k" + SESSIONS.replaceFirst(" where ", " join partner pa on pa.id = s.owning_partner where "),
                "count(*)", 1, period, scope);
    }

    Counts sessionsByType(ReportPeriod period, ActivityScope scope) {
        if (scope.username() == null) {
            return grouped("select d.aid_type as k, d.sessions" + SESSION_DAYS, "coalesce(sum(sessions), 0)", 1, period, scope);
        }
        return sessionsByTypeDirect(period, scope);
    }

    Counts sessionsByTypeDirect(ReportPeriod period, ActivityScope scope) {
        return grouped("select s.aid_type as k" + SESSIONS, "count(*)", 1, period, scope);
    }

    /** A session with several topics counts under each; the total counts every session once. */
    Counts sessionsByTopic(ReportPeriod period, ActivityScope scope) {
        if (scope.username() == null) {
            Counts byTopic = grouped("select t.topic as k, t.sessions from activity_topic_day t join partner pa on pa.id = t.partner_id"
                            + " where t.day between :from and :to and (cast(:partner as bigint) is null or t.partner_id = :partner)",
                    "coalesce(sum(sessions), 0)", 1, period, scope);
            // The total is not the topics' sum: sessions with at least one topic, kept per day.
            Counts withTopic = grouped("select cast(null as text) as k, d.with_topic" + SESSION_DAYS, "coalesce(sum(with_topic), 0)", 1, period, scope);
            return new Counts(byTopic.rows(), withTopic.total());
        }
        return sessionsByTopicDirect(period, scope);
    }

    Counts sessionsByTopicDirect(ReportPeriod period, ActivityScope scope) {
        return grouped("select t.topic as k, s.id as session_id"
                        + SESSIONS.replaceFirst(" where ", " join counselling_session_topic t on t.session_id = s.id where "),
                "count(distinct session_id)", 1, period, scope);
    }

    Counts sessionsByMonth(ReportPeriod period, ActivityScope scope) {
        if (scope.username() == null) {
            return grouped("select to_char(d.day, 'YYYY-MM') as k, d.sessions" + SESSION_DAYS, "coalesce(sum(sessions), 0)", 1, period, scope);
        }
        return sessionsByMonthDirect(period, scope);
    }

    Counts sessionsByMonthDirect(ReportPeriod period, ActivityScope scope) {
        return grouped("select to_char(date_trunc('month', s.held_at), 'YYYY-MM') as k" + SESSIONS, "count(*)", 1, period, scope);
    }

    Counts visitsByLocationType(ReportPeriod period, ActivityScope scope) {
        return grouped("select v.location_type as k" + VISITS, "count(*)", 1, period, scope);
    }

    Counts visitsByMonth(ReportPeriod period, ActivityScope scope) {
        return grouped("select to_char(v.visit_date, 'YYYY-MM') as k" + VISITS, "count(*)", 1, period, scope);
    }

    /** Border crossing points and the airport: visits, persons observed, new arrivals, asylum intentions. */
    Counts borderByMonth(ReportPeriod period, ActivityScope scope) {
        return grouped("select to_char(v.visit_date, 'YYYY-MM') as k, v.persons_observed, v.new_arrivals, v.asylum_intentions"
                        + VISITS + " and v.location_type in ('BORDER_CROSSING_POINT', 'AIRPORT')",
                "count(*), coalesce(sum(persons_observed), 0), coalesce(sum(new_arrivals), 0), coalesce(sum(asylum_intentions), 0)",
                4, period, scope);
    }

    /**
     * Distinct persons reached, by partner: the person of each session and its registered
     * attendees, people met on visits (linked records), and the person of each case open at any
     * time in the period. Merged duplicates count as the record they were merged into.
     * <p>
     * A whole partner's or everyone's come from {@code activity_reach} (one row per partner and
     * person with the days reached, kept by the writes); a partner's rows are joined to
     * {@code person} so that its row-level security still decides which people a partner counts,
     * as it did in the direct query ({@link #personsReachedDirect}, which one member of staff's own
     * still uses). Cases closed before they were opened cannot be a range of days: they are read
     * from the cases, as before.
     */
    Counts personsReached(ReportPeriod period, ActivityScope scope) {
        if (scope.username() != null) {
            return personsReachedDirect(period, scope);
        }
        String visible = scope.partner() == null ? "" : " join person p on p.id = r.person_id";
        return grouped("select pa.code as k, r.person_key as person from activity_reach r" + visible
                        + " join partner pa on pa.id = r.partner_id"
                        + " where r.reach && daterange(:from, :to, '[]')"
                        + " and (cast(:partner as bigint) is null or r.partner_id = :partner)"
                        + " union all select pa.code, coalesce(p.merged_into_id, p.id) from protection_case c"
                        + " join person p on p.id = c.principal_person_id join partner pa on pa.id = c.owning_partner"
                        + " where c.closed_on < c.opened_on and c.opened_on <= :to and c.closed_on >= :from" + CASE_SCOPE,
                "count(distinct person)", 1, period, scope);
    }

    /** Persons reached straight from the sessions, attendees, visits and cases (the definition). */
    Counts personsReachedDirect(ReportPeriod period, ActivityScope scope) {
        String reached = "select s.owning_partner as partner_id, s.person_id" + SESSIONS
                + " union all select s.owning_partner, a.person_id"
                + SESSIONS.replaceFirst(" where ", " join counselling_session_attendee a on a.session_id = s.id where ")
                + " union all select v.owning_partner, vp.person_id"
                + VISITS.replaceFirst(" where ", " join visit_person vp on vp.visit_id = v.id where ")
                + " union all select c.owning_partner, c.principal_person_id from protection_case c"
                + " where c.opened_on <= :to and (c.closed_on is null or c.closed_on >= :from)" + CASE_SCOPE;
        return grouped("select pa.code as k, coalesce(p.merged_into_id, p.id) as person from (" + reached + ") r"
                        + " join person p on p.id = r.person_id join partner pa on pa.id = r.partner_id",
                "count(distinct person)", 1, period, scope);
    }

    /**
     * Referrals made in the period, from cases (scoped by the case: its partner, its assignee) and
     * from visits (the referring partner; the visit's monitors), by target and status.
     */
    Counts referrals(ReportPeriod period, ActivityScope scope) {
        return grouped("select r.target as k, r.status from referral r left join protection_case c on c.id = r.case_id"
                        + " where r.referred_on between :from and :to"
                        + " and (cast(:partner as bigint) is null or coalesce(c.owning_partner, r.referring_partner) = :partner)"
                        + " and (cast(:user as varchar) is null or c.assigned_to = :user"
                        + " or exists (select 1 from visit_monitor m where m.visit_id = r.visit_id and m.username = :user))",
                "count(*) filter (where status = 'SENT'), count(*) filter (where status = 'ACCEPTED'),"
                        + " count(*) filter (where status = 'DECLINED'), count(*) filter (where status = 'COMPLETED')",
                4, period, scope);
    }

    /** The kinds of work hours are counted in, in column order: counselling sessions, then the time entries' kinds. */
    static final java.util.List<String> WORK_KINDS = java.util.List.of("COUNSELLING", "DRAFTING", "COURT", "TRAVEL", "PHONE", "OTHER");

    /**
     * Minutes of work by kind: counselling sessions held in the period (their duration, by the
     * counsellor, for the session's partner) and time entries on cases worked in the period (by the
     * lawyer, for the partner that owns the case). Rows per member of staff ({@code byPartner}
     * false) or per partner; one column per {@link #WORK_KINDS} entry.
     */
    Counts minutesByKind(ReportPeriod period, ActivityScope scope, boolean byPartner) {
        // Per partner, the sessions' minutes come from the day buckets (reports/2026-12-06-02); per member of
        // staff, or one's own, from the sessions (the buckets have no counsellor).
        boolean fromBuckets = byPartner && scope.username() == null;
        return minutesByKind(period, scope, byPartner, fromBuckets
                ? "select d.partner_id, cast(null as varchar) as staff, 'COUNSELLING' as kind, d.minutes" + SESSION_DAYS
                : "select s.owning_partner as partner_id, s.counsellor as staff, 'COUNSELLING' as kind, s.duration_minutes as minutes"
                        + SESSIONS);
    }

    /** {@link #minutesByKind} with every session read (the definition ActivitySummaryIT compares the buckets with). */
    Counts minutesByKindDirect(ReportPeriod period, ActivityScope scope, boolean byPartner) {
        return minutesByKind(period, scope, byPartner,
                "select s.owning_partner as partner_id, s.counsellor as staff, 'COUNSELLING' as kind, s.duration_minutes as minutes"
                        + SESSIONS);
    }

    private Counts minutesByKind(ReportPeriod period, ActivityScope scope, boolean byPartner, String sessionMinutes) {
        String work = sessionMinutes
                + " union all select c.owning_partner, t.lawyer, t.kind, t.minutes from case_time_entry t"
                + " join protection_case c on c.id = t.case_id where t.worked_on between :from and :to"
                + " and (cast(:partner as bigint) is null or c.owning_partner = :partner)"
                + " and (cast(:user as varchar) is null or t.lawyer = :user)";
        StringBuilder sums = new StringBuilder();
        for (String kind : WORK_KINDS) {
            sums.append(sums.isEmpty() ? "" : ", ").append("coalesce(sum(minutes) filter (where kind = '").append(kind).append("'), 0)");
        }
        return grouped("select " + (byPartner ? "pa.code" : "w.staff") + " as k, w.kind, w.minutes from (" + work + ") w"
                + " join partner pa on pa.id = w.partner_id", sums.toString(), WORK_KINDS.size(), period, scope);
    }

    /** Cases opened in the period and cases closed in it (still closed), by type. */
    Counts casesByType(ReportPeriod period, ActivityScope scope) {
        // Two index-only range scans (opened, closed) instead of one scan of all cases for the "or".
        return grouped("select c.case_type as k, 1 as opened, 0 as closed from protection_case c"
                        + " where c.opened_on between :from and :to" + CASE_SCOPE
                        + " union all select c.case_type, 0, 1 from protection_case c"
                        + " where c.status = 'CLOSED' and c.closed_on between :from and :to" + CASE_SCOPE,
                "coalesce(sum(opened), 0), coalesce(sum(closed), 0)", 2, period, scope);
    }

    Counts casesClosedByOutcome(ReportPeriod period, ActivityScope scope) {
        return grouped("select c.outcome as k from protection_case c"
                + " where c.status = 'CLOSED' and c.closed_on between :from and :to" + CASE_SCOPE, "count(*)", 1, period, scope);
    }

    /**
     * Civil documents obtained with the partners' help: civil-documentation cases whose document was
     * obtained in the period ({@code obtained_on}), by the document sought (unset counts as OTHER).
     * Not the people module's {@code civil_document} rows: those say which documents a person holds,
     * whoever helped, and would count the same document twice when both are recorded.
     */
    Counts civilDocuments(ReportPeriod period, ActivityScope scope) {
        return grouped("select c.document_sought as k from protection_case c"
                        + " where c.case_type = 'CIVIL_DOCUMENTATION' and c.obtained_on between :from and :to" + CASE_SCOPE,
                "count(*)", 1, period, scope, "OTHER");
    }
}
