package org.protectioncases.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a check: prints the plans (auto_explain, nested statements too) and timings of the bulk
 * duplicate statements for a benchmark-like set of names, as an AT coordinator would run them: the
 * registry check before (pc_duplicate_candidates per name, pc_duplicates_elsewhere_each) and after
 * (pc_duplicates_each), and two SQL forms of the in-file check (the GiST self-join before, name
 * blocks by a trigram index) that the in-memory check replaced. Off in the suite;
 * {@code -Dduplicate.plans=true -Dduplicate.plans.rows=10000} (docs/benchmarks.md, "Session 11").
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "duplicate.plans", matches = "true")
class DuplicatePlansIT extends ActingUsers {

    @Autowired
    PersonBulkService bulk;
    @Autowired
    @OwnerDatabase
    JdbcTemplate owner;

    static List<DuplicateProbe> probes(int n) {
        Random random = new Random(42);
        String[] given = {"Arta", "Besnik", "Drita", "Fatmir", "Gëzim", "Jelena", "Marko", "Milica", "Nexhmije", "Zoran"};
        List<DuplicateProbe> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder family = new StringBuilder();
            for (int k = 0; k < 9; k++) {
                family.append((char) ('a' + random.nextInt(26)));
            }
            family.setCharAt(0, Character.toUpperCase(family.charAt(0)));
            result.add(new DuplicateProbe(given[random.nextInt(given.length)], family.toString(), 1940 + random.nextInt(80)));
        }
        return result;
    }

    @Test
    void printPlans() throws Exception {
        System.out.println("PLANS people " + owner.queryForObject("select count(*) from person", Long.class) + ", names "
                + owner.queryForObject("select count(*) from person_name", Long.class));
        int n = Integer.getInteger("duplicate.plans.rows", 2000);
        List<DuplicateProbe> probes = probes(n);
        String[] all = probes.stream().map(p -> p.givenName() + " " + p.familyName()).toArray(String[]::new);
        Integer[] allYears = probes.stream().map(DuplicateProbe::birthYear).toArray(Integer[]::new);
        withinFile(all, allYears);
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            as(Role.PARTNER_COORDINATOR, "AT", () -> bulk.findDuplicates(probes.subList(0, 500)));
            System.out.printf("PLANS findDuplicates 500: %.2f s%n", (System.nanoTime() - t) / 1e9);
        }
        long at = partner("AT");
        String[] names = probes.subList(0, 500).stream().map(p -> p.givenName() + " " + p.familyName()).toArray(String[]::new);
        Integer[] years = probes.subList(0, 500).stream().map(DuplicateProbe::birthYear).toArray(Integer[]::new);
        explain(at, "select q.i, c.* from (select u.i, u.n, u.y, u.x from unnest(?::text[], ?::integer[], ?::bigint[])"
                + " with ordinality as u(n, y, x, i)) q cross join lateral pc_duplicate_candidates(q.n, q.y, q.x, 0.45) c", names, years, 3);
        explain(at, "select e.ord, e.elsewhere from pc_duplicates_elsewhere_each(?::text[], ?::integer[], ?::bigint[], 0.45) e", names,
                years, 3);
        explain(at, "select d.* from pc_duplicates_each(?::text[], ?::integer[], ?::bigint[], 0.45) d", names, years, 3);
    }

    /** The file's own rows compared: the old lateral self-join over one range of 1,000 rows, and the name blocks. */
    private void withinFile(String[] names, Integer[] years) throws Exception {
        try (Connection c = owner.getDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select set_config('pg_trgm.similarity_threshold', '0.45', true)");
            }
            try (PreparedStatement ps = c.prepareStatement("create temporary table pc_probe_set on commit drop as select u.i::integer as i,"
                    + " pc_fold(u.n) as f, u.y from unnest(?::text[], ?::integer[]) with ordinality as u(n, y, i)")) {
                ps.setArray(1, c.createArrayOf("text", names));
                ps.setArray(2, c.createArrayOf("integer", years));
                ps.execute();
            }
            run(c, "alter table pc_probe_set add primary key (i)");
            run(c, "create index old_gist on pc_probe_set using gist (y, f gist_trgm_ops(siglen=64)) where y is not null");
            run(c, "create index old_gin on pc_probe_set using gin (f gin_trgm_ops)");
            run(c, "analyze pc_probe_set");
            run(c, "explain (analyze, buffers) select a.i, c.i as earlier from pc_probe_set a cross join lateral ("
                    + "select b.i, similarity(b.f, a.f) as score from pc_probe_set b"
                    + " where ((b.y between a.y - 1 and a.y + 1 and b.f % a.f) or (b.y is null and b.f % a.f)) and b.i < a.i"
                    + " and similarity(b.f, a.f) >= 0.45 order by score desc, b.i limit 20) c"
                    + " where a.i between " + (names.length - 999) + " and " + names.length + " and a.y is not null order by a.i, c.score desc, c.i");
            run(c, "drop index old_gist");
            run(c, "drop index old_gin");
            run(c, "create index on pc_probe_set (f, i)");
            run(c, "create temporary table pc_probe_name on commit drop as select distinct f from pc_probe_set");
            run(c, "create index on pc_probe_name using gin (f gin_trgm_ops)");
            run(c, "analyze pc_probe_set, pc_probe_name");
            run(c, "explain (analyze, buffers) create temporary table pc_probe_pair on commit drop as select a.f, b.f as g,"
                    + " similarity(b.f, a.f) as score from pc_probe_name a cross join lateral (select b.f from pc_probe_name b where b.f % a.f) b"
                    + " where similarity(b.f, a.f) >= 0.45");
            run(c, "create index on pc_probe_pair (f)");
            run(c, "analyze pc_probe_pair");
            run(c, "explain (analyze, buffers) select a.i, c.i as earlier from pc_probe_set a cross join lateral ("
                    + "select b.i, p.score from pc_probe_pair p join pc_probe_set b on b.f = p.g"
                    + " where p.f = a.f and b.i < a.i and (a.y is null or b.y is null or b.y between a.y - 1 and a.y + 1)"
                    + " order by p.score desc, b.i limit 20) c where a.i between 1 and " + names.length + " order by a.i, c.score desc, c.i");
            c.rollback();
        }
    }

    private static void run(Connection c, String sql) throws Exception {
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            boolean rows = s.execute(sql);
            System.out.printf("PLANS %.3f s: %s%n", (System.nanoTime() - t) / 1e9, sql);
            if (rows) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        System.out.println(rs.getString(1));
                    }
                }
            }
        }
    }

    private void explain(long partner, String sql, String[] names, Integer[] years, int show) throws Exception {
        DataSource ds = owner.getDataSource();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("load 'auto_explain'");
                s.execute("set local auto_explain.log_min_duration = 0");
                s.execute("set local auto_explain.log_analyze = on");
                s.execute("set local auto_explain.log_buffers = on");
                s.execute("set local auto_explain.log_nested_statements = on");
                s.execute("set local auto_explain.log_level = notice");
                s.execute("select set_config('role', 'pc_partner', true), set_config('app.role', 'PARTNER_COORDINATOR', true),"
                        + " set_config('app.partner_id', '" + partner + "', true), set_config('pg_trgm.similarity_threshold', '0.45', true)");
                s.clearWarnings();
            }
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("text", names));
                ps.setArray(2, c.createArrayOf("integer", years));
                ps.setArray(3, c.createArrayOf("bigint", new Long[names.length]));
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                System.out.printf("PLANS %s%nPLANS %d rows in %.2f s%n", sql, rows, (System.nanoTime() - t) / 1e9);
                List<String> plans = new ArrayList<>();
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                    plans.add(w.getMessage());
                }
                System.out.println("PLANS " + plans.size() + " plans logged; first and last " + show + ":");
                for (int i = 0; i < plans.size(); i++) {
                    if (i < show || i >= plans.size() - show) {
                        System.out.println(plans.get(i));
                    }
                }
            }
            c.rollback();
        }
    }
}
