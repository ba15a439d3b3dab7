package org.protectioncases.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.factsheet.ReportedFigureKind;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.db.StatementTimeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The historical records behind UNHCR Kosovo's 2019 factsheet, so that the live factsheet for 2019
 * as of 30 April 2019 shows the printed table figures. Tens of thousands of people are loaded by
 * set-based inserts (one statement per group, like a data migration from the partners' old
 * spreadsheets), not through the services one by one, which would take minutes. Each count is
 * topped up: what the other demo data already contributes is counted first, so the result is exact.
 * Figures no partner tracks person by person (host countries, funding, presence) are entered as
 * reported figures through the service, with their source.
 */
@Component
class DemoFactsheet2019 {

    static final LocalDate AS_OF = LocalDate.of(2019, 4, 30);
    static final int ASYLUM_2019 = 320;
    static final int ASYLUM_2018 = 595;
    static final int AT_RISK_OF_STATELESSNESS = 500;
    static final int RETURNS_2018 = 327;
    static final int RETURNS_SINCE_2000 = 28_154;
    static final int DISPLACED_WITHIN_KOSOVO = 16_200;
    static final int IN_SHELTERS = 412;
    static final int SHELTERS = 22;

    private static final Logger log = LoggerFactory.getLogger(DemoFactsheet2019.class);
    private static final String MIGRATED_BY = "data.migration";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PartnerService partners;
    private final FactsheetService factsheets;
    private final SystemAccess system;
    private final StatementTimeouts timeouts;

    DemoFactsheet2019(JdbcClient jdbc, TransactionTemplate tx, PartnerService partners, FactsheetService factsheets, SystemAccess system,
                      StatementTimeouts timeouts) {
        this.timeouts = timeouts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.partners = partners;
        this.factsheets = factsheets;
        this.system = system;
    }

    /** Loads the records; returns how many people were added. */
    int load() {
        List<Long> partnerIds = system.runAsAdmin(() -> List.of("CRPK", "AT", "KRCT").stream()
                .map(code -> Objects.requireNonNull(partners.findByCode(code).orElseThrow().id())).toList());
        Names names = Names.load();
        // Set-based inserts for all three partners: system work for row-level security.
        int added = Objects.requireNonNull(system.runAsSystem(() -> tx.execute(status -> {
            // Tens of thousands of people in a few statements: a start-up load is never cut off.
            timeouts.liftLimit();
            int n = 0;
            n += asylumSeekers(partnerIds, names, missing(ASYLUM_2018, "select count(distinct g.person_id) from person_group g join person p on p.id = g.person_id"
                    + " where p.merged_into_id is null and g.group_code = 'ASYLUM_SEEKER' and g.start_date <= date '2018-12-31'"
                    + " and coalesce(g.end_date, date '9999-12-31') >= date '2018-01-01'"), "2018-01-01", 330, 20, 180, true);
            n += asylumSeekers(partnerIds, names, missing(ASYLUM_2019, "select count(distinct g.person_id) from person_group g join person p on p.id = g.person_id"
                    + " where p.merged_into_id is null and g.group_code = 'ASYLUM_SEEKER' and g.start_date <= date '2019-04-30'"
                    + " and coalesce(g.end_date, date '9999-12-31') >= date '2019-01-01'"), "2019-01-01", 119, 120, 300, false);
            n += people(partnerIds, names, missing(AT_RISK_OF_STATELESSNESS, onDate("AT_RISK_OF_STATELESSNESS", null)),
                    "date '2010-01-01' + (s * 17 % 3400)", "array['ROMA','ASHKALI','EGYPTIAN']", "'UNDETERMINED'", "null",
                    "insert into person_group (person_id, group_code, start_date, displacement_place)"
                            + " select id, 'AT_RISK_OF_STATELESSNESS', registered_on, null from added");
            int returns2018 = missing(RETURNS_2018, "select count(distinct r.person_id) from return_event r join person p on p.id = r.person_id"
                    + " where p.merged_into_id is null and r.return_date between date '2018-01-01' and date '2018-12-31'");
            n += returnees(partnerIds, names, returns2018, "date '2018-01-01' + (s * 29 % 365)");
            n += returnees(partnerIds, names, missing(RETURNS_SINCE_2000, "select count(distinct r.person_id) from return_event r"
                    + " join person p on p.id = r.person_id where p.merged_into_id is null"
                    + " and r.return_date between date '2000-01-01' and date '2019-04-30'"),
                    // 2000-2017, and every 40th in January to April 2019; never in 2018 (counted above).
                    "case when s % 40 = 0 then date '2019-01-01' + (s % 119) else date '2000-01-01' + (s * 13 % 6575) end");
            n += displacedAndSheltered(partnerIds, names);
            return n;
        })));
        system.runAsAccount("manager", () -> {
            enter(ReportedFigureKind.DISPLACED_IN_SERBIA, "68514", LocalDate.of(2019, 1, 1),
                    "Figure reported by the authorities of Serbia (UNHCR Kosovo factsheet 2019)");
            enter(ReportedFigureKind.DISPLACED_IN_MONTENEGRO, "135", LocalDate.of(2019, 1, 1),
                    "Figure reported by the authorities of Montenegro (UNHCR Kosovo factsheet 2019)");
            enter(ReportedFigureKind.DISPLACED_IN_NORTH_MACEDONIA, "125", LocalDate.of(2019, 1, 1),
                    "Figure reported by the authorities of North Macedonia (UNHCR Kosovo factsheet 2019)");
            enter(ReportedFigureKind.FUNDING_REQUIREMENT_USD, "4080000", LocalDate.of(2019, 1, 15), "UNHCR budget 2019, Kosovo operation");
            enter(ReportedFigureKind.FUNDING_RECEIVED_USD, "2530000", AS_OF, "UNHCR funding update, 30 April 2019");
            enter(ReportedFigureKind.STAFF_NATIONAL, "23", LocalDate.of(2019, 1, 1), "UNHCR Kosovo staffing (incl. 2 UNOPS)");
            enter(ReportedFigureKind.STAFF_INTERNATIONAL, "1", LocalDate.of(2019, 1, 1), "UNHCR Kosovo staffing");
            enter(ReportedFigureKind.INTERNS, "1", LocalDate.of(2019, 1, 1), "UNHCR Kosovo staffing");
            enter(ReportedFigureKind.OFFICES, "1", LocalDate.of(2019, 1, 1), "UNHCR Kosovo: office in Pristina");
            return null;
        });
        log.info("Demo data: {} people of the 2019 factsheet loaded", added);
        return added;
    }

    private void enter(ReportedFigureKind kind, String value, LocalDate from, String source) {
        factsheets.recordFigure(kind, 2019, new BigDecimal(value), from, source);
    }

    private int missing(int target, String countSql) {
        long existing = jdbc.sql(countSql).query(Long.class).single();
        if (existing > target) {
            log.warn("Demo data already has {} where the 2019 factsheet has {}; nothing added", existing, target);
        }
        return (int) Math.max(0, target - existing);
    }

    private static String onDate(String group, @org.jspecify.annotations.Nullable String place) {
        return "select count(distinct g.person_id) from person_group g join person p on p.id = g.person_id"
                + " where p.merged_into_id is null and g.group_code = '" + group + "'"
                + (place == null ? "" : " and g.displacement_place = '" + place + "'")
                + " and g.start_date <= date '2019-04-30' and coalesce(g.end_date, date '9999-12-31') >= date '2019-04-30'";
    }

    /** Asylum seekers registered within a year, in the group from registration for a while. */
    private int asylumSeekers(List<Long> partnerIds, Names names, int n, String from, int days, int minStay, int stayRange, boolean endInYear) {
        String end = "registered_on + " + minStay + " + (id % " + stayRange + ")::int";
        if (endInYear) {
            end = "least(" + end + ", date '" + from.substring(0, 4) + "-12-31')";
        }
        return people(partnerIds, names.foreign(), n, "date '" + from + "' + (s * 7 % " + days + ")", "array['OTHER']", "'COUNTRY'",
                "(array['SY','AF','IQ','DZ','MA','PK','IR','TR','LY','PS'])[1 + s % 10]",
                "insert into person_group (person_id, group_code, start_date, end_date, displacement_place)"
                        + " select id, 'ASYLUM_SEEKER', registered_on, " + end + ", null from added");
    }

    private int returnees(List<Long> partnerIds, Names names, int n, String returnDate) {
        return people(partnerIds, names, n, returnDate, "array['SERB','ROMA','ASHKALI','EGYPTIAN','ALBANIAN','BOSNIAK','GORANI']",
                "'UNDETERMINED'", "null",
                "insert into return_event (person_id, return_date, returned_from, municipality_code, assisted, recorded_by)"
                        + " select id, registered_on, (array['SERBIA','SERBIA','SERBIA','MONTENEGRO','NORTH_MACEDONIA','WITHIN_KOSOVO'])"
                        + "[1 + id % 6], municipality_code, id % 3 <> 0, '" + MIGRATED_BY + "' from added");
    }

    /** Displaced within Kosovo since 1999, still displaced; some of them lived in collective shelters on 30 April 2019. */
    private int displacedAndSheltered(List<Long> partnerIds, Names names) {
        int n = missing(DISPLACED_WITHIN_KOSOVO, onDate("IDP", "WITHIN_KOSOVO"));
        int before = people(partnerIds, names, n, "date '2000-01-15' + (s * 11 % 6900)",
                "array['SERB','SERB','SERB','ROMA','ASHKALI','EGYPTIAN','GORANI','BOSNIAK','ALBANIAN']", "'UNDETERMINED'", "null",
                "insert into person_group (person_id, group_code, start_date, displacement_place)"
                        + " select id, 'IDP', date '1999-06-12' + (id % 200)::int, 'WITHIN_KOSOVO' from added");
        String residentsOnDate = " from shelter_residence r join person p on p.id = r.person_id where p.merged_into_id is null"
                + " and r.moved_in <= date '2019-04-30' and coalesce(r.moved_out, date '9999-12-31') > date '2019-04-30'";
        int residents = missing(IN_SHELTERS, "select count(distinct r.person_id)" + residentsOnDate);
        // Every shelter open that day gets residents (occupied ones first), so that they number 22.
        List<Long> shelters = jdbc.sql("select s.id from shelter s where coalesce(s.opened_on, date '1999-01-01') <= date '2019-04-30'"
                        + " and coalesce(s.closed_on, date '9999-12-31') > date '2019-04-30'"
                        + " order by exists (select 1 from shelter_residence r where r.shelter_id = s.id and r.moved_in <= date '2019-04-30'"
                        + " and coalesce(r.moved_out, date '9999-12-31') > date '2019-04-30') desc, s.id limit " + SHELTERS)
                .query(Long.class).list();
        if (residents > 0 && !shelters.isEmpty()) {
            // The newest displaced people not living anywhere yet; they moved in 2016-2019 and out by mid-2021.
            jdbc.sql("""
                            insert into shelter_residence (shelter_id, person_id, moved_in, moved_out, recorded_by)
                            select (array[%s])[1 + (rn - 1) %% %d], id, date '2016-01-01' + (id %% 1180)::int,
                                   date '2019-05-01' + (id %% 780)::int, '%s'
                            from (select p.id, row_number() over (order by p.id desc) as rn
                                  from person p join person_group g on g.person_id = p.id and g.group_code = 'IDP'
                                       and g.displacement_place = 'WITHIN_KOSOVO' and g.end_date is null
                                  where p.registered_by = '%s'
                                    and not exists (select 1 from shelter_residence r where r.person_id = p.id)) idp
                            where rn <= %d""".formatted(shelters.stream().map(String::valueOf).collect(Collectors.joining(",")),
                            shelters.size(), MIGRATED_BY, MIGRATED_BY, residents))
                    .update();
        }
        return before;
    }

    /**
     * Inserts {@code n} people in one statement, then runs {@code then} on them (a CTE named
     * {@code added} with id, registered_on and municipality_code). Names, sexes, ages and places
     * follow fixed formulas of the row number, so every demo database is the same.
     */
    private int people(List<Long> partnerIds, Names names, int n, String registeredOn, String communities, String citizenship,
                       String country, String then) {
        if (n <= 0) {
            return 0;
        }
        String partnerArray = partnerIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        String sql = """
                with added as (
                    insert into person (registered_on, given_name, family_name, sex, birth_date, birth_precision, citizenship_status,
                                        citizenship_country, community, municipality_code, registered_by_partner, registered_by)
                    select %s,
                           case when s %% 2 = 0 then (%s)[1 + (s * 31) %% %d] else (%s)[1 + (s * 37) %% %d] end,
                           (%s)[1 + (s * 53 + s / 7) %% %d],
                           case when s %% 2 = 0 then 'FEMALE' else 'MALE' end,
                           date '2019-04-30' - (365 * (s * 7 %% 85) + s %% 365),
                           case when s %% 5 = 0 then 'YEAR' else 'EXACT' end,
                           %s, %s,
                           (%s)[1 + s %% cardinality(%s)],
                           (select array_agg(code order by code) from municipality)[1 + (s * 3) %% 38],
                           (array[%s])[1 + s %% %d], '%s'
                    from generate_series(1, %d) s
                    returning id, registered_on, municipality_code)
                %s""".formatted(registeredOn, names.femaleArray(), names.female().size(), names.maleArray(), names.male().size(),
                names.familyArray(), names.family().size(), citizenship, country, communities, communities, partnerArray,
                partnerIds.size(), MIGRATED_BY, n, then);
        jdbc.sql(sql).update();
        return n;
    }

    /** Given and family names for generated people (several spellings each, as partners wrote them). */
    record Names(List<String> female, List<String> male, List<String> family) {

        static Names load() {
            List<String> female = new ArrayList<>();
            List<String> male = new ArrayList<>();
            List<String> family = new ArrayList<>();
            try (var in = new BufferedReader(new InputStreamReader(
                    Objects.requireNonNull(DemoFactsheet2019.class.getResourceAsStream("/demo/names.csv")), StandardCharsets.UTF_8))) {
                in.lines().skip(1).map(l -> l.split(",", 4)).filter(c -> c.length == 4).forEach(c -> {
                    List<String> spellings = List.of(c[3].split("\\|"));
                    if (c[0].equals("family")) {
                        family.addAll(spellings);
                    } else if (c[2].equals("F")) {
                        female.addAll(spellings);
                    } else {
                        male.addAll(spellings);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Names(female, male, family);
        }

        Names foreign() {
            return new Names(List.of("Fatima", "Aisha", "Mariam", "Zainab", "Leila", "Samira", "Nour", "Amina", "Huda", "Rana"),
                    List.of("Ahmad", "Mohammed", "Omar", "Ali", "Hassan", "Yusuf", "Karim", "Rahim", "Tariq", "Bilal", "Khaled", "Farid"),
                    List.of("Al-Hassan", "Haidari", "Rahimi", "Benali", "Mansour", "Karimi", "Saleh", "Hamdan", "Nouri", "Aziz",
                            "Sultani", "Qasemi", "Bouazza", "Jaber"));
        }

        String femaleArray() {
            return literal(female);
        }

        String maleArray() {
            return literal(male);
        }

        String familyArray() {
            return literal(family);
        }

        private static String literal(List<String> values) {
            return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(",", "array[", "]"));
        }
    }

    static Map<String, Integer> printedFigures() {
        return Map.of("asylum2019", ASYLUM_2019, "asylum2018", ASYLUM_2018, "stateless", AT_RISK_OF_STATELESSNESS,
                "returns2018", RETURNS_2018, "returnsSince2000", RETURNS_SINCE_2000, "withinKosovo", DISPLACED_WITHIN_KOSOVO,
                "inShelters", IN_SHELTERS, "shelters", SHELTERS);
    }
}
