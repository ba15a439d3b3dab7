package org.protectioncases.reports.factsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PersonVisibility;
import org.protectioncases.reports.ReportTransactions;
import org.protectioncases.reports.population.Dimension;
import org.protectioncases.reports.population.Population;
import org.protectioncases.shared.db.StatementTimeouts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The factsheet's counts in SQL, from the dated records: group memberships, return events and
 * shelter stays. Reports read the other modules' tables directly (read-only) because an aggregate
 * must be one query, not a loop over services. A person counts once however many records they
 * have; merged duplicates (pointers) never count; a partner scope is the people module's own rule
 * (registered by the partner or shared with it).
 */
@Repository
class FactsheetRepository {

    /**
     * Keeps the people a figure may count, given as a column of person ids ({@code d.person_id}):
     * never a merged duplicate (an anti-join on a small partial index, instead of joining all
     * people), and for a partner only its own people (registered by it or shared with it). The
     * distinct ids are taken from the dated table first, so a manager's figure never touches
     * {@code person} at all; that keeps a factsheet at 1 M people well under a second.
     */
    private static String scope(String personId, @Nullable Long partner) {
        String sql = " and not exists (select 1 from person m where m.id = " + personId + " and m.merged_into_id is not null)";
        if (partner != null) {
            sql += " and exists (select 1 from person p where p.id = " + personId + " and " + PersonVisibility.partnerMaySee("p") + ")";
        }
        return sql;
    }

    /** The same rule where the query joins {@code person p} anyway (breakdowns need sex and age). */
    private static final String PERSON_SCOPE = " and " + PersonVisibility.current("p")
            + " and (cast(:partner as bigint) is null or " + PersonVisibility.partnerMaySee("p") + ")";

    private final JdbcClient jdbc;
    private final StatementTimeouts timeouts;

    FactsheetRepository(JdbcClient jdbc, StatementTimeouts timeouts) {
        this.jdbc = jdbc;
        this.timeouts = timeouts;
    }

    private static Map<String, Object> params(@Nullable Long partner) {
        Map<String, Object> params = new HashMap<>();
        params.put("partner", partner);
        return params;
    }

    /** See {@link ReportTransactions#prepare}. */
    void roomForAggregates() {
        ReportTransactions.prepare(jdbc, timeouts);
    }

    /** Distinct people in the group at any time between {@code from} and {@code to} (inclusive). */
    long inGroupDuring(String group, LocalDate from, LocalDate to, @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("group", group);
        params.put("from", from);
        params.put("to", to);
        return jdbc.sql("select count(*) from (select distinct g.person_id from person_group g"
                        + " where g.group_code = :group and g.start_date <= :to and (g.end_date is null or g.end_date >= :from)) d"
                        + " where true" + scope("d.person_id", partner))
                .params(params).query(Long.class).single();
    }

    /** Distinct people who returned between {@code from} and {@code to} (a person who returned twice counts once). */
    long returnedBetween(LocalDate from, LocalDate to, @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("from", from);
        params.put("to", to);
        return jdbc.sql("select count(*) from (select distinct r.person_id from return_event r"
                        + " where r.return_date between :from and :to) d where true" + scope("d.person_id", partner))
                .params(params).query(Long.class).single();
    }

    /** Distinct displaced people (IDP group on the date) by place of displacement. */
    Map<DisplacementPlace, Long> displacedOn(LocalDate on, @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("on", on);
        Map<DisplacementPlace, Long> counts = new EnumMap<>(DisplacementPlace.class);
        // Distinct (place, person) straight from an index in that order: a Unique, no hash of 200 k pairs.
        jdbc.sql("select coalesce(d.place, 'OTHER') as place, count(*) as n from (select distinct g.displacement_place as place,"
                        + " g.person_id from person_group g where g.group_code = 'IDP' and g.start_date <= :on"
                        + " and (g.end_date is null or g.end_date >= :on)) d where true" + scope("d.person_id", partner)
                        + " group by 1")
                .params(params)
                .query((rs, i) -> counts.put(DisplacementPlace.valueOf(rs.getString("place")), rs.getLong("n")))
                .list();
        return counts;
    }

    /**
     * Persons living in collective shelters on the date, and their shelters: the shelters module's
     * definition ({@code shelter_residents_on}: merged duplicates under the kept person), so the
     * factsheet and the shelter registry give one figure.
     */
    long[] inSheltersOn(LocalDate on, @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("on", on);
        return jdbc.sql("select count(distinct r.person_id) as persons, count(distinct r.shelter_id) as shelters"
                        + " from shelter_residents_on(cast(:on as date)) r where true" + scope("r.person_id", partner))
                .params(params)
                .query((rs, i) -> new long[] {rs.getLong("persons"), rs.getLong("shelters")})
                .single();
    }

    /** The entry in force on the date: the latest valid_from on or before it. */
    Optional<ReportedFigure> reported(ReportedFigureKind kind, int year, LocalDate on) {
        return jdbc.sql("""
                        select id, figure, year, value, valid_from, source, entered_by from reported_figure
                        where figure = :figure and year = :year and valid_from <= :on
                        order by valid_from desc, id desc limit 1""")
                .param("figure", kind.name()).param("year", year).param("on", on)
                .query((rs, i) -> new ReportedFigure(rs.getLong("id"), ReportedFigureKind.valueOf(rs.getString("figure")),
                        rs.getInt("year"), rs.getBigDecimal("value"), rs.getObject("valid_from", LocalDate.class),
                        rs.getString("source"), rs.getString("entered_by")))
                .optional();
    }

    List<ReportedFigure> allReported() {
        return jdbc.sql("select id, figure, year, value, valid_from, source, entered_by from reported_figure"
                        + " order by year desc, figure, valid_from desc")
                .query((rs, i) -> new ReportedFigure(rs.getLong("id"), ReportedFigureKind.valueOf(rs.getString("figure")),
                        rs.getInt("year"), rs.getBigDecimal("value"), rs.getObject("valid_from", LocalDate.class),
                        rs.getString("source"), rs.getString("entered_by")))
                .list();
    }

    /** Inserts or corrects a reported figure; its id. */
    long insert(ReportedFigureKind kind, int year, BigDecimal value, LocalDate validFrom, String source, String enteredBy) {
        return jdbc.sql("""
                        insert into reported_figure (figure, year, value, valid_from, source, entered_by)
                        values (:figure, :year, :value, :validFrom, :source, :enteredBy)
                        on conflict (figure, year, valid_from) do update set value = excluded.value, source = excluded.source,
                            entered_by = excluded.entered_by, updated_at = now(), version = reported_figure.version + 1
                        returning id""")
                .param("figure", kind.name()).param("year", year).param("value", value).param("validFrom", validFrom)
                .param("source", source).param("enteredBy", enteredBy)
                .query(Long.class).single();
    }

    /** Implementing partners active in the system. */
    List<String> implementingPartners() {
        return jdbc.sql("select code from partner where type = 'IMPLEMENTING_PARTNER' and active order by code").query(String.class).list();
    }

    /** The distinct people of a population (ids), as a subquery for breakdowns. */
    private static String population(Population population) {
        return (switch (population) {
            case ASYLUM_SEEKERS -> "select g.person_id from person_group g"
                    + " where g.group_code = 'ASYLUM_SEEKER' and g.start_date <= :to and (g.end_date is null or g.end_date >= :from)";
            case AT_RISK_OF_STATELESSNESS -> "select g.person_id from person_group g"
                    + " where g.group_code = 'AT_RISK_OF_STATELESSNESS' and g.start_date <= :on and (g.end_date is null or g.end_date >= :on)";
            case DISPLACED_WITHIN_KOSOVO -> "select g.person_id from person_group g"
                    + " where g.group_code = 'IDP' and g.displacement_place = 'WITHIN_KOSOVO'"
                    + " and g.start_date <= :on and (g.end_date is null or g.end_date >= :on)";
            case IN_SHELTERS -> "select r.person_id from shelter_residents_on(cast(:on as date)) r";
            case RETURNED_SINCE_2000 -> "select r.person_id from return_event r"
                    + " where r.return_date between date '2000-01-01' and :on";
            case RETURNED_IN_PERIOD -> "select r.person_id from return_event r"
                    + " where r.return_date between :from and :to";
        });
    }

    /**
     * UNHCR's age group on {@code :on}, by comparing the birth date plus N years with the date
     * (exactly PostgreSQL's age() boundaries, but without computing age() once per branch and row,
     * which doubled the time of a breakdown at 1 M people).
     */
    private static final String AGE_GROUP = "case when p.birth_date is null then null"
            + " when p.birth_date + interval '5 years' > cast(:on as date) then 'AGE_0_4'"
            + " when p.birth_date + interval '12 years' > cast(:on as date) then 'AGE_5_11'"
            + " when p.birth_date + interval '18 years' > cast(:on as date) then 'AGE_12_17'"
            + " when p.birth_date + interval '60 years' > cast(:on as date) then 'AGE_18_59' else 'AGE_60_PLUS' end";

    /**
     * Distinct people of the population by a dimension (null: not recorded) and sex: one query,
     * grouped in PostgreSQL. Age is the age on {@code on}; periods use {@code from}..{@code to}.
     */
    List<Object[]> disaggregate(Population population, Dimension dimension, LocalDate from, LocalDate to, LocalDate on,
                                @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("from", from);
        params.put("to", to);
        params.put("on", on);
        String key = key(dimension);
        // A semi-join (people whose id is in the population) counts each person once without
        // first making the ids distinct: 0.7 s instead of 1.3 s for 526 k returnees at 1 M people.
        return jdbc.sql("select " + key + " as k, p.sex, count(*) as n from person p"
                        + " where p.id in (" + population(population) + ")" + PERSON_SCOPE + " group by 1, 2")
                .params(params)
                .query((rs, i) -> new Object[] {rs.getString("k"), rs.getString("sex"), rs.getLong("n")})
                .list();
    }

    /** The SQL of a dimension's value for person {@code p} (constants of this class, never input). */
    private static String key(Dimension dimension) {
        return switch (dimension) {
            case AGE_GROUP -> AGE_GROUP;
            case COMMUNITY -> "p.community";
            case MUNICIPALITY -> "p.municipality_code";
            case PARTNER -> "(select o.code from partner o where o.id = p.registered_by_partner)";
            case SEX -> "p.sex";
        };
    }

    /** One cell of a cross table: people with the row value and the column value (null: not recorded). */
    record CrossCount(@Nullable String row, @Nullable String column, long count) {
    }

    /**
     * Distinct people of the population by two dimensions at once, grouped in PostgreSQL: one query
     * and one row per combination that occurs, however many people there are.
     */
    List<CrossCount> crossTab(Population population, Dimension rows, Dimension columns, LocalDate from, LocalDate to,
                              LocalDate on, @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("from", from);
        params.put("to", to);
        params.put("on", on);
        return jdbc.sql("select " + key(rows) + " as r, " + key(columns) + " as c, count(*) as n from person p"
                        + " where p.id in (" + population(population) + ")" + PERSON_SCOPE + " group by 1, 2")
                .params(params)
                .query((rs, i) -> new CrossCount(rs.getString("r"), rs.getString("c"), rs.getLong("n")))
                .list();
    }

    /** Distinct people of the population by age group (age on {@code on}; null: unknown) and sex. */
    List<Object[]> sexAndAge(Population population, LocalDate from, LocalDate to, LocalDate on, @Nullable Long partner) {
        return disaggregate(population, Dimension.AGE_GROUP, from, to, on, partner);
    }

    /** Distinct people who returned in each year from 2000 to the as-of date (a person counts once per year). */
    List<YearCount> returnsPerYear(LocalDate asOf, @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("on", asOf);
        return jdbc.sql("select y.year, coalesce(c.n, 0) as n"
                        + " from generate_series(2000, extract(year from cast(:on as date))::int) as y(year)"
                        + " left join (select d.year, count(*) as n from (select distinct extract(year from r.return_date)::int as year,"
                        + " r.person_id from return_event r where r.return_date between date '2000-01-01' and :on) d"
                        + " where true" + scope("d.person_id", partner) + " group by d.year) c on c.year = y.year"
                        + " order by y.year")
                .params(params)
                .query((rs, i) -> new YearCount(rs.getInt("year"), rs.getLong("n")))
                .list();
    }

    /** Distinct people in the asylum-seeker group at any time in each year, up to the as-of date. */
    List<YearCount> asylumSeekersPerYear(int fromYear, LocalDate asOf, @Nullable Long partner) {
        Map<String, Object> params = params(partner);
        params.put("on", asOf);
        params.put("fromYear", fromYear);
        return jdbc.sql("select y.year, count(distinct g.person_id) as n"
                        + " from generate_series(:fromYear, extract(year from cast(:on as date))::int) as y(year)"
                        + " left join (select g.person_id, g.start_date, g.end_date from person_group g"
                        + " where g.group_code = 'ASYLUM_SEEKER'" + scope("g.person_id", partner) + ") g"
                        + " on g.start_date <= least(make_date(y.year, 12, 31), cast(:on as date))"
                        + " and (g.end_date is null or g.end_date >= make_date(y.year, 1, 1))"
                        + " group by y.year order by y.year")
                .params(params)
                .query((rs, i) -> new YearCount(rs.getInt("year"), rs.getLong("n")))
                .list();
    }
}
