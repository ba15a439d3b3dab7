package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.people.PersonAnonymisationService;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.reports.activity.ActivityService;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.population.Dimension;
import org.protectioncases.reports.population.Population;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics invariant of issue #16: every factsheet figure, population breakdown and
 * disaggregation, and every activity table, for several periods and every scope (UNHCR, each
 * partner's coordinator), is identical before and after anonymising every person in the database
 * (the demo data: tens of thousands of people with groups, returns, shelter stays, cases, sessions,
 * visits). All of it runs in one transaction that is rolled back at the end, so the other tests of
 * this JVM keep their data. A control at the end shows why the birth date is kept exact: cut to the
 * year, the age breakdowns change.
 */
@SpringBootTest
class StatisticsInvariantIT extends ActingUsers {

    @Autowired
    FactsheetService factsheets;
    @Autowired
    ActivityService activity;
    @Autowired
    PersonAnonymisationService anonymisation;
    /** The app's own: the whole test runs in one system transaction (rolled back), and reads inside it. */
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private static final List<String> SCOPES = List.of("UNHCR", "CRPK", "KRCT", "AT");

    private <T> T scoped(String scope, java.util.function.Supplier<T> work) {
        return "UNHCR".equals(scope) ? as(Role.UNHCR_MANAGER, "UNHCR", work) : as(Role.PARTNER_COORDINATOR, scope, work);
    }

    /** Every report cell, as the services return them (records of lists and numbers: equals compares every value). */
    private List<Object> everyReport() {
        List<Object> all = new ArrayList<>();
        LocalDate today = LocalDate.now();
        List<int[]> factsheetDates = List.of(new int[] {2019, 2019, 4, 30}, new int[] {2019, 2019, 12, 31}, new int[] {2012, 2012, 6, 30},
                new int[] {2018, 2018, 12, 31}, new int[] {today.getYear(), today.getYear(), today.getMonthValue(), today.getDayOfMonth()});
        List<ReportPeriod> periods = List.of(ReportPeriod.year(2019), ReportPeriod.year(2018), ReportPeriod.month(2019, 4),
                ReportPeriod.quarter(2019, 1), ReportPeriod.year(today.getYear()), ReportPeriod.custom(today.minusYears(9), today));
        for (String scope : SCOPES) {
            scoped(scope, () -> {
                for (int[] d : factsheetDates) {
                    LocalDate asOf = LocalDate.of(d[1], d[2], d[3]);
                    all.add(factsheets.factsheet(d[0], asOf));
                    for (Population population : Population.values()) {
                        all.add(factsheets.breakdown(population, d[0], asOf));
                    }
                    all.add(factsheets.returnsPerYear(asOf));
                    all.add(factsheets.asylumSeekersPerYear(asOf));
                }
                for (Population population : Population.values()) {
                    for (Dimension dimension : Dimension.values()) {
                        all.add(factsheets.disaggregate(population, dimension, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 4, 30)));
                        all.add(factsheets.disaggregate(population, dimension, LocalDate.of(2000, 1, 1), today));
                    }
                    all.add(factsheets.crossTabulate(population, Dimension.MUNICIPALITY, Dimension.AGE_GROUP,
                            LocalDate.of(2019, 1, 1), LocalDate.of(2019, 4, 30)));
                    all.add(factsheets.crossTabulate(population, Dimension.COMMUNITY, Dimension.PARTNER, LocalDate.of(2000, 1, 1), today));
                }
                for (ReportPeriod period : periods) {
                    all.add(activity.report(period));
                }
                return null;
            });
        }
        return all;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void everyFigureIsIdenticalAfterAnonymisingEveryone() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        system.runAsSystem(() -> tx.execute(status -> {
            status.setRollbackOnly();
            long people = count("select count(*) from person where anonymised_at is null");
            assertThat(people).as("demo people to anonymise").isGreaterThan(1000);
            assertThat(count("select count(*) from counselling_session")).as("sessions").isPositive();
            assertThat(count("select count(*) from monitoring_visit")).as("visits").isPositive();
            assertThat(count("select count(*) from protection_case")).as("cases").isPositive();

            List<Object> before = everyReport();
            long changesBefore = count("select count(*) from report_data_change");

            List<Long> ids = jdbc.sql("select id from person where anonymised_at is null and merged_into_id is null order by id")
                    .query(Long.class).list();
            long t0 = System.nanoTime();
            int anonymised = 0;
            for (int i = 0; i < ids.size(); i += 2000) {
                List<Long> batch = ids.subList(i, Math.min(ids.size(), i + 2000));
                anonymised += anonymisation.anonymise(batch,
                        new AuditMessage("history.person.anonymisedRetention", List.of("#dataprotection.kind.INACTIVE_PERSON", "10"), "invariant test")).size();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("StatisticsInvariantIT: anonymised %d people in %d ms (one transaction)%n", anonymised, ms);

            // Nothing personal is left on any person, and the factsheet cache cannot answer from before.
            assertThat(count("select count(*) from person where anonymised_at is null")).isZero();
            assertThat(count("select count(*) from person where given_name <> '" + PersonAnonymisationService.ANONYMISED_NAME
                    + "' or family_name <> '' or father_name is not null or other_names is not null or phone is not null"
                    + " or address is not null or place_of_birth is not null or registration_no like 'KOS-%'")).isZero();
            assertThat(count("select count(*) from counselling_session where summary is not null or confidential_note is not null")).isZero();
            assertThat(count("select count(*) from protection_case where summary is not null or confidential_note is not null")).isZero();
            assertThat(count("select count(*) from report_data_change")).isGreaterThan(changesBefore);

            List<Object> after = everyReport();
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).as("report %d", i).isEqualTo(before.get(i));
            }
            System.out.printf("StatisticsInvariantIT: %d reports (factsheets, breakdowns, disaggregations, activity reports) identical%n",
                    before.size());

            // Control: with the birth date cut to the year, age groups on an as-of date move.
            jdbc.sql("update person set birth_date = make_date(extract(year from birth_date)::int, 1, 1) where birth_date is not null").update();
            List<Object> yearOnly = everyReport();
            assertThat(yearOnly).as("a year-only birth date changes age breakdowns").isNotEqualTo(before);
            return null;
        }));
    }
}
