package org.protectioncases.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.protectioncases.Application;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.people.DuplicateCheck;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;

/**
 * Smoke run of the scale generator in {@code ./mvnw verify}: {@link ScaleSize#tiny()} into a
 * database of its own (migrated by the app's changelog), then the data is checked against the
 * schema's rules and the app's real services are run on it as the generated accounts.
 */
class ScaleGeneratorIT {

    private static final String DATABASE = "scale_tiny";

    @Test
    void generatesATinyDataSetThatKeepsEveryRuleAndServesTheApp() throws Exception {
        Map<String, String> main = TestDatabase.connection();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabase.createDatabase(DATABASE));
        ds.setUser(main.get(TestDatabase.OWNER_USER)); // the generator writes past row-level security, as the owner
        ds.setPassword(main.get(TestDatabase.OWNER_PASSWORD));
        ScaleSchema.migrate(ds);
        ScaleSize size = ScaleSize.tiny();
        LocalDate anchor = LocalDate.now();

        try (Connection c = ds.getConnection()) {
            long foreignKeys = value(c, "select count(*) from pg_constraint where contype = 'f'");
            long indexes = value(c, "select count(*) from pg_indexes where schemaname = 'public'");

            long start = System.nanoTime();
            GenerationReport report = ScaleDataGenerator.generate(ds, size, 42, false, anchor);
            System.out.printf("Tiny scale data (%d people) generated in %d ms%n%s%n", size.people(), (System.nanoTime() - start) / 1_000_000,
                    report.format());

            // Row counts as sized, and the report counts what is in the tables.
            assertThat(report.rows("person")).isEqualTo(size.people()).isEqualTo(value(c, "select count(*) from person"));
            assertThat(report.rows("household_member")).isEqualTo(size.householdPeople());
            assertThat(report.rows("protection_case")).isEqualTo(size.cases());
            assertThat(report.rows("counselling_session")).isEqualTo(size.sessions());
            assertThat(report.rows("monitoring_visit")).isEqualTo(size.visits());
            assertThat(report.rows("referral")).isEqualTo(size.referrals());
            assertThat(report.rows("shelter")).isEqualTo(size.shelters());
            assertThat(report.rows("record_access")).isEqualTo(size.accessLogEntries());
            assertThat(report.rows("shelter_residence")).isGreaterThan(0);
            assertThat(report.rows("person_group")).isGreaterThan(size.people() / 2);
            assertThat(report.rows("return_event")).isGreaterThan(0);
            // Opposing parties on every 4th case (but the last seven, which have no case 7 ids on), in the conflict dictionary.
            assertThat(report.rows("case_party")).isBetween((long) size.cases() / 4 - 2, (long) size.cases() / 4);
            assertThat(value(c, "select count(*) from party_name")).isGreaterThan(0)
                    .isEqualTo(value(c, "select count(distinct search_name) from case_party where party_role = 'OPPOSING_PARTY'"));

            // Every foreign key and index is back and validated; the numbering triggers are on again.
            assertThat(value(c, "select count(*) from pg_constraint where contype = 'f'")).isEqualTo(foreignKeys);
            assertThat(value(c, "select count(*) from pg_constraint where not convalidated")).isZero();
            assertThat(value(c, "select count(*) from pg_indexes where schemaname = 'public'")).isEqualTo(indexes);
            assertThat(value(c, "select count(*) from pg_trigger where tgname in ('person_registration_no', 'protection_case_no')"
                    + " and tgenabled = 'O'")).isEqualTo(2);
            assertThat(value(c, "select count(*) from pg_class where relname like 'scale\\_%'")).isZero();
            // The activity summaries' triggers are on again, and the summaries were built from the loaded rows.
            assertThat(value(c, "select count(*) from pg_trigger where tgname like '%\\_activity\\_%' and tgenabled <> 'O'")).isZero();
            assertThat(value(c, "select count(*) from pg_trigger where tgname like '%\\_activity\\_%'")).isEqualTo(17);
            assertThat(value(c, "select coalesce(sum(sessions), 0) from activity_session_day")).isEqualTo(report.rows("counselling_session"));
            assertThat(value(c, "select count(*) from activity_reach")).isEqualTo(value(c, "select count(*) from (select s.owning_partner,"
                    + " s.person_id from counselling_session s union select v.owning_partner, vp.person_id from visit_person vp"
                    + " join monitoring_visit v on v.id = vp.visit_id union select s.owning_partner, a.person_id from counselling_session_attendee a"
                    + " join counselling_session s on s.id = a.session_id union select c.owning_partner, c.principal_person_id from protection_case c"
                    + " where c.closed_on is null or c.closed_on >= c.opened_on) r"));

            // Data rules beyond the constraints.
            assertThat(value(c, "select count(distinct municipality_code) from person")).isEqualTo(38);
            assertThat(value(c, "select count(distinct community) from person")).isEqualTo(9);
            assertThat(value(c, "select count(distinct case_type) from protection_case")).isEqualTo(6);
            assertThat(value(c, "select count(distinct status) from protection_case")).isEqualTo(4);
            assertThat(value(c, "select count(distinct owning_partner) from protection_case")).isEqualTo(3);
            assertThat(value(c, "select count(*) from protection_case c join person p on p.id = c.principal_person_id"
                    + " where c.opened_on < p.registered_on or c.opened_on > current_date or c.closed_on < c.opened_on")).isZero();
            assertThat(value(c, "select count(*) from counselling_session s join protection_case c on c.id = s.case_id"
                    + " where s.held_at::date < c.opened_on or s.held_at::date > coalesce(c.closed_on, date '" + anchor + "')"
                    + " or s.owning_partner <> c.owning_partner or s.person_id <> c.principal_person_id")).isZero();
            assertThat(value(c, "select count(*) from shelter_residence a join shelter_residence b on a.person_id = b.person_id"
                    + " and a.id < b.id and daterange(a.moved_in, a.moved_out) && daterange(b.moved_in, b.moved_out)")).isZero();
            assertThat(value(c, "select count(*) from shelter_residence r join shelter s on s.id = r.shelter_id"
                    + " where s.status = 'CLOSED' and (r.moved_out is null or r.moved_out > s.closed_on)")).isZero();
            assertThat(value(c, "select count(*) from referral r join consent k on k.id = r.consent_id"
                    + " where k.person_id <> r.person_id or k.scope <> 'REFERRAL' or k.given_on > r.referred_on")).isZero();
            assertThat(value(c, "select count(*) from person_group where start_date > current_date")).isZero();
            // Registration and case numbers gapless per year, and the counters where the app's trigger will continue.
            assertThat(value(c, "select count(*) from (select split_part(registration_no, '-', 2) y, count(*) n,"
                    + " max(split_part(registration_no, '-', 3)::int) m from person group by 1) x where n <> m")).isZero();
            assertThat(value(c, "select count(*) from (select split_part(case_no, '-', 2)::int y,"
                    + " max(split_part(case_no, '-', 3)::int) m from protection_case group by 1) x"
                    + " left join number_counter k on k.series = 'case' and k.year = x.y where k.last is distinct from x.m")).isZero();
            // Realistic proportions: about half female, many children, most households with several people.
            double female = value(c, "select count(*) filter (where sex = 'FEMALE') * 1000 / count(*) from person") / 1000.0;
            double children = value(c, "select count(*) filter (where birth_date > current_date - interval '18 years') * 1000 / count(*)"
                    + " from person") / 1000.0;
            System.out.printf("Female %.3f, under 18 %.3f%n", female, children);
            assertThat(female).isBetween(0.42, 0.58);
            assertThat(children).isBetween(0.2, 0.5);
            assertThat(value(c, "select count(distinct family_name) from person")).isGreaterThan(150);

            assertThatThrownBy(() -> ScaleDataGenerator.generate(ds, size, 42, false, anchor))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("scale.force");
        }

        // The app's real services, on the generated data, as the generated accounts.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--test.database.name=" + DATABASE, "--server.port=0", "--spring.main.banner-mode=off")) {
            SystemAccess system = app.getBean(SystemAccess.class);
            CaseService cases = app.getBean(CaseService.class);
            PersonService people = app.getBean(PersonService.class);

            CaseFilter mine = new CaseFilter(true, null, null, null, false, null);
            List<CaseSummary> myCases = system.runAsAccount("bench.lawyer.crpk", () -> cases.list(mine, PageRequest.of(0, 50)));
            assertThat(myCases).isNotEmpty().allMatch(s -> s.assignedTo().equals("bench.lawyer.crpk"));
            long partnerCases = system.runAsAccount("bench.coordinator.crpk", () -> cases.count(CaseFilter.all()));
            assertThat(partnerCases).isBetween(size.cases() / 5L, size.cases() * 3L / 5);
            assertThat(system.runAsAccount("bench.manager", () -> cases.count(CaseFilter.all()))).isEqualTo(size.cases());

            // Fuzzy search finds a generated person by the name without diacritics.
            PersonSummary someone = system.runAsAccount("bench.lawyer.crpk", () -> people.list(PersonFilter.none(), PageRequest.of(0, 1)))
                    .getFirst();
            String plain = java.text.Normalizer.normalize(someone.givenName() + " " + someone.familyName(), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            List<PersonSummary> found = system.runAsAccount("bench.lawyer.crpk",
                    () -> people.list(new PersonFilter(plain, null, null, null, null), PageRequest.of(0, 50)));
            assertThat(found).extracting(PersonSummary::id).contains(someone.id());

            // The duplicate check finds the first person from their second registration (another partner, another spelling).
            List<long[]> pairs = new ArrayList<>();
            try (Connection c = ds.getConnection()) {
                long first = value(c, "select min(id) from person");
                long stride = size.householdPeople() / size.duplicates();
                for (int k = 0; k < 5; k++) {
                    pairs.add(new long[] {first + k * stride, first + size.householdPeople() + k});
                }
                int found2 = 0;
                for (long[] pair : pairs) {
                    String[] dup = row(c, "select given_name, family_name, coalesce(birth_year, 0) from person where id = " + pair[1]);
                    String[] orig = row(c, "select given_name, family_name, coalesce(birth_year, 0) from person where id = " + pair[0]);
                    Integer year = dup[2].equals("0") ? null : Integer.valueOf(dup[2]);
                    DuplicateCheck check = system.runAsAccount("bench.manager",
                            () -> people.findDuplicates(dup[0], dup[1], year, pair[1]));
                    boolean hit = check.visible().stream().anyMatch(m -> m.id() == pair[0]);
                    System.out.printf("Duplicate %s %s of %s %s: %s%n", dup[0], dup[1], orig[0], orig[1], hit ? "found" : "not found");
                    found2 += hit ? 1 : 0;
                }
                assertThat(found2).isGreaterThanOrEqualTo(4);

                // The registration trigger continues the generated numbering without a gap or a clash.
                String expected = value(c, "select coalesce((select last from number_counter where series = 'person'"
                        + " and year = extract(year from current_date)), 0) + 1")
                        + "";
                String number = row(c, "insert into person (given_name, family_name, sex, community, registered_by_partner, registered_by)"
                        + " select 'Test', 'Person', 'FEMALE', 'OTHER', id, 'bench.lawyer.crpk' from partner where code = 'CRPK'"
                        + " returning registration_no")[0];
                assertThat(number).endsWith("-" + "0".repeat(Math.max(0, 6 - expected.length())) + expected);
            }
        }
    }

    private static long value(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] row(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            String[] out = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getString(i + 1);
            }
            return out;
        }
    }
}
