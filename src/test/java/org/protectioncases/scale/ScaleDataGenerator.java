package org.protectioncases.scale;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.protectioncases.cases.CaseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Fills a database that has the app's schema with a realistic, reproducible data set of a given
 * {@link ScaleSize}, for the benchmarks of issue #6.
 *
 * <p>Set-based throughout: every table is filled by a few {@code insert ... select ... from
 * generate_series(...)} statements whose values are pseudo-random functions of the row number
 * ({@code hashint8extended(n, seed)}), so the same seed gives the same data and no row is sent from
 * Java. Bulk-load practice, undone before it returns (also after a crash: see {@code scale_restore}):
 * <ul>
 *   <li>secondary indexes and foreign keys of the filled tables are dropped and re-created at the
 *       end; re-adding a foreign key validates every row in one join, and re-building a unique
 *       index checks uniqueness, so nothing goes unchecked, it is only checked once;</li>
 *   <li>the per-row triggers that number people and cases ({@code pc_next_number}, one counter-row
 *       update per row) are disabled while the numbers are assigned set-based in the same
 *       statement, gapless per year ({@code row_number()} after the year's current counter), and the
 *       counters are then set to the last number, so the app continues the sequence;</li>
 *   <li>ids are given explicitly (base + row number) so child rows compute their parents' ids
 *       instead of looking them up; identity sequences are moved past them at the end.</li>
 * </ul>
 * Check constraints and the shelter exclusion constraint stay active during the load. The run ends
 * with {@code VACUUM ANALYZE}, so statistics and the visibility map (index-only scans) are ready.
 *
 * <p>Dates run up to the day of the run (the "anchor"), so follow-ups are due and overdue as in live data.
 */
public final class ScaleDataGenerator {

    /** Password of every generated account ({@code bench.lawyer.crpk}, {@code bench.coordinator.crpk}, {@code bench.manager}, ...). */
    public static final String PASSWORD = "Kosovo-Bench-2026";
    public static final List<String> PARTNERS = List.of("CRPK", "AT", "KRCT");
    static final String GENERATED_BY = "scale.generator";

    private static final Logger log = LoggerFactory.getLogger(ScaleDataGenerator.class);

    /** Tables the generator fills: their foreign keys and secondary indexes are rebuilt after the load. */
    private static final List<String> LOADED = List.of("person", "household", "household_member", "person_group", "return_event",
            "consent", "person_access", "protection_case", "case_status_change", "case_transfer", "referral", "counselling_session",
            "counselling_session_topic", "counselling_session_attendee", "monitoring_visit", "visit_monitor", "visit_concern",
            "visit_person", "shelter", "shelter_residence", "record_access");

    private static final List<String> COUNTED = List.of("partner", "user_account", "person", "household", "household_member",
            "person_group", "return_event", "consent", "person_access", "protection_case", "case_status_change", "case_transfer",
            "referral", "counselling_session", "counselling_session_topic", "counselling_session_attendee", "monitoring_visit",
            "visit_monitor", "visit_concern", "visit_person", "shelter", "shelter_residence", "record_access", "case_party");

    private final DataSource dataSource;
    private final ScaleSize size;
    private final long seed;
    private final LocalDate anchor;
    private final ScaleNames names = ScaleNames.load();
    private final Map<String, Double> steps = new LinkedHashMap<>();
    /**
     * Placeholders of the SQL ({@code {C}} etc.). Concurrent: the index rebuilds run their SQL on a
     * background thread while later steps add variables (a LinkedHashMap failed one CI run with a
     * ConcurrentModificationException). Order does not matter: {@link #expand} makes two passes.
     */
    private final Map<String, String> vars = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Long> partnerIds = new ArrayList<>();
    /** Statements run in this many chunks at once ({@code -Dscale.threads}, default: the number of cores). */
    private final int threads = Integer.getInteger("scale.threads", Runtime.getRuntime().availableProcessors());

    private ScaleDataGenerator(DataSource dataSource, ScaleSize size, long seed, LocalDate anchor) {
        this.dataSource = dataSource;
        this.size = size;
        this.seed = seed;
        this.anchor = anchor;
    }

    /** Generates into an empty database (no people, no cases); refuses otherwise. Dates run up to today. */
    public static GenerationReport generate(DataSource ds, ScaleSize size, long seed) {
        return generate(ds, size, seed, false, LocalDate.now());
    }

    /**
     * Generates {@code size} with {@code seed}, dates up to {@code anchor}. With {@code force}, it also
     * adds to a database that has people already (ids, numbers and names continue after theirs).
     */
    public static GenerationReport generate(DataSource ds, ScaleSize size, long seed, boolean force, LocalDate anchor) {
        return new ScaleDataGenerator(ds, size, seed, anchor).run(force);
    }

    private GenerationReport run(boolean force) {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            session(c);
            restorePending(c);
            if (!force && (exists(c, "select 1 from person") || exists(c, "select 1 from protection_case"))) {
                throw new IllegalStateException("The database has people or cases already; the scale generator fills an empty one"
                        + " (add --scale.force / -Dscale.force=true to add to it anyway)");
            }
            step("partners and accounts", () -> partnersAndUsers(c));
            prepareVariables(c);
            step("drop indexes, foreign keys, numbering triggers (kept in scale_restore)", () -> dropForLoad(c));
            ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "scale-index-build"));
            List<Future<?>> rebuilds = new ArrayList<>();
            try {
                step("households (staging)", () -> households(c));
                step("people in households", () -> people(c));
                step("duplicate registrations", () -> duplicates(c));
                step("households and members", () -> householdMembers(c));
                step("population groups and returns", () -> groupsAndReturns(c));
                step("registration consents", () -> registrationConsents(c));
                // The person table is complete: its indexes (the trigram GIN above all) build while the rest loads.
                rebuilds.add(background.submit(() -> rebuildIndexes("person", "household", "household_member", "person_group", "return_event")));
                step("cases", () -> cases(c));
                step("case timeline", () -> timeline(c));
                step("transfers", () -> transfers(c));
                rebuilds.add(background.submit(() -> rebuildIndexes("protection_case", "case_status_change", "case_transfer", "person_access")));
                step("case parties (opposing parties for the conflict check)", () -> parties(c));
                step("shelters and residents", () -> shelters(c));
                step("monitoring visits", () -> visits(c));
                step("referrals with consent", () -> referrals(c));
                rebuilds.add(background.submit(() -> rebuildIndexes("consent", "referral", "monitoring_visit", "visit_monitor", "visit_concern",
                        "visit_person", "shelter", "shelter_residence")));
                step("counselling sessions", () -> sessions(c));
                step("access log", () -> accessLog(c));
                for (Future<?> f : rebuilds) {
                    f.get();
                }
            } finally {
                background.shutdown();
            }
            step("rebuild indexes, re-add and validate foreign keys, re-enable triggers, build the activity summaries", () -> restorePending(c));
            step("counters and identity sequences", () -> counters(c));
            exec(c, "drop table if exists scale_tmp_household");
            exec(c, "drop table if exists scale_tmp_member");
            step("vacuum analyze", () -> exec(c, "vacuum (analyze)"));
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : COUNTED) {
                rows.put(table, longValue(c, "select count(*) from " + table));
            }
            GenerationReport report = new GenerationReport(size, seed, anchor.toString(), rows, steps, seconds(start));
            log.info("Scale data generated:\n{}", report.format());
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("Scale data generation failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Accounts and partners

    private void partnersAndUsers(Connection c) throws SQLException {
        Map<String, String> partnerNames = Map.of("UNHCR", "UNHCR Kosovo", "CRPK", "Civil Rights Program Kosovo",
                "AT", "Advancing Together", "KRCT", "Kosova Rehabilitation Center for Tortured Victims");
        for (String code : List.of("UNHCR", "CRPK", "AT", "KRCT")) {
            if (!exists(c, "select 1 from partner where upper(code) = '" + code + "'")) {
                exec(c, "insert into partner (code, name, type) values ('" + code + "', '" + partnerNames.get(code) + "', '"
                        + (code.equals("UNHCR") ? "UNHCR" : "IMPLEMENTING_PARTNER") + "')");
            }
        }
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        StringBuilder values = new StringBuilder();
        values.append("('bench.manager', 'Bench Manager', 'UNHCR_MANAGER', 'UNHCR')");
        values.append(", ('bench.admin', 'Bench Administrator', 'ADMIN', null)");
        for (String p : PARTNERS) {
            account(values, "lawyer", "PARTNER_LAWYER", p, size.lawyersPerPartner());
            account(values, "coordinator", "PARTNER_COORDINATOR", p, size.coordinatorsPerPartner());
            account(values, "monitor", "PROTECTION_MONITOR", p, size.monitorsPerPartner());
        }
        exec(c, """
                insert into user_account (username, full_name, role, partner_id, preferred_language, password_hash)
                select v.username, v.full_name, v.role, p.id, 'en', '%s'
                from (values %s) v(username, full_name, role, partner_code)
                left join partner p on upper(p.code) = v.partner_code
                on conflict (lower(username)) do nothing""".formatted(hash, values));
    }

    private static void account(StringBuilder values, String kind, String role, String partner, int count) {
        for (int i = 1; i <= count; i++) {
            String name = "bench." + kind + (i == 1 ? "" : String.valueOf(i)) + "." + partner.toLowerCase(Locale.ROOT);
            values.append(", ('").append(name).append("', 'Bench ").append(kind).append(' ').append(i).append(" (").append(partner)
                    .append(")', '").append(role).append("', '").append(partner).append("')");
        }
    }

    /** The username of a partner's account {@code i} (1-based) of a kind, as an SQL expression. */
    private static String user(String kind, String iExpr, String codeExpr) {
        return "('bench." + kind + "' || case when (" + iExpr + ") = 1 then '' else (" + iExpr + ")::text end || '.' || " + codeExpr + ")";
    }

    private void prepareVariables(Connection c) throws SQLException {
        partnerIds.clear();
        for (String p : PARTNERS) {
            partnerIds.add(longValue(c, "select id from partner where upper(code) = '" + p + "'"));
        }
        long municipalities = longValue(c, "select count(*) from municipality");
        if (municipalities != 38) {
            throw new IllegalStateException("Expected the 38 seeded municipalities, found " + municipalities);
        }
        vars.put("A", "date '" + anchor + "'");
        vars.put("HP", String.valueOf(size.householdPeople()));
        vars.put("D", String.valueOf(size.duplicates()));
        vars.put("C", String.valueOf(size.cases()));
        vars.put("S", String.valueOf(size.sessions()));
        vars.put("V", String.valueOf(size.visits()));
        vars.put("SH", String.valueOf(size.shelters()));
        vars.put("L", String.valueOf(size.lawyersPerPartner()));
        vars.put("M", String.valueOf(size.monitorsPerPartner()));
        vars.put("P1", String.valueOf(partnerIds.get(0)));
        vars.put("P2", String.valueOf(partnerIds.get(1)));
        vars.put("P3", String.valueOf(partnerIds.get(2)));
        // Households average 3.8 people; a few more than needed are made and the surplus cut.
        vars.put("MAXH", String.valueOf(size.householdPeople() / 3 + 10));
        for (String t : List.of("person", "household", "protection_case", "consent", "referral", "monitoring_visit", "counselling_session",
                "shelter")) {
            vars.put("B_" + t, String.valueOf(longValue(c, "select coalesce(max(id), 0) from " + t)));
        }
        vars.put("PB", vars.get("B_person"));
        vars.put("HB", vars.get("B_household"));
        vars.put("CB", vars.get("B_protection_case"));
        vars.put("KB", vars.get("B_consent"));
        vars.put("RB", vars.get("B_referral"));
        vars.put("VB", vars.get("B_monitoring_visit"));
        vars.put("SEB", vars.get("B_counselling_session"));
        vars.put("SB", vars.get("B_shelter"));
        vars.put("PCODE", "(case %s when {P1} then 'crpk' when {P2} then 'at' else 'krct' end)");
    }

    // ---------------------------------------------------------------------------------------------
    // People

    private void households(Connection c) throws SQLException {
        exec(c, "drop table if exists scale_tmp_member");
        exec(c, "drop table if exists scale_tmp_household");
        exec(c, """
                create unlogged table scale_tmp_household as
                select d.*, (sum(d.size) over (order by d.h) - d.size)::int as base_s
                from (
                  select b.*,
                         case b.category when 1 then b.disp_place when 5 then 'OTHER' end as return_from,
                         greatest(b.disp_start + 60, date '2000-06-01' + %s %% ({A} - date '2000-06-01' - 60)) as return_date,
                         case when b.community = 'OTHER' then 'COUNTRY' when b.category = 2 then (case when %s %% 100 < 15 then 'STATELESS'
                              else 'UNDETERMINED' end) when %s %% 100 < 3 then 'UNDETERMINED' else 'COUNTRY' end as cit_status,
                         case when b.community = 'OTHER' then (array['SY','AF','IQ','DZ','MA','PK','IR','TR','LY','PS'])[1 + %s %% 10]
                              when b.community = 'SERB' and %s %% 100 < 40 then 'RS' else 'XK' end as cit_country
                  from (
                    select a.*,
                           (array[{P1}, {P2}, {P3}])[a.pidx] as partner,
                           %s as municipality_code,
                           (date '2005-01-01' + ((a.h::bigint - 1) * ({A} - date '2005-01-01' - 1) / {MAXH})::int) as reg,
                           %s as category,
                           20 + %s %% 45 + %s %% 20 as head_age,
                           case when a.size = 1 then (case when %s %% 2 = 0 then 'FEMALE' else 'MALE' end)
                                when %s %% 100 < 78 then 'MALE' else 'FEMALE' end as head_sex,
                           %s %% 1000 as family_root,
                           case when %s %% 10 < 7 then 1 else 1 + %s %% 4 end as family_j,
                           date '1999-06-12' + %s %% 600 as disp_start,
                           %s as disp_place,
                           1 + %s %% {L} as lawyer
                    from (
                      select h, (array[1,1,1,2,2,2,3,3,3,4,4,4,4,5,5,5,6,6,7,8])[1 + %s %% 20] as size, %s as community
                      from generate_series(1, {MAXH}) h
                    ) a0 cross join lateral (select a0.h, a0.size, a0.community, %s as pidx) a
                  ) b
                ) d""".formatted(h("b.h", 12), h("b.h", 13), h("b.h", 14), h("b.h", 15), h("b.h", 16),
                // The first 38 households live one in each municipality, so that every size uses all of them.
                "case when a.h <= 38 then (select array_agg(code order by code) from municipality)[a.h] else "
                        + municipalityExpr("a.community", "a.h") + " end", categoryExpr("a.community", h("a.h", 3)),
                h("a.h", 5), h("a.h", 6), h("a.h", 7), h("a.h", 7), h("a.h", 8), h("a.h", 9), h("a.h", 10), h("a.h", 11),
                dispPlaceExpr("a.community", h("a.h", 17)), h("a.h", 30),
                h("h", 1), weighted(h("h", 2), w("ALBANIAN", 64, "SERB", 16, "ROMA", 6, "ASHKALI", 4, "EGYPTIAN", 2,
                        "BOSNIAK", 2, "GORANI", 2, "TURKISH", 2, "OTHER", 2)),
                "case when a0.community = 'SERB' then " + weightedInt(h("a0.h", 4), new int[] {25, 55, 20})
                        + " else " + weightedInt(h("a0.h", 4), new int[] {45, 25, 30}) + " end"));
        exec(c, "delete from scale_tmp_household where base_s >= {HP}");
        exec(c, "alter table scale_tmp_household alter column base_s set not null");
        // One row per person of a household (relationship, sex, age, names, number within the registration year), computed once
        // and read by the inserts of people, members, groups and consents.
        String rootPick = h("s", 40) + " % 1000";
        String givenSpelling = "case when " + h("s", 41) + " % 10 < 7 then 1 else 1 + " + h("s", 42) + " % 4 end";
        String familySpelling = "case when " + h("s", 43) + " % 10 = 0 then 1 + " + h("s", 44) + " % 4 else family_j end";
        exec(c, """
                create unlogged table scale_tmp_member as
                select x.*, row_number() over (partition by x.y order by x.s) as year_no
                from (
                select m4.*, extract(year from m4.registered_on)::int as y,
                       case when m4.sex = 'FEMALE' then %s else %s end as given_name,
                       %s as family_name,
                       case when %s %% 10 < 6 then %s end as father_name
                from (
                  select m3.*,
                         case m3.birth_precision when 'YEAR' then date_trunc('year', m3.birth_exact)::date
                              when 'MONTH' then date_trunc('month', m3.birth_exact)::date else m3.birth_exact end as birth_date,
                         least({A}, greatest(m3.reg, m3.birth_exact + 20 + %s %% 200)) as registered_on
                  from (
                    select m2.*, {A} - (m2.age * 365 + %s %% 365) as birth_exact,
                           case when %s %% 100 < 82 then 'EXACT' when %s %% 100 < 95 then 'YEAR' else 'MONTH' end as birth_precision
                    from (
                      select m1.*,
                             case m1.rel when 'HEAD' then m1.head_age
                                         when 'SPOUSE' then greatest(18, m1.head_age - 8 + %s %% 13)
                                         when 'SIBLING' then greatest(16, m1.head_age - 10 + %s %% 21)
                                         when 'PARENT' then least(95, m1.head_age + 20 + %s %% 15)
                                         when 'GRANDCHILD' then %s %% 12
                                         else %s %% greatest(1, least(m1.head_age - 17, 35)) end as age,
                             case m1.rel when 'HEAD' then m1.head_sex
                                         when 'SPOUSE' then (case m1.head_sex when 'MALE' then 'FEMALE' else 'MALE' end)
                                         when 'PARENT' then (case when %s %% 10 < 6 then 'FEMALE' else 'MALE' end)
                                         else (case when %s %% 2 = 0 then 'FEMALE' else 'MALE' end) end as sex
                      from (
                        select hh.*, hh.base_s + g.m as s, g.m,
                               case when g.m = 1 then 'HEAD'
                                    when g.m = 2 then (case when %s %% 100 < 80 then 'SPOUSE' else 'SIBLING' end)
                                    when g.m >= 7 then 'GRANDCHILD'
                                    when g.m = hh.size and hh.size >= 5 and %s %% 3 = 0 then 'PARENT' else 'CHILD' end as rel
                        from scale_tmp_household hh cross join lateral generate_series(1, least(hh.size, {HP} - hh.base_s)) g(m)
                      ) m1
                    ) m2
                  ) m3
                ) m4
                ) x""".formatted(
                names.pick("given", "F", "m4.community", rootPick, givenSpelling),
                names.pick("given", "M", "m4.community", rootPick, givenSpelling),
                names.pick("family", "-", "m4.community", "m4.family_root", familySpelling),
                h("s", 45), names.pick("given", "M", "m4.community", h("s", 46) + " % 1000", "1"),
                h("s", 25), h("s", 24), h("s", 26), h("s", 26),
                h("s", 22), h("s", 22), h("s", 22), h("s", 22), h("s", 22), h("s", 23), h("s", 23),
                h("hh.base_s + g.m", 20), h("hh.base_s + g.m", 21)));
    }

    private void people(Connection c) throws SQLException {
        exec(c, "alter table person disable trigger person_registration_no");
        // In parallel chunks: computing the generated search_name (pc_fold) is most of the cost of a person row.
        parallel(c, size.householdPeople(), """
                insert into person (id, registration_no, registered_on, given_name, family_name, father_name, sex, birth_date,
                                    birth_precision, citizenship_status, citizenship_country, community, languages, phone,
                                    municipality_code, registered_by_partner, registered_by, birth_registered, created_at, updated_at)
                select {PB} + m.s,
                       'KOS-' || m.y || '-' || lpad((coalesce(nc.last, 0) + m.year_no)::text, 6, '0'),
                       m.registered_on, m.given_name, m.family_name, m.father_name, m.sex, m.birth_date, m.birth_precision,
                       m.cit_status, case when m.cit_status = 'COUNTRY' then m.cit_country end, m.community,
                       case m.community when 'ALBANIAN' then 'Albanian' when 'SERB' then 'Serbian' when 'BOSNIAK' then 'Bosnian, Serbian'
                            when 'TURKISH' then 'Turkish, Albanian' when 'GORANI' then 'Gorani, Serbian' when 'OTHER' then 'Arabic, English'
                            else 'Romani, Albanian, Serbian' end,
                       case when m.m = 1 and %s %% 10 < 7 then '+383 4' || (%s %% 10) || ' ' || lpad((%s %% 1000000)::text, 6, '0') end,
                       m.municipality_code, m.partner, %s,
                       case when m.age < 18 then (case when m.community in ('ROMA','ASHKALI','EGYPTIAN') and %s %% 100 < 15 then 'NO'
                            when %s %% 100 < 5 then 'UNKNOWN' else 'YES' end) else (case when %s %% 100 < 40 then 'YES' else 'UNKNOWN' end) end,
                       m.registered_on + time '09:00' + make_interval(secs => %s %% 28800),
                       m.registered_on + time '09:00' + make_interval(secs => %s %% 28800)
                from scale_tmp_member m
                left join number_counter nc on nc.series = 'person' and nc.year = m.y
                where m.s between {LO} and {HI}""".formatted(
                h("m.s", 50), h("m.s", 51), h("m.s", 52), user("lawyer", "m.lawyer", pcode("m.partner")),
                h("m.s", 53), h("m.s", 53), h("m.s", 53), h("m.s", 54), h("m.s", 54)));
        numberCounter(c, "person", "person", "registration_no");
    }

    /** Second registrations by another partner, a year or so later, with the names spelled another way. */
    private void duplicates(Connection c) throws SQLException {
        exec(c, """
                insert into person (id, registration_no, registered_on, given_name, family_name, father_name, sex, birth_date,
                                    birth_precision, citizenship_status, citizenship_country, community, municipality_code,
                                    registered_by_partner, registered_by, created_at, updated_at)
                select d.id,
                       'KOS-' || d.y || '-' || lpad((coalesce(nc.last, 0) + row_number() over (partition by d.y order by d.id))::text, 6, '0'),
                       d.registered_on, d.given_name, d.family_name, d.father_name, d.sex, d.birth_date, d.birth_precision,
                       d.citizenship_status, d.citizenship_country, d.community, d.municipality_code, d.partner, %s,
                       d.registered_on + time '10:00', d.registered_on + time '10:00'
                from (
                  select dd.*, extract(year from dd.registered_on)::int as y
                  from (
                    select {PB} + {HP} + k as id, least({A}, o.registered_on + 30 + %s %% 900) as registered_on,
                           %s as given_name, %s as family_name, o.father_name, o.sex, o.birth_date, o.birth_precision,
                           o.citizenship_status, o.citizenship_country, o.community, o.municipality_code,
                           case o.registered_by_partner when {P1} then {P2} when {P2} then {P3} else {P1} end as partner,
                           1 + %s %% {L} as lawyer
                    from generate_series(1, {D}) k
                    join person o on o.id = {PB} + 1 + (k - 1) * ({HP} / {D})
                  ) dd
                ) d
                left join number_counter nc on nc.series = 'person' and nc.year = d.y""".formatted(
                user("lawyer", "d.lawyer", pcode("d.partner")), h("k", 60),
                variantExpr("o.given_name", h("k", 61)), variantExpr("o.family_name", h("k", 62)), h("k", 63)));
        numberCounter(c, "person", "person", "registration_no");
        exec(c, "alter table person enable trigger person_registration_no");
    }

    private void householdMembers(Connection c) throws SQLException {
        exec(c, """
                insert into household (id, created_by, created_at)
                select {HB} + h, %s, reg + time '09:00' from scale_tmp_household""".formatted(user("lawyer", "lawyer", pcode("partner"))));
        exec(c, """
                insert into household_member (household_id, person_id, relationship, added_by, added_at)
                select {HB} + h, {PB} + s, rel, %s, registered_on + time '09:05' from scale_tmp_member"""
                .formatted(user("lawyer", "lawyer", pcode("partner"))));
    }

    private void groupsAndReturns(Connection c) throws SQLException {
        String insert = "insert into person_group (person_id, group_code, start_date, end_date, displacement_place, created_at, updated_at)"
                + " select {PB} + m.s, '%s', %s, %s, %s, m.registered_on, m.registered_on from scale_tmp_member m where %s";
        // One statement per group (each reads only its own people), run side by side.
        all(c, List.of(
                insert.formatted("IDP", "greatest(m.disp_start, m.birth_date)", "case when m.category = 1 then m.return_date - 1 end",
                        "m.disp_place", "m.category = 0 or (m.category = 1 and m.birth_date < m.return_date)"),
                insert.formatted("RETURNEE", "greatest(m.return_date, m.birth_date)", "null", "null",
                        "m.category in (1, 5) and m.birth_date < m.return_date"),
                insert.formatted("AT_RISK_OF_STATELESSNESS", "greatest(date '2010-01-01' + " + h("m.h", 70) + " % 3000, m.birth_date)",
                        "null", "null", "m.category = 2"),
                insert.formatted("STATELESS", "greatest(date '2016-01-01' + " + h("m.h", 71) + " % 2000, m.birth_date)", "null", "null",
                        "m.cit_status = 'STATELESS'"),
                insert.formatted("ASYLUM_SEEKER", "m.registered_on", "case when m.category = 4 or " + h("m.h", 72)
                        + " % 10 < 4 then least({A}, m.registered_on + 90 + " + h("m.h", 73) + " % 600) end", "null", "m.category in (3, 4)"),
                insert.formatted("REFUGEE", "least({A}, m.registered_on + 91 + " + h("m.h", 73) + " % 600)", "null", "null", "m.category = 4"),
                """
                insert into return_event (person_id, return_date, returned_from, municipality_code, assisted, recorded_by, created_at, updated_at)
                select {PB} + m.s, m.return_date, m.return_from, m.municipality_code, %s %% 3 <> 0, %s,
                       m.registered_on, m.registered_on
                from scale_tmp_member m
                where m.category in (1, 5) and m.birth_date < m.return_date""".formatted(h("m.h", 74),
                        user("lawyer", "m.lawyer", pcode("m.partner")))));
    }

    private void registrationConsents(Connection c) throws SQLException {
        exec(c, """
                insert into consent (person_id, scope, given_on, recorded_by, withdrawn_on, withdrawn_by, created_at, updated_at)
                select {PB} + m.s, g.scope, m.registered_on, %s,
                       case when g.scope = 'DATA_SHARING_UNHCR' and %s %% 50 = 0 then least({A}, m.registered_on + 400) end,
                       case when g.scope = 'DATA_SHARING_UNHCR' and %s %% 50 = 0 then %s end,
                       m.registered_on, m.registered_on
                from scale_tmp_member m cross join lateral (values ('REGISTRATION', true), ('DATA_SHARING_UNHCR', %s %% 2 = 0)) g(scope, keep)
                where m.m = 1 and g.keep""".formatted(user("lawyer", "m.lawyer", pcode("m.partner")), h("m.s", 80), h("m.s", 80),
                user("lawyer", "m.lawyer", pcode("m.partner")), h("m.s", 81)));
    }

    // ---------------------------------------------------------------------------------------------
    // Cases

    private void cases(Connection c) throws SQLException {
        exec(c, "alter table protection_case disable trigger protection_case_no");
        String types = "case when p.community = 'OTHER' then " + weighted(h("k", 101), w("ASYLUM", 80, "GENERAL_PROTECTION", 20))
                + " when p.community in ('ROMA','ASHKALI','EGYPTIAN') then " + weighted(h("k", 101), w("CIVIL_DOCUMENTATION", 45,
                "STATELESSNESS", 25, "GENERAL_PROTECTION", 15, "RETURN_REINTEGRATION", 10, "IDP_DURABLE_SOLUTIONS", 5))
                + " else " + weighted(h("k", 101), w("CIVIL_DOCUMENTATION", 35, "RETURN_REINTEGRATION", 20, "IDP_DURABLE_SOLUTIONS", 15,
                "GENERAL_PROTECTION", 20, "STATELESSNESS", 5, "ASYLUM", 5)) + " end";
        exec(c, """
                insert into protection_case (id, case_no, case_type, principal_person_id, owning_partner, assigned_to, priority, status,
                                             opened_on, next_action_date, closed_on, outcome, summary, document_sought, authority,
                                             submitted_on, obtained_on, type_details, created_at, updated_at)
                select c3.id,
                       'C-' || c3.y || '-' || lpad((coalesce(nc.last, 0) + row_number() over (partition by c3.y order by c3.id))::text, 6, '0'),
                       c3.case_type, c3.person_id, c3.owner, %s, c3.priority, c3.status, c3.opened_on,
                       case when c3.status <> 'CLOSED' and %s %% 10 < 7 then {A} - 30 + %s %% 90 end,
                       c3.closed_on, c3.outcome,
                       (array['Needs a birth certificate for the children.', 'Seeks help with property restitution.',
                              'Asks about the asylum procedure.', 'Requests assistance with the return.',
                              'Civil status to be clarified.'])[1 + c3.id %% 5],
                       c3.document_sought,
                       case when c3.case_type = 'CIVIL_DOCUMENTATION' then 'Municipal civil registry office' end,
                       case when c3.case_type = 'CIVIL_DOCUMENTATION' and c3.status in ('WAITING_FOR_AUTHORITY', 'CLOSED')
                            then least(coalesce(c3.closed_on, {A}), c3.opened_on + %s %% 60) end,
                       case when c3.outcome = 'DOCUMENT_OBTAINED' then c3.closed_on end,
                       (case c3.case_type when 'ASYLUM' then '{"type":"ASYLUM","procedureStage":"' || (array['REGISTRATION','INTERVIEW','FIRST_INSTANCE','APPEAL','FINAL'])[1 + c3.id %% 5] || '"}'
                            when 'RETURN_REINTEGRATION' then '{"type":"RETURN_REINTEGRATION","assistance":"' || (array['NONE','TRANSPORT','RECONSTRUCTION','REINTEGRATION_PACKAGE','LEGAL'])[1 + c3.id %% 5] || '"}'
                            else '{}' end)::jsonb,
                       c3.opened_on + time '10:00', coalesce(c3.closed_on, c3.opened_on) + time '16:00'
                from (
                  select c2.*, extract(year from c2.opened_on)::int as y,
                         case when c2.status = 'CLOSED' then least({A}, c2.opened_on + 14 + %s %% 700) end as closed_on,
                         case when c2.status = 'CLOSED' then %s end as outcome
                  from (
                    select c1.*,
                           case when c1.opened_on < {A} - 730 then (case when %s %% 100 < 80 then 'CLOSED' else %s end)
                                else %s end as status
                    from (
                      select {CB} + k as id, p.id as person_id, %s as case_type,
                             case when k %% 50 = 0 then (case p.registered_by_partner when {P1} then {P2} when {P2} then {P3} else {P1} end)
                                  else p.registered_by_partner end as owner,
                             p.registered_by_partner as registrar,
                             p.registered_on + ((%s %% 1000)::bigint * (%s %% 1000) * ({A} - p.registered_on) / 1000000)::int as opened_on,
                             %s as priority,
                             1 + %s %% {L} as lawyer,
                             case when (%s) = 'CIVIL_DOCUMENTATION' then %s end as document_sought,
                             k
                      from generate_series(1, {C}) k
                      join person p on p.id = {PB} + 1 + %s %% {HP}
                    ) c1
                  ) c2
                ) c3
                left join number_counter nc on nc.series = 'case' and nc.year = c3.y""".formatted(
                user("lawyer", "c3.lawyer", pcode("c3.owner")), h("c3.id", 102), h("c3.id", 103), h("c3.id", 104),
                h("c2.id", 105), outcomeExpr("c2.case_type", h("c2.id", 106)),
                h("c1.id", 107), weighted(h("c1.id", 108), w("OPEN", 30, "IN_PROGRESS", 45, "WAITING_FOR_AUTHORITY", 25)),
                weighted(h("c1.id", 108), w("OPEN", 25, "IN_PROGRESS", 35, "WAITING_FOR_AUTHORITY", 20, "CLOSED", 20)),
                types, h("k", 109), h("k", 109),
                weighted(h("k", 110), w("LOW", 15, "NORMAL", 60, "HIGH", 20, "URGENT", 5)), h("k", 111),
                types, weighted(h("k", 112), w("BIRTH_CERTIFICATE", 35, "ID_CARD", 30, "PASSPORT", 10, "CITIZENSHIP_CERTIFICATE", 10,
                        "RESIDENCE_PERMIT", 5, "OTHER", 10)),
                h("k", 100)));
        numberCounter(c, "case", "protection_case", "case_no");
        exec(c, "alter table protection_case enable trigger protection_case_no");
    }

    private void timeline(Connection c) throws SQLException {
        parallel(c, size.cases(), """
                insert into case_status_change (case_id, from_status, to_status, reason, changed_by, changed_at)
                select c.id, t.from_status, t.to_status, t.reason, c.assigned_to, t.at
                from (
                  select c0.*, least(coalesce(c0.closed_on, {A}), c0.opened_on + 1 + %s %% 14) as progress_on
                  from protection_case c0 where c0.id between {CB} + {LO} and {CB} + {HI}
                ) c cross join lateral (values
                    (null, 'OPEN', null, c.opened_on + time '10:00', true),
                    ('OPEN', 'IN_PROGRESS', null, c.progress_on + time '11:00', c.status <> 'OPEN'),
                    ('IN_PROGRESS', 'WAITING_FOR_AUTHORITY', 'Application submitted to the authority',
                     least(coalesce(c.closed_on, {A}), c.progress_on + %s %% 60) + time '12:00',
                     c.status = 'WAITING_FOR_AUTHORITY' or (c.status = 'CLOSED' and %s %% 3 = 0)),
                    (case when c.status = 'CLOSED' and %s %% 3 = 0 then 'WAITING_FOR_AUTHORITY' else 'IN_PROGRESS' end, 'CLOSED', null,
                     c.closed_on + time '15:00', c.status = 'CLOSED')
                ) t(from_status, to_status, reason, at, keep)
                where t.keep""".formatted(h("c0.id", 120), h("c.id", 121), h("c.id", 122), h("c.id", 122)));
    }

    /** Cases that moved to another partner (every 50th): the accepted transfer, its consent and the person shared. */
    private void transfers(Connection c) throws SQLException {
        vars.put("KB", String.valueOf(longValue(c, "select coalesce(max(id), 0) from consent")));
        exec(c, """
                with t as (
                  select c.id as case_id, c.principal_person_id as person_id, p.registered_by_partner as from_partner,
                         c.owning_partner as to_partner, c.opened_on + 5 + (c.id %% 20)::int as requested_on,
                         {KB} + row_number() over (order by c.id) as consent_id, c.assigned_to
                  from protection_case c join person p on p.id = c.principal_person_id
                  where c.id > {CB} and (c.id - {CB}) %% 50 = 0 and c.owning_partner <> p.registered_by_partner
                ), k as (
                  insert into consent (id, person_id, scope, given_on, recorded_by, created_at, updated_at)
                  select consent_id, person_id, 'TRANSFER', requested_on - 1, %s, requested_on, requested_on from t
                ), a as (
                  insert into person_access (person_id, partner_id, granted_at, reason)
                  select distinct on (person_id, to_partner) person_id, to_partner, requested_on + 3, 'Case transfer accepted' from t
                  on conflict do nothing
                )
                insert into case_transfer (case_id, from_partner, to_partner, reason, consent_id, status, requested_by, requested_at,
                                           decided_by, decided_at, decision_note)
                select case_id, from_partner, to_partner, 'Specialised assistance needed (generated)', consent_id, 'ACCEPTED',
                       %s, requested_on + time '10:00', %s, requested_on + 3 + time '10:00', null
                from t""".formatted(user("lawyer", "1", pcode("from_partner")), user("coordinator", "1", pcode("from_partner")),
                user("coordinator", "1", pcode("to_partner"))));
        exec(c, "select setval(pg_get_serial_sequence('consent', 'id'), (select max(id) from consent))");
        vars.put("KB", String.valueOf(longValue(c, "select max(id) from consent")));
    }

    /**
     * Every 4th case gets an opposing party named like the client of the case 7 ids on (issue #19's
     * conflict check): nearly every party is someone's client, the expensive case for the check in
     * both directions (250,000 parties at 1 M cases). Not in {@link #LOADED}: the table keeps its
     * indexes and the trigger that fills the party-name dictionary ({@code party_name}).
     */
    private void parties(Connection c) throws SQLException {
        exec(c, """
                insert into case_party (case_id, party_role, name, added_by, added_at)
                select c.id, 'OPPOSING_PARTY', p.given_name || ' ' || p.family_name, coalesce(c.assigned_to, 'scale'),
                       c.opened_on + time '12:00'
                from protection_case c join protection_case o on o.id = c.id + 7 join person p on p.id = o.principal_person_id
                where c.id > {CB} and mod(c.id, 4) = 0""");
    }

    // ---------------------------------------------------------------------------------------------
    // Shelters, visits, referrals, sessions, access log

    private void shelters(Connection c) throws SQLException {
        exec(c, """
                insert into shelter (id, name, municipality_code, address, capacity, status, opened_on, closed_on, managing_institution)
                select {SB} + i, (array['Collective centre', 'Kolektivni centar', 'Qendra kolektive'])[1 + i %% 3] || ' ' || m.name_en || ' '
                       || ({SB} + i), m.code, 'Street ' || (1 + %s %% 90), 20 + %s %% 180,
                       case when %s %% 5 = 0 then 'CLOSED' else 'OPEN' end,
                       date '1999-07-01' + %s %% 1800,
                       case when %s %% 5 = 0 then date '2012-01-01' + %s %% 3600 end,
                       (array['Municipality', 'Ministry for Communities and Returns', 'Danish Refugee Council'])[1 + i %% 3]
                from generate_series(1, {SH}) i
                join municipality m on m.code = %s""".formatted(h("i", 130), h("i", 131), h("i", 132), h("i", 133), h("i", 132), h("i", 134),
                weighted(h("i", 135), w("MIN", 20, "ZVE", 10, "LEP", 8, "ZUB", 5, "GRA", 12, "STR", 8, "PRI", 10, "FUS", 7, "OBI", 5,
                        "PRZ", 5, "PEJ", 5, "GJI", 5))));
        int stays = size.shelterStays() * 4 / 5;
        vars.put("ST", String.valueOf(Math.max(1, stays)));
        exec(c, """
                insert into shelter_residence (shelter_id, person_id, moved_in, moved_out, recorded_by, created_at, updated_at)
                select r.shelter_id, r.person_id, r.moved_in,
                       case when r.status = 'CLOSED' then least(r.until, r.moved_in + 30 + %s %% 1500)
                            when %s %% 10 < 4 then null else least({A}, r.moved_in + 30 + %s %% 1500) end,
                       %s, r.moved_in + time '12:00', r.moved_in + time '12:00'
                from (
                  select s.id as shelter_id, p.id as person_id, s.status, coalesce(s.closed_on, {A}) as until, i,
                         greatest(s.opened_on, p.birth_date) + (%s %% greatest(1, coalesce(s.closed_on, {A}) - greatest(s.opened_on, p.birth_date)))
                           as moved_in
                  from generate_series(1, {ST}) i
                  join person p on p.id = {PB} + 1 + (i - 1) * ({HP} / {ST})
                  join shelter s on s.id = {SB} + 1 + %s %% {SH}
                  where greatest(s.opened_on, p.birth_date) < coalesce(s.closed_on, {A})
                ) r""".formatted(h("r.i", 136), h("r.i", 137), h("r.i", 136), user("monitor", "1", "'krct'"), h("i", 138), h("i", 139)));
        // A quarter of those who moved out moved into another open shelter later: one shelter at a time, never overlapping.
        exec(c, """
                insert into shelter_residence (shelter_id, person_id, moved_in, moved_out, recorded_by, created_at, updated_at)
                select s.id, r.person_id, r.moved_in2, case when %s %% 2 = 0 then null else least({A}, r.moved_in2 + 60 + %s %% 900) end,
                       r.recorded_by, r.moved_in2 + time '12:00', r.moved_in2 + time '12:00'
                from (
                  select r0.*, least({A}, r0.moved_out + 1 + (r0.id %% 200)::int) as moved_in2,
                         (select array_agg(id order by id) from shelter where status = 'OPEN' and id > {SB}) as open_ids
                  from shelter_residence r0
                  join shelter s0 on s0.id = r0.shelter_id and s0.id > {SB}
                  where r0.moved_out is not null and r0.moved_out < {A} - 30 and r0.id %% 4 = 0
                ) r
                join shelter s on s.id = r.open_ids[1 + (r.id %% cardinality(r.open_ids))::int] and s.opened_on <= r.moved_in2
                where r.open_ids is not null""".formatted(h("r.id", 140), h("r.id", 141)));
    }

    private void visits(Connection c) throws SQLException {
        String location = weighted(h("j", 151), w("RETURNEE_COMMUNITY", 35, "COLLECTIVE_SHELTER", 15, "BORDER_CROSSING_POINT", 15,
                "AIRPORT", 5, "ASYLUM_CENTRE", 8, "DETENTION_OR_POLICE", 4, "MUNICIPAL_OFFICE", 10, "HOUSEHOLD", 8));
        exec(c, """
                with v as (
                  select v1.*, case when v1.location_type in ('BORDER_CROSSING_POINT', 'AIRPORT') then 5 + %s %% 200 end as observed
                  from (
                    select {VB} + j as id, j, (array[{P1}, {P2}, {P3}])[1 + j %% 3] as partner, %s as location_type,
                           date '2015-01-01' + %s %% ({A} - date '2015-01-01' + 1) as visit_date,
                           1 + %s %% {M} as monitor, %s %% 100 < 25 as follow_up
                    from generate_series(1, {V}) j
                  ) v1
                ), ins as (
                  insert into monitoring_visit (id, owning_partner, visit_date, location_type, municipality_code, shelter_id, place, purpose,
                       female_0_4, female_5_11, female_12_17, female_18_59, female_60_plus, male_0_4, male_5_11, male_12_17, male_18_59,
                       male_60_plus, findings, needs_identified, follow_up_required, follow_up_on, follow_up_done_at, follow_up_done_by,
                       persons_observed, new_arrivals, asylum_intentions, created_by, created_at, updated_at)
                  select v.id, v.partner, v.visit_date, v.location_type,
                         case v.location_type when 'AIRPORT' then 'LIP'
                              when 'BORDER_CROSSING_POINT' then (array['LEP','ZUB','POD','KAM','HAN','DRA','GJA','PEJ','MIN'])[1 + v.j %% 9]
                              when 'ASYLUM_CENTRE' then 'LIP' else %s end,
                         case when v.location_type = 'COLLECTIVE_SHELTER' then {SB} + 1 + %s %% {SH} end,
                         case v.location_type when 'BORDER_CROSSING_POINT' then 'Border crossing point' when 'AIRPORT' then 'Pristina International Airport'
                              when 'ASYLUM_CENTRE' then 'Asylum centre Magura' when 'COLLECTIVE_SHELTER' then null else 'Village centre' end,
                         case v.location_type when 'RETURNEE_COMMUNITY' then 'RETURN_MONITORING' when 'COLLECTIVE_SHELTER' then 'COLLECTIVE_SHELTER_MONITORING'
                              when 'BORDER_CROSSING_POINT' then 'BORDER_MONITORING' when 'AIRPORT' then 'BORDER_MONITORING'
                              else (array['PARTICIPATORY_ASSESSMENT', 'COMMUNITY_FORUM', 'OTHER'])[1 + v.j %% 3] end,
                         %s %% 3, %s %% 4, %s %% 3, %s %% 6, %s %% 2, %s %% 3, %s %% 4, %s %% 3, %s %% 6, %s %% 2,
                         (array['Families report unresolved property claims.', 'Access to civil registration remains difficult.',
                                'No security incidents reported since the last visit.', 'Several children lack birth certificates.',
                                'Returnees ask for reconstruction assistance.'])[1 + v.j %% 5],
                         case when v.j %% 3 = 0 then 'Legal assistance with civil documentation' end,
                         v.follow_up, case when v.follow_up then v.visit_date + 7 + %s %% 53 end,
                         case when v.follow_up and v.visit_date + 60 < {A} and %s %% 10 < 8 then (v.visit_date + 20) + time '14:00' end,
                         case when v.follow_up and v.visit_date + 60 < {A} and %s %% 10 < 8 then %s end,
                         v.observed, case when v.observed is not null then %s %% (v.observed + 1) end,
                         case when v.observed is not null then %s %% (v.observed / 4 + 1) end,
                         %s, v.visit_date + time '16:00', v.visit_date + time '16:00'
                  from v
                ), mon as (
                  insert into visit_monitor (visit_id, username)
                  select v.id, %s from v
                  union all
                  select v.id, %s from v where {M} > 1 and %s %% 10 < 3
                ), con as (
                  insert into visit_concern (visit_id, concern)
                  select distinct v.id, x.concern from v cross join lateral (values (%s), (case when %s %% 2 = 0 then %s end)) x(concern)
                  where x.concern is not null
                )
                insert into visit_person (visit_id, person_id)
                select distinct v.id, {PB} + 1 + %s %% {HP} from v where v.location_type in ('RETURNEE_COMMUNITY', 'COLLECTIVE_SHELTER', 'HOUSEHOLD')
                   and %s %% 10 < 3""".formatted(
                h("v1.j", 152), location, h("j", 153), h("j", 154), h("j", 155),
                municipalityExpr("'ALBANIAN'", "v.j"), h("v.j", 156),
                h("v.j", 160), h("v.j", 161), h("v.j", 162), h("v.j", 163), h("v.j", 164),
                h("v.j", 165), h("v.j", 166), h("v.j", 167), h("v.j", 168), h("v.j", 169),
                h("v.j", 170), h("v.j", 171), h("v.j", 171), user("monitor", "v.monitor", pcode("v.partner")),
                h("v.j", 172), h("v.j", 173), user("monitor", "v.monitor", pcode("v.partner")),
                user("monitor", "v.monitor", pcode("v.partner")),
                user("monitor", "1 + v.monitor % {M}", pcode("v.partner")), h("v.j", 174),
                weighted(h("v.j", 175), w("DOCUMENTATION", 30, "HOUSING_PROPERTY", 25, "ACCESS_TO_SERVICES", 15, "SAFETY_SECURITY", 10,
                        "SGBV_RISK", 3, "CHILD_PROTECTION", 7, "DISCRIMINATION", 7, "OTHER", 3)),
                h("v.j", 176), weighted(h("v.j", 177), w("DOCUMENTATION", 20, "HOUSING_PROPERTY", 20, "ACCESS_TO_SERVICES", 25,
                        "SAFETY_SECURITY", 10, "CHILD_PROTECTION", 10, "DISCRIMINATION", 10, "OTHER", 5)),
                h("v.j", 178), h("v.j", 179)));
    }

    /** Referrals with the person's REFERRAL consent: nine in ten from cases, the rest from visits (the person met is linked to the visit). */
    private void referrals(Connection c) throws SQLException {
        int fromVisits = Math.max(1, size.referrals() / 10);
        vars.put("RC", String.valueOf(size.referrals() - fromVisits));
        vars.put("RV", String.valueOf(fromVisits));
        String target = weighted(h("r.r", 181), w("MUNICIPAL_CIVIL_REGISTRY", 30, "MINISTRY_COMMUNITIES_RETURN", 10,
                "MUNICIPAL_OFFICE_COMMUNITIES_RETURN", 15, "MINISTRY_INTERNAL_AFFAIRS", 10, "KPCVA", 5, "OMBUDSPERSON", 5, "COURT", 10,
                "DANISH_REFUGEE_COUNCIL", 5, "MOTHER_TERESA_SOCIETY", 4, "ICRC", 2, "JESUIT_REFUGEE_SERVICE", 2, "OTHER_PARTNER", 2));
        String statusAndDates = """
                  select r0.*, case when r0.referred_on > {A} - 30 then 'SENT' else %s end as status
                  from r0""".formatted(weighted(h("r0.r", 182), w("SENT", 10, "ACCEPTED", 35, "COMPLETED", 40, "DECLINED", 15)));
        exec(c, """
                with r0 as (
                  select {RB} + r as id, r, {KB} + r as consent_id, c.id as case_id, c.principal_person_id as person_id, c.assigned_to,
                         c.opened_on + ((%s %% 1000)::bigint * (coalesce(c.closed_on, {A}) - c.opened_on) / 1000)::int as referred_on
                  from generate_series(1, {RC}) r
                  join protection_case c on c.id = {CB} + 1 + %s %% {C}
                ), r as (%s), k as (
                  insert into consent (id, person_id, scope, given_on, recorded_by, created_at, updated_at)
                  select consent_id, person_id, 'REFERRAL', referred_on, assigned_to, referred_on, referred_on from r
                )
                insert into referral (id, case_id, person_id, target, referred_on, reason, status, response_on, consent_id, created_by,
                                      created_at, updated_at)
                select r.id, r.case_id, r.person_id, %s, r.referred_on, 'Referred for specialised assistance', r.status,
                       case when r.status <> 'SENT' then least({A}, r.referred_on + 5 + %s %% 55) end, r.consent_id, r.assigned_to,
                       r.referred_on + time '11:00', r.referred_on + time '11:00'
                from r""".formatted(h("r", 183), h("r", 184), statusAndDates, target, h("r.r", 185)));
        // Visit referrals: a person of the visiting partner, met on one of that partner's visits (visit j belongs to partner j % 3).
        exec(c, """
                with r0 as (
                  select {RB} + {RC} + r as id, r, {KB} + {RC} + r as consent_id, p.id as person_id, v.id as visit_id,
                         v.owning_partner, v.created_by as assigned_to, v.visit_date as referred_on
                  from generate_series(1, {RV}) r
                  join person p on p.id = {PB} + 1 + %s %% {HP}
                  join monitoring_visit v on v.id = {VB} + 3 * (1 + %s %% greatest(1, {V} / 3 - 1))
                       + (case p.registered_by_partner when {P1} then 0 when {P2} then 1 else 2 end)
                ), r as (%s), k as (
                  insert into consent (id, person_id, scope, given_on, recorded_by, created_at, updated_at)
                  select consent_id, person_id, 'REFERRAL', referred_on, assigned_to, referred_on, referred_on from r
                ), vp as (
                  insert into visit_person (visit_id, person_id) select visit_id, person_id from r on conflict do nothing
                )
                insert into referral (id, case_id, visit_id, person_id, referring_partner, target, referred_on, reason, status, response_on,
                                      consent_id, created_by, created_at, updated_at)
                select r.id, null, r.visit_id, r.person_id, r.owning_partner, %s, r.referred_on, 'Referred during a monitoring visit', r.status,
                       case when r.status <> 'SENT' then least({A}, r.referred_on + 5 + %s %% 55) end, r.consent_id, r.assigned_to,
                       r.referred_on + time '15:00', r.referred_on + time '15:00'
                from r""".formatted(h("r", 186), h("r", 187), statusAndDates, target, h("r.r", 185)));
    }

    private void sessions(Connection c) throws SQLException {
        String topic1 = "case s.case_type when 'CIVIL_DOCUMENTATION' then 'CIVIL_DOCUMENTATION' when 'ASYLUM' then 'ASYLUM'"
                + " when 'RETURN_REINTEGRATION' then 'PROPERTY_HOUSING' when 'IDP_DURABLE_SOLUTIONS' then 'PROPERTY_HOUSING'"
                + " when 'STATELESSNESS' then 'CIVIL_DOCUMENTATION' else 'OTHER' end";
        String topic2 = weighted(h("s.j", 201), w("SOCIAL_ASSISTANCE", 30, "EDUCATION", 15, "HEALTH", 20, "FAMILY_LAW", 20, "SGBV", 3,
                "OTHER", 12));
        parallel(c, size.sessions(), """
                with s as (
                  select {SEB} + j as id, j, c.id as case_id, c.principal_person_id as person_id, c.owning_partner, c.case_type,
                         case when %s %% 100 < 85 then c.assigned_to else %s end as counsellor,
                         (c.opened_on + ((%s %% 1000)::bigint * (coalesce(c.closed_on, {A}) - c.opened_on) / 1000)::int)
                           + time '08:30' + make_interval(mins => %s %% 450) as held_at
                  from generate_series({LO}, {HI}) j
                  join protection_case c on c.id = {CB} + 1 + %s %% {C}
                ), ins as (
                  insert into counselling_session (id, case_id, person_id, owning_partner, counsellor, held_at, duration_minutes, mode, aid_type,
                       interpreter_language, summary, outcome, next_steps, follow_up_on, follow_up_done_at, confidential_note, created_by,
                       created_at, updated_at)
                  select s.id, s.case_id, s.person_id, s.owning_partner, s.counsellor, s.held_at, 15 + 15 * (%s %% 8), %s, %s,
                         case when %s %% 10 = 0 then (array['Romani', 'Turkish', 'Serbian', 'Albanian', 'Arabic'])[1 + s.j %% 5] end,
                         (array['Explained the procedure and the documents needed.', 'Reviewed the decision with the client.',
                                'Prepared the application together.', 'Discussed the options for durable solutions.',
                                'Followed up on the pending request.'])[1 + %s %% 5],
                         (array['Client will bring the documents.', 'Application submitted.', 'Waiting for the authority.', null])[1 + %s %% 4],
                         case when %s %% 3 = 0 then 'Call the municipal office; inform the client.' end,
                         case when %s %% 10 < 3 then s.held_at::date + 7 + %s %% 38 end,
                         case when %s %% 10 < 3 and s.held_at::date + 45 < {A} and %s %% 10 < 8 then s.held_at + interval '20 days' end,
                         case when %s %% 20 = 0 then 'Client disclosed sensitive family circumstances.' end,
                         s.counsellor, s.held_at, s.held_at
                  from s
                ), top as (
                  insert into counselling_session_topic (session_id, topic)
                  select distinct s.id, t.topic from s cross join lateral (values (%s), (case when %s %% 10 < 3 then %s end)) t(topic)
                  where t.topic is not null
                )
                insert into counselling_session_attendee (session_id, person_id)
                select s.id, s.person_id from s where %s %% 5 = 0""".formatted(
                h("j", 190), user("lawyer", "1 + " + h("j", 191) + " % {L}", "split_part(c.assigned_to, '.', 3)"),
                h("j", 192), h("j", 193), h("j", 194),
                h("s.j", 195), weighted(h("s.j", 196), w("OFFICE", 60, "OUTREACH", 20, "PHONE", 15, "ONLINE", 5)),
                weighted(h("s.j", 197), w("INFORMATION", 25, "COUNSELLING", 40, "ASSISTANCE", 20, "REPRESENTATION", 10, "ACCOMPANIMENT", 5)),
                h("s.j", 198), h("s.j", 199), h("s.j", 200), h("s.j", 202), h("s.j", 203), h("s.j", 204), h("s.j", 203), h("s.j", 205),
                h("s.j", 206), topic1, h("s.j", 207), topic2, h("s.j", 208)));
    }

    private void accessLog(Connection c) throws SQLException {
        List<String> users = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select username, coalesce(partner_id, 0) from user_account where username like 'bench.%' and role <> 'ADMIN' order by id")) {
            while (rs.next()) {
                users.add("'" + rs.getString(1) + "'");
                partners.add(String.valueOf(rs.getLong(2)));
            }
        }
        vars.put("A_N", String.valueOf(users.size()));
        vars.put("A_ROWS", String.valueOf(size.accessLogEntries()));
        parallel(c, size.accessLogEntries(), """
                insert into record_access (accessed_at, username, partner_id, entity_type, entity_id, granted)
                select {A} - (%s %% 730) + time '08:00' + make_interval(secs => %s %% 36000),
                       (array[%s])[1 + u], nullif((array[%s])[1 + u], 0),
                       case when %s %% 10 < 6 then 'person' else 'case' end,
                       case when %s %% 10 < 6 then {PB} + 1 + %s %% {HP} else {CB} + 1 + %s %% {C} end,
                       %s %% 100 <> 0
                from (select a, %s %% {A_N} as u from generate_series({LO}, {HI}) a) x""".formatted(
                h("a", 210), h("a", 211), String.join(",", users), String.join(",", partners), h("a", 212), h("a", 212), h("a", 213),
                h("a", 213), h("a", 214), h("a", 215)));
    }

    // ---------------------------------------------------------------------------------------------
    // Bulk-load bookkeeping

    /**
     * Saves the definitions of the loaded tables' foreign keys and secondary indexes (not those backing
     * primary keys or exclusion constraints) in {@code scale_restore}, then drops them. A run that dies
     * half-way leaves the table behind and the next run restores from it first.
     */
    private void dropForLoad(Connection c) throws SQLException {
        String tables = LOADED.stream().map(t -> "'" + t + "'::regclass").collect(Collectors.joining(","));
        exec(c, "begin");
        exec(c, "create table scale_restore (seq serial primary key, kind text not null, tbl text not null, name text, ddl text not null)");
        exec(c, """
                insert into scale_restore (kind, tbl, name, ddl)
                select 'fk', conrelid::regclass::text, quote_ident(conname), 'alter table ' || conrelid::regclass || ' add constraint ' || quote_ident(conname) || ' '
                       || pg_get_constraintdef(oid)
                from pg_constraint where contype = 'f' and conrelid in (%s) order by conrelid::regclass::text, conname""".formatted(tables));
        exec(c, """
                insert into scale_restore (kind, tbl, ddl)
                select 'index', i.indrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                from pg_index i
                where i.indrelid in (%s) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                order by i.indrelid::regclass::text, i.indexrelid::regclass::text""".formatted(tables));
        exec(c, "insert into scale_restore (kind, tbl, ddl) values ('trigger', 'person', 'alter table person enable trigger person_registration_no'),"
                + " ('trigger', 'protection_case', 'alter table protection_case enable trigger protection_case_no')");
        // The activity summaries' triggers (reports/2026-12-02-50) recount per statement what it touched: for a
        // load of millions of rows in a few statements that is a recount of everything, many times over. They
        // are off during the load; the summaries are built once at the end (pc_activity_rebuild, as the
        // changeset that made them did), after the triggers are back.
        exec(c, """
                insert into scale_restore (kind, tbl, ddl)
                select 'trigger', tgrelid::regclass::text, 'alter table ' || tgrelid::regclass || ' enable trigger ' || quote_ident(tgname)
                from pg_trigger where not tgisinternal and tgname like '%\\_activity\\_%' order by tgrelid::regclass::text, tgname""");
        exec(c, "insert into scale_restore (kind, tbl, ddl) values ('summaries', 'activity_reach', 'select pc_activity_rebuild()')");
        List<String> disable = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select replace(ddl, ' enable trigger ', ' disable trigger ') from scale_restore where kind = 'trigger' and ddl like '%\\_activity\\_%'")) {
            while (rs.next()) {
                disable.add(rs.getString(1));
            }
        }
        for (String sql : disable) {
            exec(c, sql);
        }
        List<String> drops = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select 'alter table ' || conrelid::regclass || ' drop constraint ' || quote_ident(conname)
                from pg_constraint where contype = 'f' and conrelid in (%s)
                union all
                select 'drop index ' || i.indexrelid::regclass
                from pg_index i where i.indrelid in (%s) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"""
                .formatted(tables, tables))) {
            while (rs.next()) {
                drops.add(rs.getString(1));
            }
        }
        for (String drop : drops) {
            exec(c, drop);
        }
        exec(c, "commit");
    }

    /** Re-creates one table's saved indexes (on a connection of its own, while the main load goes on). */
    private void rebuildIndexes(String... tables) {
        for (String table : tables) {
            rebuildIndexes(table);
        }
    }

    private void rebuildIndexes(String table) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            exec(c, "set statement_timeout = 0");
            exec(c, "set maintenance_work_mem = '1GB'");
            List<Object[]> todo = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select seq, ddl from scale_restore where kind = 'index' and tbl = '" + table + "' order by seq")) {
                while (rs.next()) {
                    todo.add(new Object[] {rs.getInt(1), rs.getString(2)});
                }
            }
            long start = System.nanoTime();
            for (Object[] t : todo) {
                exec(c, "begin");
                exec(c, (String) t[1]);
                exec(c, "delete from scale_restore where seq = " + t[0]);
                exec(c, "commit");
            }
            synchronized (steps) {
                steps.put("indexes of " + table + " (in the background)", seconds(start));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Rebuilding the indexes of " + table + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Applies whatever {@code scale_restore} still holds and drops it: indexes (side by side), foreign keys
     * (added {@code not valid}, then validated side by side: validation reads every row but blocks no
     * other table), then the triggers. Each item leaves the table in the transaction that applies it.
     */
    private void restorePending(Connection c) throws SQLException {
        if (!exists(c, "select 1 from pg_class where relname = 'scale_restore' and relkind = 'r'")) {
            return;
        }
        session(c);
        all(c, pending(c, "'index'", "begin; %2$s; delete from scale_restore where seq = %1$d; commit"));
        for (String sql : pending(c, "'fk'", "begin; %2$s not valid; update scale_restore set kind = 'validate',"
                + " ddl = 'alter table ' || tbl || ' validate constraint ' || name where seq = %1$d; commit")) {
            exec(c, sql);
        }
        all(c, pending(c, "'validate'", "begin; %2$s; delete from scale_restore where seq = %1$d; commit"));
        for (String sql : pending(c, "'trigger'", "begin; %2$s; delete from scale_restore where seq = %1$d; commit")) {
            exec(c, sql);
        }
        for (String sql : pending(c, "'summaries'", "begin; %2$s; delete from scale_restore where seq = %1$d; commit")) {
            exec(c, sql);
        }
        long left = longValue(c, "select count(*) from scale_restore");
        if (left > 0) {
            throw new IllegalStateException(left + " items of scale_restore could not be applied");
        }
        exec(c, "drop table scale_restore");
        exec(c, "drop table if exists scale_tmp_member");
        exec(c, "drop table if exists scale_tmp_household");
    }

    private List<String> pending(Connection c, String kind, String template) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select seq, ddl from scale_restore where kind = " + kind + " order by seq")) {
            while (rs.next()) {
                out.add(template.formatted(rs.getInt(1), rs.getString(2)));
            }
        }
        return out;
    }

    /** Sets a numbering series' per-year counters to the highest number now used, so the app's trigger continues gaplessly. */
    private void numberCounter(Connection c, String series, String table, String column) throws SQLException {
        exec(c, """
                insert into number_counter (series, year, last)
                select '%s', split_part(%s, '-', 2)::int, max(split_part(%s, '-', 3)::int) from %s group by 2
                on conflict (series, year) do update set last = greatest(number_counter.last, excluded.last)"""
                .formatted(series, column, column, table));
    }

    private void counters(Connection c) throws SQLException {
        for (String t : List.of("person", "household", "protection_case", "consent", "referral", "monitoring_visit", "counselling_session",
                "shelter")) {
            exec(c, "select setval(pg_get_serial_sequence('" + t + "', 'id'), greatest(1, (select coalesce(max(id), 0) from " + t + ")))");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // SQL helpers

    /** A seeded pseudo-random integer in [0, 2^31) for row number {@code expr} and stream {@code stream}. */
    private String h(String expr, int stream) {
        return "((hashint8extended((" + expr + ")::bigint, " + (seed * 1009 + stream) + ") & 2147483647)::int)";
    }

    /** Picks a value by weight (values with weights summing to anything) from a uniform {@code hash}. */
    private static String weighted(String hash, Map<String, Integer> weights) {
        List<String> values = new ArrayList<>();
        new java.util.TreeMap<>(weights).forEach((v, w) -> {
            for (int i = 0; i < w; i++) {
                values.add("'" + v + "'");
            }
        });
        return "(array[" + String.join(",", values) + "])[1 + " + hash + " % " + values.size() + "]";
    }

    /** Weights as value, weight, value, weight, ... (Map.of stops at ten entries). */
    private static Map<String, Integer> w(Object... valueWeight) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < valueWeight.length; i += 2) {
            m.put((String) valueWeight[i], (Integer) valueWeight[i + 1]);
        }
        return m;
    }

    private static String weightedInt(String hash, int[] weights) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            for (int w = 0; w < weights[i]; w++) {
                values.add(String.valueOf(i + 1));
            }
        }
        return "(array[" + String.join(",", values) + "])[1 + " + hash + " % " + values.size() + "]";
    }

    private String pcode(String partnerIdExpr) {
        return vars.get("PCODE").formatted(partnerIdExpr);
    }

    /** Municipalities weighted by population; Serbs mostly in the Serb-majority municipalities, Gorani in Dragash, Turks in Mamusha/Prizren. */
    private String municipalityExpr(String communityExpr, String rowExpr) {
        Map<String, Integer> general = new java.util.HashMap<>(Map.ofEntries(Map.entry("PRI", 20), Map.entry("PRZ", 18), Map.entry("FER", 11),
                Map.entry("GJI", 8), Map.entry("PEJ", 10), Map.entry("GJA", 9), Map.entry("POD", 9), Map.entry("MIS", 7), Map.entry("VUS", 7),
                Map.entry("SUH", 6), Map.entry("MAL", 6), Map.entry("LIP", 6), Map.entry("DRE", 6), Map.entry("SKE", 5), Map.entry("RAH", 6),
                Map.entry("FUS", 4), Map.entry("DEC", 4), Map.entry("IST", 4), Map.entry("KLI", 4), Map.entry("VIT", 5), Map.entry("KAM", 3),
                Map.entry("DRA", 3), Map.entry("OBI", 2), Map.entry("KAC", 3), Map.entry("SHT", 3)));
        for (String small : List.of("NOV", "GRA", "MAM", "JUN", "MIN", "ZUB", "ZVE", "LEP", "STR", "HAN", "RAN", "KLO", "PAR")) {
            general.put(small, 1);
        }
        String any = weighted(h(rowExpr, 90), general);
        String serb = weighted(h(rowExpr, 91), w("MIN", 25, "ZVE", 10, "ZUB", 8, "LEP", 12, "GRA", 15, "STR", 8, "NOV", 5, "KLO", 4,
                "RAN", 5, "PAR", 3));
        return "case when " + communityExpr + " = 'SERB' and " + h(rowExpr, 92) + " % 10 < 7 then " + serb
                + " when " + communityExpr + " = 'GORANI' and " + h(rowExpr, 92) + " % 10 < 7 then 'DRA'"
                + " when " + communityExpr + " = 'TURKISH' and " + h(rowExpr, 92) + " % 10 < 5 then (case when " + h(rowExpr, 93)
                + " % 2 = 0 then 'MAM' else 'PRZ' end) else " + any + " end";
    }

    /** 0 still displaced, 1 displaced then returned, 2 at risk of statelessness, 3 asylum seeker, 4 refugee, 5 returned from abroad. */
    private static String categoryExpr(String communityExpr, String hash) {
        return "case when " + communityExpr + " = 'OTHER' then " + codes(hash, new int[] {0, 0, 0, 80, 20, 0})
                + " when " + communityExpr + " = 'SERB' then " + codes(hash, new int[] {50, 45, 0, 0, 0, 5})
                + " when " + communityExpr + " in ('ROMA','ASHKALI','EGYPTIAN') then " + codes(hash, new int[] {25, 25, 40, 0, 0, 10})
                + " when " + communityExpr + " = 'ALBANIAN' then " + codes(hash, new int[] {15, 35, 0, 0, 0, 50})
                + " else " + codes(hash, new int[] {30, 40, 0, 0, 0, 30}) + " end";
    }

    private static String codes(String hash, int[] weights) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            for (int w = 0; w < weights[i]; w++) {
                values.add(String.valueOf(i));
            }
        }
        return "(array[" + String.join(",", values) + "])[1 + " + hash + " % " + values.size() + "]";
    }

    private static String dispPlaceExpr(String communityExpr, String hash) {
        return "case when " + communityExpr + " = 'SERB' then " + weighted(hash, w("SERBIA", 60, "WITHIN_KOSOVO", 35, "MONTENEGRO", 5))
                + " else " + weighted(hash, w("WITHIN_KOSOVO", 60, "SERBIA", 20, "MONTENEGRO", 10, "NORTH_MACEDONIA", 10)) + " end";
    }

    /** How another partner may have written the same name: without diacritics, in the other orthography, a double letter, a typo. */
    private static String variantExpr(String col, String hash) {
        return "(case " + hash + " % 5"
                + " when 0 then translate(" + col + ", 'ëçšžćčđËÇŠŽĆČĐ', 'ecszccdECSZCCD')"
                + " when 1 then replace(replace(replace(replace(replace(replace(" + col
                + ", 'sh', 'š'), 'Sh', 'Š'), 'q', 'ć'), 'xh', 'dž'), 'gj', 'đ'), 'ë', 'e')"
                + " when 2 then replace(replace(replace(replace(replace(" + col + ", 'š', 'sh'), 'ć', 'q'), 'ž', 'zh'), 'đ', 'gj'), 'č', 'ç')"
                + " when 3 then regexp_replace(" + col + ", '([lr])([aeiou])', '\\1\\1\\2')"
                + " else overlay(" + col + " placing substr(" + col + ", 4, 1) || substr(" + col + ", 3, 1) from 3 for 2) end)";
    }

    /** A closed case's outcome: one its type allows ({@link CaseType#outcomes()}), the type's own ones more often. */
    private static String outcomeExpr(String typeExpr, String hash) {
        StringBuilder sql = new StringBuilder("case ").append(typeExpr);
        for (CaseType type : CaseType.values()) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            type.outcomes().forEach(o -> weights.put(o.name(), 1));
            weights.replaceAll((o, w) -> List.of("REFERRED_ELSEWHERE", "CLIENT_WITHDREW", "LOST_CONTACT").contains(o) ? 1 : 4);
            sql.append(" when '").append(type.name()).append("' then ").append(weighted(hash, weights));
        }
        return sql.append(" end").toString();
    }

    private String expand(String sql) {
        String out = sql;
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<String, String> v : vars.entrySet()) {
                out = out.replace("{" + v.getKey() + "}", v.getValue());
            }
        }
        return out;
    }

    /**
     * Runs {@code sql} for the row numbers 1..{@code total} in {@link #threads} chunks at once, each on a
     * connection of its own ({@code {LO}}..{@code {HI}} in the SQL). Chunks are independent inserts.
     */
    private void parallel(Connection main, long total, String sql) throws SQLException {
        int n = (int) Math.max(1, Math.min(threads, total / 10_000));
        if (n == 1) {
            exec(main, sql.replace("{LO}", "1").replace("{HI}", String.valueOf(total)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long lo = total * i / n + 1;
                long hi = total * (i + 1) / n;
                chunks.add(pool.submit(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(true);
                        session(c);
                        exec(c, sql.replace("{LO}", String.valueOf(lo)).replace("{HI}", String.valueOf(hi)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : chunks) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Runs independent statements side by side, {@link #threads} at a time, each on a connection of its own. */
    private void all(Connection main, List<String> statements) throws SQLException {
        if (threads <= 1) {
            for (String sql : statements) {
                exec(main, sql);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String sql : statements) {
                done.add(pool.submit(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(true);
                        session(c);
                        exec(c, sql);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException se ? se : new SQLException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private void session(Connection c) throws SQLException {
        // The app's pool starts connections with its interactive statement_timeout; bulk loads need none.
        exec(c, "set statement_timeout = 0");
        exec(c, "set work_mem = '256MB'");
        exec(c, "set maintenance_work_mem = '1GB'");
        exec(c, "set synchronous_commit = off");
        exec(c, "set jit = off");
    }

    private void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(expand(sql));
        } catch (SQLException e) {
            String expanded = expand(sql);
            throw new SQLException(e.getMessage() + "\n-- in: " + expanded.substring(0, Math.min(3000, expanded.length())), e.getSQLState(), e);
        }
    }

    private boolean exists(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(expand(sql))) {
            return rs.next();
        }
    }

    private long longValue(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(expand(sql))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws SQLException;
    }

    private void step(String name, SqlStep work) throws SQLException {
        long start = System.nanoTime();
        work.run();
        double s = seconds(start);
        synchronized (steps) {
            steps.put(name, s);
        }
        log.info("Scale data: {} in {} s", name, String.format(Locale.ROOT, "%.1f", s));
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }
}
