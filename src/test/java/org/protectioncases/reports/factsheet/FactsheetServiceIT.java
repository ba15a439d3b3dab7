package org.protectioncases.reports.factsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonMergeService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.reports.Provenance;
import org.protectioncases.reports.population.CrossTable;
import org.protectioncases.reports.population.Dimension;
import org.protectioncases.reports.population.Disaggregation;
import org.protectioncases.reports.population.Population;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every factsheet figure against an independent SQL count, and the hard cases of the issue: a
 * person in two groups, a person who returned twice, merged duplicates, a membership that ended
 * before the as-of date, a shelter resident who moved out, another partner's records.
 */
@SpringBootTest
class FactsheetServiceIT extends ActingUsers {

    static final int YEAR = 2012;
    static final LocalDate AS_OF = LocalDate.of(2012, 6, 30);

    @Autowired
    FactsheetService factsheets;
    @Autowired
    PersonService people;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    PersonMergeService personMerges;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private Factsheet manager() {
        return as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.factsheet(YEAR, AS_OF));
    }

    private PersonDetails person(String given) {
        return as(Role.PARTNER_LAWYER, "KRCT", () -> people.register(PersonForm.of(given, "Faktlist", Sex.FEMALE,
                LocalDate.of(1980, 1, 1), BirthDatePrecision.YEAR, Community.ROMA, "PRI"), List.of()));
    }

    private void group(long personId, PopulationGroup group, LocalDate start, LocalDate end, DisplacementPlace place) {
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addGroup(personId, group, start, end, place));
    }

    private static long value(Figure f) {
        return f.value() == null ? -1 : f.value().longValueExact();
    }

    @Test
    void figuresCountPeopleOnceAsOfTheDateAndMatchIndependentSql() {
        Factsheet before = manager();
        Factsheet krctBefore = as(Role.PARTNER_COORDINATOR, "KRCT", () -> factsheets.factsheet(YEAR, AS_OF));
        Factsheet crpkBefore = as(Role.PARTNER_COORDINATOR, "CRPK", () -> factsheets.factsheet(YEAR, AS_OF));

        // A: asylum seeker in the year and at risk of statelessness: two groups, counted in each once.
        PersonDetails a = person("Ana");
        group(a.id(), PopulationGroup.ASYLUM_SEEKER, LocalDate.of(2012, 2, 1), LocalDate.of(2012, 12, 31), null);
        group(a.id(), PopulationGroup.AT_RISK_OF_STATELESSNESS, LocalDate.of(2011, 1, 1), LocalDate.of(2013, 12, 31), null);
        // B: asylum seeker only the year before; C: only after the as-of date.
        PersonDetails b = person("Bora");
        group(b.id(), PopulationGroup.ASYLUM_SEEKER, LocalDate.of(2011, 3, 1), LocalDate.of(2011, 12, 31), null);
        PersonDetails c = person("Cana");
        group(c.id(), PopulationGroup.ASYLUM_SEEKER, LocalDate.of(2012, 9, 1), LocalDate.of(2012, 12, 31), null);
        // D: returned twice the year before: one person.
        PersonDetails d = person("Dita");
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addReturn(d.id(), LocalDate.of(2011, 4, 1), DisplacementPlace.SERBIA, "PEJ", true));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addReturn(d.id(), LocalDate.of(2011, 8, 1), DisplacementPlace.MONTENEGRO, "PEJ", false));
        // E: displaced until before the as-of date; F and G displaced within Kosovo on it.
        PersonDetails e = person("Era");
        group(e.id(), PopulationGroup.IDP, LocalDate.of(2010, 1, 1), LocalDate.of(2012, 3, 1), DisplacementPlace.WITHIN_KOSOVO);
        PersonDetails f = person("Fllanza");
        group(f.id(), PopulationGroup.IDP, LocalDate.of(2010, 1, 1), LocalDate.of(2013, 12, 31), DisplacementPlace.WITHIN_KOSOVO);
        PersonDetails g = person("Gentiana");
        group(g.id(), PopulationGroup.IDP, LocalDate.of(2010, 1, 1), LocalDate.of(2013, 12, 31), DisplacementPlace.WITHIN_KOSOVO);
        // F moved out of the shelter before the as-of date, G still lives there.
        long shelter = jdbc.sql("insert into shelter (name, municipality_code, capacity, status, opened_on) values"
                + " ('Factsheet test centre', 'PRI', 40, 'OPEN', '2009-01-01') returning id").query(Long.class).single();
        jdbc.sql("insert into shelter_residence (shelter_id, person_id, moved_in, moved_out, recorded_by) values"
                + " (:s, :f, '2011-01-01', '2012-05-01', 'test'), (:s, :g, '2012-01-01', '2013-06-30', 'test')")
                .param("s", shelter).param("f", f.id()).param("g", g.id()).update();
        // H1 and H2 are the same asylum seeker registered twice, then merged: one person.
        PersonDetails h1 = person("Hana");
        PersonDetails h2 = person("Hanna");
        group(h1.id(), PopulationGroup.ASYLUM_SEEKER, LocalDate.of(2012, 1, 10), LocalDate.of(2012, 12, 31), null);
        group(h2.id(), PopulationGroup.ASYLUM_SEEKER, LocalDate.of(2012, 1, 12), LocalDate.of(2012, 12, 31), null);
        as(Role.UNHCR_MANAGER, "UNHCR", () -> personMerges.merge(h1.id(), h2.registrationNo()));

        Factsheet after = manager();
        assertThat(value(after.asylumSeekers()) - value(before.asylumSeekers())).isEqualTo(2);          // A, H
        assertThat(value(after.asylumSeekersYearBefore()) - value(before.asylumSeekersYearBefore())).isEqualTo(1); // B
        assertThat(value(after.atRiskOfStatelessness()) - value(before.atRiskOfStatelessness())).isEqualTo(1);     // A
        assertThat(value(after.returnsYearBefore()) - value(before.returnsYearBefore())).isEqualTo(1);             // D once
        assertThat(value(after.returnsSince2000()) - value(before.returnsSince2000())).isEqualTo(1);
        assertThat(value(after.displaced().get(DisplacementPlace.WITHIN_KOSOVO))
                - value(before.displaced().get(DisplacementPlace.WITHIN_KOSOVO))).isEqualTo(2);                    // F, G
        assertThat(value(after.shelterPersons()) - value(before.shelterPersons())).isEqualTo(1);                   // G
        assertThat(value(after.displacedTotal())).isEqualTo(Factsheet.PLACES.stream().mapToLong(p -> value(after.displaced().get(p))).sum());

        // The same figures, counted independently (exists instead of count distinct, no shared SQL).
        assertThat(value(after.asylumSeekers())).isEqualTo(independentGroupCount("ASYLUM_SEEKER", "2012-01-01", "2012-06-30"));
        assertThat(value(after.asylumSeekersYearBefore())).isEqualTo(independentGroupCount("ASYLUM_SEEKER", "2011-01-01", "2011-12-31"));
        assertThat(value(after.atRiskOfStatelessness())).isEqualTo(independentGroupCount("AT_RISK_OF_STATELESSNESS", "2012-06-30", "2012-06-30"));
        assertThat(value(after.returnsSince2000())).isEqualTo(jdbc.sql("""
                select count(*) from person p where p.merged_into_id is null
                and exists (select 1 from return_event r where r.person_id = p.id and r.return_date >= date '2000-01-01'
                            and r.return_date <= date '2012-06-30')""").query(Long.class).single());
        assertThat(value(after.shelterPersons())).isEqualTo(jdbc.sql("""
                select count(*) from person p where p.merged_into_id is null
                and exists (select 1 from shelter_residence r where r.person_id = p.id and r.moved_in <= date '2012-06-30'
                            and coalesce(r.moved_out, date '9999-12-31') > date '2012-06-30')""").query(Long.class).single());
        assertThat(after.asylumSeekers().provenance()).isEqualTo(Provenance.INDIVIDUAL_RECORDS);
        assertThat(after.shelterPersons().provenance()).isEqualTo(Provenance.SHELTER_RECORDS);

        // Every breakdown adds up to its factsheet figure.
        Factsheet checked = after;
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.breakdown(Population.ASYLUM_SEEKERS, YEAR, AS_OF)).total())
                .isEqualTo(value(checked.asylumSeekers()));
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.breakdown(Population.DISPLACED_WITHIN_KOSOVO, YEAR, AS_OF)).total())
                .isEqualTo(value(checked.displaced().get(DisplacementPlace.WITHIN_KOSOVO)));
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.breakdown(Population.IN_SHELTERS, YEAR, AS_OF)).total())
                .isEqualTo(value(checked.shelterPersons()));
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.breakdown(Population.RETURNED_SINCE_2000, YEAR, AS_OF)).total())
                .isEqualTo(value(checked.returnsSince2000()));
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.breakdown(Population.AT_RISK_OF_STATELESSNESS, YEAR, AS_OF)).total())
                .isEqualTo(value(checked.atRiskOfStatelessness()));
        // A (born 1980, female) is in the 18-59 female cell of the statelessness breakdown, counted independently.
        long women1859 = jdbc.sql("""
                select count(*) from person p where p.merged_into_id is null and p.sex = 'FEMALE'
                and extract(year from age(date '2012-06-30', p.birth_date)) between 18 and 59
                and exists (select 1 from person_group g where g.person_id = p.id and g.group_code = 'AT_RISK_OF_STATELESSNESS'
                            and g.start_date <= date '2012-06-30' and coalesce(g.end_date, date '9999-12-31') >= date '2012-06-30')""")
                .query(Long.class).single();
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.breakdown(Population.AT_RISK_OF_STATELESSNESS, YEAR, AS_OF)).rows())
                .filteredOn(r -> r.ageGroup() == AgeGroup.AGE_18_59).singleElement()
                .satisfies(r -> assertThat(r.female()).isEqualTo(women1859));

        // Per-year series agree with the factsheet's figures for the same years.
        List<YearCount> returns = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.returnsPerYear(AS_OF));
        assertThat(returns).extracting(YearCount::year).startsWith(2000).endsWith(YEAR);
        assertThat(returns).filteredOn(y -> y.year() == YEAR - 1).singleElement()
                .satisfies(y -> assertThat(y.persons()).isEqualTo(value(checked.returnsYearBefore())));
        List<YearCount> asylum = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.asylumSeekersPerYear(AS_OF));
        assertThat(asylum).hasSize(10).last().satisfies(y -> assertThat(y.persons()).isEqualTo(value(checked.asylumSeekers())));
        assertThat(asylum).filteredOn(y -> y.year() == YEAR - 1).singleElement()
                .satisfies(y -> assertThat(y.persons()).isEqualTo(value(checked.asylumSeekersYearBefore())));

        // KRCT's coordinator sees KRCT's share grow; CRPK's coordinator sees none of it.
        Factsheet krct = system.runAsAccount("coordinator.krct", () -> factsheets.factsheet(YEAR, AS_OF));
        Factsheet crpk = as(Role.PARTNER_COORDINATOR, "CRPK", () -> factsheets.factsheet(YEAR, AS_OF));
        assertThat(krct.partnerCode()).isEqualTo("KRCT");
        assertThat(value(krct.asylumSeekers()) - value(krctBefore.asylumSeekers())).isEqualTo(2);
        assertThat(value(crpk.asylumSeekers())).isEqualTo(value(crpkBefore.asylumSeekers()));
        assertThat(value(crpk.shelterPersons())).isEqualTo(value(crpkBefore.shelterPersons()));
        assertThat(value(crpk.returnsSince2000())).isEqualTo(value(crpkBefore.returnsSince2000()));
    }

    @Test
    void disaggregationsAddUpToTheFactsheetAndMatchIndependentSqlForEveryDimensionAndPeriod() {
        // Returns on the last day of a quarter and the first day of the next; one person twice in Q1.
        PersonDetails r1 = person("Rina");
        PersonDetails r2 = person("Rreze");
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addReturn(r1.id(), LocalDate.of(2013, 1, 5), DisplacementPlace.SERBIA, "PEJ", true));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addReturn(r1.id(), LocalDate.of(2013, 3, 31), DisplacementPlace.SERBIA, "GJA", true));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addReturn(r2.id(), LocalDate.of(2013, 4, 1), DisplacementPlace.MONTENEGRO, "PEJ", false));
        PersonDetails idp = person("Iliriana");
        group(idp.id(), PopulationGroup.IDP, LocalDate.of(2011, 1, 1), LocalDate.of(2014, 1, 1), DisplacementPlace.WITHIN_KOSOVO);

        Factsheet sheet = manager();
        for (Dimension dimension : Dimension.values()) {
            Disaggregation d = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.disaggregate(Population.DISPLACED_WITHIN_KOSOVO,
                    dimension, LocalDate.of(2012, 1, 1), AS_OF));
            assertThat(d.total()).as(dimension.name()).isEqualTo(value(sheet.displaced().get(DisplacementPlace.WITHIN_KOSOVO)));
        }
        // By community and sex, counted independently (exists, no shared SQL).
        Disaggregation byCommunity = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.disaggregate(
                Population.DISPLACED_WITHIN_KOSOVO, Dimension.COMMUNITY, LocalDate.of(2012, 4, 1), AS_OF));
        Map<String, Long> independent = new HashMap<>();
        jdbc.sql("""
                select p.community || '/' || p.sex as k, count(*) as n from person p where p.merged_into_id is null
                and exists (select 1 from person_group g where g.person_id = p.id and g.group_code = 'IDP'
                            and g.displacement_place = 'WITHIN_KOSOVO' and g.start_date <= date '2012-06-30'
                            and coalesce(g.end_date, date '9999-12-31') >= date '2012-06-30')
                group by 1""").query((rs, i) -> independent.put(rs.getString("k"), rs.getLong("n"))).list();
        Map<String, Long> reported = new HashMap<>();
        for (Disaggregation.Row row : byCommunity.rows()) {
            if (row.female() > 0) {
                reported.put(row.key() + "/FEMALE", row.female());
            }
            if (row.male() > 0) {
                reported.put(row.key() + "/MALE", row.male());
            }
        }
        assertThat(reported).isEqualTo(independent.entrySet().stream().filter(e -> e.getKey().endsWith("/FEMALE") || e.getKey().endsWith("/MALE"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(byCommunity.rows()).anyMatch(r -> "ROMA".equals(r.key()) && r.female() >= 1);

        // Returns by quarter: the last day of Q1 is in Q1, the first day of Q2 in Q2; a person twice in Q1 counts once.
        Disaggregation q1 = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.disaggregate(Population.RETURNED_IN_PERIOD,
                Dimension.PARTNER, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 3, 31)));
        Disaggregation q2 = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.disaggregate(Population.RETURNED_IN_PERIOD,
                Dimension.PARTNER, LocalDate.of(2013, 4, 1), LocalDate.of(2013, 6, 30)));
        assertThat(q1.total()).isEqualTo(independentReturns("2013-01-01", "2013-03-31")).isGreaterThanOrEqualTo(1);
        assertThat(q2.total()).isEqualTo(independentReturns("2013-04-01", "2013-06-30")).isGreaterThanOrEqualTo(1);
        assertThat(q1.rows()).anyMatch(r -> "KRCT".equals(r.key()));

        // A coordinator's disaggregation is their partner's share; another partner's coordinator sees none of these people.
        Disaggregation krct = system.runAsAccount("coordinator.krct", () -> factsheets.disaggregate(Population.RETURNED_IN_PERIOD,
                Dimension.MUNICIPALITY, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 6, 30)));
        assertThat(krct.partnerCode()).isEqualTo("KRCT");
        assertThat(krct.total()).isGreaterThanOrEqualTo(2);
        Disaggregation crpk = as(Role.PARTNER_COORDINATOR, "CRPK", () -> factsheets.disaggregate(Population.RETURNED_IN_PERIOD,
                Dimension.PARTNER, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 6, 30)));
        assertThat(crpk.rows()).noneMatch(r -> "KRCT".equals(r.key()));

        // Bad periods are field errors.
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.disaggregate(Population.IN_SHELTERS,
                Dimension.AGE_GROUP, LocalDate.of(2013, 6, 30), LocalDate.of(2013, 1, 1))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("to"));
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.disaggregate(Population.IN_SHELTERS,
                Dimension.AGE_GROUP, null, LocalDate.of(2013, 1, 1))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("from"));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "KRCT", () -> factsheets.disaggregate(Population.IN_SHELTERS,
                Dimension.AGE_GROUP, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 2, 1))))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Two dimensions at once: every pair adds up to the factsheet figure, and each cell matches independent SQL. */
    @Test
    void crossTablesAddUpToTheFactsheetAndMatchIndependentSql() {
        PersonDetails idp = person("Iliriana");
        group(idp.id(), PopulationGroup.IDP, LocalDate.of(2011, 1, 1), LocalDate.of(2014, 1, 1), DisplacementPlace.WITHIN_KOSOVO);
        Factsheet sheet = manager();
        long withinKosovo = value(sheet.displaced().get(DisplacementPlace.WITHIN_KOSOVO));
        for (Dimension rows : Dimension.values()) {
            for (Dimension columns : Dimension.values()) {
                if (rows == columns) {
                    continue;
                }
                CrossTable t = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.crossTabulate(Population.DISPLACED_WITHIN_KOSOVO,
                        rows, columns, LocalDate.of(YEAR, 1, 1), AS_OF));
                assertThat(t.total()).as("%s × %s", rows, columns).isEqualTo(withinKosovo);
                assertThat(t.counts()).allSatisfy(r -> assertThat(r).hasSize(t.columnKeys().size()));
            }
        }
        CrossTable byMunicipalityAndAge = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.crossTabulate(
                Population.DISPLACED_WITHIN_KOSOVO, Dimension.MUNICIPALITY, Dimension.AGE_GROUP, LocalDate.of(YEAR, 1, 1), AS_OF));
        // Every age group is a column, in UNHCR's order, even when empty.
        assertThat(byMunicipalityAndAge.columnKeys()).startsWith("AGE_0_4", "AGE_5_11", "AGE_12_17", "AGE_18_59", "AGE_60_PLUS");
        Map<String, Long> independent = new HashMap<>();
        jdbc.sql("""
                select coalesce(p.municipality_code, '-') || '/' || coalesce(case
                    when p.birth_date is null then null
                    when p.birth_date + interval '18 years' > cast(:on as date) then 'MINOR' else 'ADULT' end, '?') as k, count(*) as n
                from person p where p.merged_into_id is null
                and exists (select 1 from person_group g where g.person_id = p.id and g.group_code = 'IDP'
                            and g.displacement_place = 'WITHIN_KOSOVO' and g.start_date <= cast(:on as date)
                            and coalesce(g.end_date, date '9999-12-31') >= cast(:on as date))
                group by 1""").param("on", AS_OF).query((rs, i) -> independent.put(rs.getString("k"), rs.getLong("n"))).list();
        Map<String, Long> reported = new HashMap<>();
        for (int r = 0; r < byMunicipalityAndAge.rowKeys().size(); r++) {
            for (int c = 0; c < byMunicipalityAndAge.columnKeys().size(); c++) {
                String column = byMunicipalityAndAge.columnKeys().get(c);
                String age = column == null ? "?" : List.of("AGE_0_4", "AGE_5_11", "AGE_12_17").contains(column) ? "MINOR" : "ADULT";
                String row = byMunicipalityAndAge.rowKeys().get(r);
                reported.merge((row == null ? "-" : row) + "/" + age, byMunicipalityAndAge.counts().get(r).get(c), Long::sum);
            }
        }
        reported.values().removeIf(n -> n == 0);
        assertThat(reported).isEqualTo(independent);

        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.crossTabulate(Population.IN_SHELTERS,
                Dimension.COMMUNITY, Dimension.COMMUNITY, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 2, 1))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("columns"));
    }

    private long independentReturns(String from, String to) {
        return jdbc.sql("select count(*) from person p where p.merged_into_id is null and exists (select 1 from return_event r"
                        + " where r.person_id = p.id and r.return_date between cast(:from as date) and cast(:to as date))")
                .param("from", from).param("to", to).query(Long.class).single();
    }

    private long independentGroupCount(String group, String from, String to) {
        return jdbc.sql("select count(*) from person p where p.merged_into_id is null and exists (select 1 from person_group g"
                        + " where g.person_id = p.id and g.group_code = :g and g.start_date <= cast(:to as date)"
                        + " and coalesce(g.end_date, date '9999-12-31') >= cast(:from as date))")
                .param("g", group).param("from", from).param("to", to).query(Long.class).single();
    }

    @Test
    void reportedFiguresHoldFromTheirDateAndPercentagesAreComputed() {
        int year = 2013;
        as(Role.UNHCR_MANAGER, "UNHCR", () -> {
            factsheets.recordFigure(ReportedFigureKind.FUNDING_REQUIREMENT_USD, year, new BigDecimal("4080000"), LocalDate.of(2013, 1, 15), "Budget");
            factsheets.recordFigure(ReportedFigureKind.FUNDING_RECEIVED_USD, year, new BigDecimal("2530000"), LocalDate.of(2013, 4, 1), "Funding update");
            factsheets.recordFigure(ReportedFigureKind.DISPLACED_IN_SERBIA, year, new BigDecimal("68514"), LocalDate.of(2013, 3, 1), "Serbian Commissariat");
            factsheets.recordFigure(ReportedFigureKind.DISPLACED_IN_SERBIA, year, new BigDecimal("68000"), LocalDate.of(2013, 6, 1), "Serbian Commissariat, revised");
            return null;
        });
        Factsheet march = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.factsheet(year, LocalDate.of(2013, 3, 31)));
        assertThat(march.funded().available()).isFalse();
        assertThat(march.fundedPercent()).isNull();
        assertThat(value(march.displaced().get(DisplacementPlace.SERBIA))).isEqualTo(68514);
        assertThat(march.displaced().get(DisplacementPlace.SERBIA).provenance()).isEqualTo(Provenance.REPORTED);
        assertThat(march.displaced().get(DisplacementPlace.SERBIA).source()).contains("Serbian Commissariat");

        Factsheet july = as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.factsheet(year, LocalDate.of(2013, 7, 1)));
        assertThat(value(july.displaced().get(DisplacementPlace.SERBIA))).isEqualTo(68000);
        assertThat(value(july.unfunded())).isEqualTo(1_550_000);
        // 2.53 M of 4.08 M is 62.0 % (the printed 51.3 % cannot be computed from the printed amounts).
        assertThat(july.fundedPercent()).isEqualTo(62.0);
        assertThat(july.unfundedPercent()).isEqualTo(38.0);

        // Host-authority figures are mission-wide: a coordinator sees only their own records there.
        Factsheet coordinator = as(Role.PARTNER_COORDINATOR, "KRCT", () -> factsheets.factsheet(year, LocalDate.of(2013, 7, 1)));
        assertThat(coordinator.displaced().get(DisplacementPlace.SERBIA).provenance()).isEqualTo(Provenance.INDIVIDUAL_RECORDS);
    }

    @Test
    void badParametersAndOtherRolesAreRefused() {
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> factsheets.factsheet(YEAR, LocalDate.now().plusDays(1))))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> {
            factsheets.recordFigure(ReportedFigureKind.OFFICES, 2019, new BigDecimal("-1"), LocalDate.of(2019, 1, 1), " ");
            return null;
        })).isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                .containsEntry("value", "report.validation.negative").containsEntry("source", "report.validation.source"));
        assertThatThrownBy(() -> system.runAsAdmin(() -> factsheets.factsheet(YEAR, AS_OF))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> factsheets.factsheet(YEAR, AS_OF))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "CRPK", () -> factsheets.reportedFigures())).isInstanceOf(AccessDeniedException.class);
    }
}
