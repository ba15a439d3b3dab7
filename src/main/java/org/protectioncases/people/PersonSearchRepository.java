package org.protectioncases.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people list and the duplicate check, in SQL: paged, counted and ranked by PostgreSQL with
 * the trigram index on the folded name ({@code pc_fold}). Nothing loads a whole table.
 */
@Repository
class PersonSearchRepository {

    /** Sortable list columns: property name in the UI to SQL column (a whitelist, never user text). */
    private static final Map<String, String> SORTS = Map.of(
            "registrationNo", "p.registration_no",
            "givenName", "p.given_name",
            "familyName", "p.family_name",
            "birthDate", "p.birth_date",
            "community", "p.community",
            "municipalityCode", "p.municipality_code");

    /** Similarity from which a registered person is shown as a possible duplicate. */
    static final double DUPLICATE_THRESHOLD = 0.45;

    private final JdbcClient jdbc;

    PersonSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String sql, Map<String, Object> params, boolean byName) {
    }

    private static Where where(@Nullable Long partnerScope, PersonFilter filter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where " + PersonVisibility.visible("p", partnerScope));
        if (partnerScope != null) {
            params.put("partner", partnerScope);
        }
        boolean byName = filter.name() != null && !filter.name().isBlank();
        if (byName) {
            // The name condition itself is the join to NAME_MATCHES (see there).
            params.put("name", filter.name().strip());
        }
        boolean searching = byName || (filter.registrationNo() != null && !filter.registrationNo().isBlank());
        if (searching) {
            // Anonymised people are listed (as "Anonymised person") but never found by a search.
            where.append(" and p.anonymised_at is null");
        }
        if (filter.registrationNo() != null && !filter.registrationNo().isBlank()) {
            where.append(" and p.registration_no like :reg");
            params.put("reg", filter.registrationNo().strip().toUpperCase(Locale.ROOT).replace("%", "") + "%");
        }
        if (filter.group() != null) {
            where.append(" and exists (select 1 from person_group g where g.person_id = p.id and g.group_code = :grp"
                    + " and g.start_date <= current_date and (g.end_date is null or g.end_date >= current_date))");
            params.put("grp", filter.group().name());
        }
        if (filter.municipalityCode() != null && !filter.municipalityCode().isBlank()) {
            where.append(" and p.municipality_code = :mun");
            params.put("mun", filter.municipalityCode());
        }
        if (filter.community() != null) {
            where.append(" and p.community = :community");
            params.put("community", filter.community().name());
        }
        return new Where(where.toString(), params, byName);
    }

    /**
     * The distinct folded names that match the search, with their rank: trigram similarity of the
     * whole name, or word similarity for a part of it (one name of several). Matching among the
     * distinct names (person_name) and then joining people by exact name finds exactly the people
     * the same condition on person.search_name would, at a fraction of the rechecks.
     */
    private static final String NAME_MATCHES = "with n as materialized (select search_name,"
            + " greatest(similarity(search_name, pc_fold(:name)), word_similarity(pc_fold(:name), search_name)) as score"
            + " from person_name where search_name % pc_fold(:name) or pc_fold(:name) <% search_name order by score desc) ";

    /** How many people visible in {@code partnerScope} (null: all partners) match the filter. */
    long count(@Nullable Long partnerScope, PersonFilter filter) {
        Where w = where(partnerScope, filter);
        String from = w.byName() ? NAME_MATCHES + "select count(*) from n join person p on p.search_name = n.search_name"
                : "select count(*) from person p";
        return jdbc.sql(from + w.sql()).params(w.params()).query(Long.class).single();
    }

    private static final String COLUMNS = "select p.id, p.registration_no, p.given_name, p.family_name, p.sex, p.birth_date,"
            + " p.birth_precision, p.community, p.municipality_code, p.registered_by_partner from person p";

    /** One page of people visible in {@code partnerScope}, filtered and sorted in SQL; best name matches first. */
    List<PersonSummary> page(@Nullable Long partnerScope, PersonFilter filter, Pageable pageable) {
        return page(partnerScope, filter, pageable, null);
    }

    /**
     * As {@link #page(Long, PersonFilter, Pageable)}; with {@code afterId} (the last id of the page
     * before) and the list's default order (newest first, no name search), the page continues after
     * that id instead of skipping {@code offset} rows: a deep page then reads only its own rows
     * (docs/benchmarks.md, row 2p).
     */
    List<PersonSummary> page(@Nullable Long partnerScope, PersonFilter filter, Pageable pageable, @Nullable Long afterId) {
        Where w = where(partnerScope, filter);
        Map<String, Object> params = new HashMap<>(w.params());
        if (afterId != null && !w.byName() && pageable.getSort().isUnsorted()) {
            params.put("limit", pageable.getPageSize());
            params.put("after", afterId);
            return jdbc.sql(COLUMNS + w.sql() + " and p.id < :after order by p.id desc limit :limit")
                    .params(params).query(PersonSearchRepository::summary).list();
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        String columns = COLUMNS;
        if (w.byName()) {
            // Names best first, and of each name at most the rows the page can need (index-only on
            // person_search_name_idx when no other filter needs the row): PostgreSQL 17 keeps the
            // CTE's order, so an incremental sort stops after the first names that fill the page
            // instead of ranking all matches. Then only the page's rows are read.
            params.put("upTo", pageable.getOffset() + pageable.getPageSize());
            return jdbc.sql(NAME_MATCHES + ", hits as (select p.id, n.score from n cross join lateral ("
                            + "select p.id from person p" + w.sql() + " and p.search_name = n.search_name"
                            + " order by p.id desc limit :upTo) p"
                            + " order by n.score desc, p.id desc limit :limit offset :offset) "
                            + columns + " join hits h on h.id = p.id order by h.score desc, p.id desc")
                    .params(params).query(PersonSearchRepository::summary).list();
        }
        return jdbc.sql(columns + w.sql() + orderBy(pageable.getSort()) + " limit :limit offset :offset")
                .params(params).query(PersonSearchRepository::summary).list();
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = SORTS.get(o.getProperty());
            if (column != null) {
                parts.add(column + (o.isAscending() ? " asc" : " desc"));
            }
        }
        parts.add("p.id desc");
        return " order by " + String.join(", ", parts);
    }

    private static PersonSummary summary(ResultSet rs, int row) throws SQLException {
        String precision = rs.getString("birth_precision");
        return new PersonSummary(rs.getLong("id"), rs.getString("registration_no"), rs.getString("given_name"),
                rs.getString("family_name"), Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
                precision == null ? null : BirthDatePrecision.valueOf(precision), Community.valueOf(rs.getString("community")),
                rs.getString("municipality_code"), rs.getLong("registered_by_partner"));
    }

    /** A candidate duplicate with the partner that registered it (the service decides what the user may see). */
    record Candidate(DuplicateCheck.Match match, long partnerId) {
    }

    /**
     * One name to look for: {@code name} is the given and family name as the form has them,
     * {@code excludeId} a registered person whose own record (and those declared different from
     * it) are left out.
     */
    record Probe(String name, @Nullable Integer birthYear, @Nullable Long excludeId) {

        static Probe of(String givenName, String familyName, @Nullable Integer birthYear, @Nullable Long excludeId) {
            return new Probe(givenName.strip() + " " + familyName.strip(), birthYear, excludeId);
        }
    }

    /**
     * People whose folded name is close to the probe's names in either order, born within a year of
     * its birth year (or of unknown birth), excluding merged and anonymised records and ones already
     * declared different; for many names at once (the bulk import): for each probe, in the same
     * order, its top 20 candidates among the people visible in {@code partnerScope}, best first. One
     * statement for the probes with a birth year and one for those without, each a lateral join of
     * the same query per probe, so the rule (and its index use) is the one-name check's.
     */
    List<List<Candidate>> duplicateCandidates(List<Probe> probes, @Nullable Long partnerScope) {
        // The trigram operator % uses pg_trgm.similarity_threshold (0.3 by default). Raised to the
        // duplicate threshold for this transaction only, the index itself drops the weaker matches
        // instead of the recheck; the result is the same (% is similarity >= threshold).
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :t, true)")
                .param("t", Double.toString(DUPLICATE_THRESHOLD)).query(String.class).single();
        List<List<Candidate>> result = new ArrayList<>(probes.size());
        probes.forEach(p -> result.add(new ArrayList<>()));
        for (boolean withYear : new boolean[] {true, false}) {
            List<Integer> asked = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                if ((probes.get(i).birthYear() != null) == withYear) {
                    asked.add(i);
                }
            }
            if (asked.isEmpty()) {
                continue;
            }
            // Birth year as a range (not abs(..) <= 1) so the GiST index on (birth_year, search_name) can narrow by it;
            // people of unknown birth year stay candidates through their own branch.
            String byYear = withYear
                    ? " and ((p.birth_year between q.y - 1 and q.y + 1 and p.search_name % q.f) or (p.birth_year is null and p.search_name % q.f))"
                    : " and p.search_name % q.f";
            Map<String, Object> params = new HashMap<>();
            params.put("names", asked.stream().map(i -> probes.get(i).name()).toArray(String[]::new));
            params.put("years", asked.stream().map(i -> probes.get(i).birthYear()).toArray(Integer[]::new));
            params.put("excludes", asked.stream().map(i -> probes.get(i).excludeId()).toArray(Long[]::new));
            params.put("threshold", DUPLICATE_THRESHOLD);
            String probesSql = "with q as materialized (select u.i, u.n, pc_fold(u.n) as f, u.y, u.x from unnest(cast(:names as text[]),"
                    + " cast(:years as integer[]), cast(:excludes as bigint[])) with ordinality as u(n, y, x, i))";
            // Partner staff: through pc_duplicate_candidates, because under row-level security the trigram
            // match could not use its index (db-changelog/people/2026-12-02-40-duplicate-candidates.sql).
            String sql = partnerScope != null
                    ? probesSql + " select q.i, c.* from q cross join lateral pc_duplicate_candidates(q.n, q.y, q.x, :threshold) c"
                            + " order by q.i, c.score desc, c.id"
                    : probesSql + " select q.i, c.* from q cross join lateral ("
                            + "select p.id, p.registration_no, p.given_name, p.family_name, p.birth_year, p.registered_by_partner,"
                            + " p.father_name, p.sex, p.municipality_code,"
                            + " cast(similarity(p.search_name, q.f) as double precision) as score"
                            + " from person p"
                            + " where " + PersonVisibility.visible("p", partnerScope) + " and p.anonymised_at is null" + byYear
                            + " and similarity(p.search_name, q.f) >= :threshold"
                            + " and (q.x is null or (p.id <> q.x and not exists ("
                            + " select 1 from person_not_duplicate d"
                            + " where (d.person_id = q.x and d.other_id = p.id) or (d.person_id = p.id and d.other_id = q.x))))"
                            + " order by score desc, p.id"
                            + " limit 20) c"
                            + " order by q.i, c.score desc, c.id";
            jdbc.sql(sql)
                    .params(params)
                    .query(rs -> {
                        result.get(asked.get(rs.getInt("i") - 1)).add(candidate(rs, 0));
                    });
        }
        return result;
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        // The score is a real (similarity()): read as one. As a double it came out 0.8484849 in text
        // transfer and 0.8484848737716675 once pgjdbc switched the repeated statement to binary.
        return new Candidate(new DuplicateCheck.Match(rs.getLong("id"), rs.getString("registration_no"), rs.getString("given_name"),
                rs.getString("family_name"), (Integer) rs.getObject("birth_year"), rs.getFloat("score"), rs.getString("father_name"),
                Sex.valueOf(rs.getString("sex")), rs.getString("municipality_code")), rs.getLong("registered_by_partner"));
    }

    /**
     * How many of the same candidates (the top 20) another partner registered: counted by the
     * database ({@code pc_duplicates_elsewhere_each}), since row-level security hides those people.
     * Call after {@link #duplicateCandidates}, which sets the similarity threshold.
     */
    int[] duplicatesElsewhere(List<Probe> probes) {
        int[] counts = new int[probes.size()];
        jdbc.sql("select e.ord, e.elsewhere from pc_duplicates_elsewhere_each(cast(:names as text[]), cast(:years as integer[]),"
                        + " cast(:excludes as bigint[]), :threshold) e")
                .param("names", probes.stream().map(Probe::name).toArray(String[]::new))
                .param("years", probes.stream().map(Probe::birthYear).toArray(Integer[]::new))
                .param("excludes", probes.stream().map(Probe::excludeId).toArray(Long[]::new))
                .param("threshold", DUPLICATE_THRESHOLD)
                .query(rs -> {
                    counts[rs.getInt(1) - 1] = rs.getInt(2);
                });
        return counts;
    }

    /**
     * The duplicate rule applied among the probes themselves (rows of one file): for each probe,
     * the earlier probes (by index, best first, at most 20) that the rule would offer as its
     * duplicates if they were registered. The names are staged in a temporary table with the
     * registry's index shape; it is dropped before returning.
     */
    private static final int WITHIN_RANGE = 1_000;

    List<List<Integer>> similarWithin(List<Probe> probes) {
        List<List<Integer>> result = new ArrayList<>(probes.size());
        probes.forEach(p -> result.add(new ArrayList<>()));
        if (probes.size() < 2) {
            return result;
        }
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :t, true)")
                .param("t", Double.toString(DUPLICATE_THRESHOLD)).query(String.class).single();
        jdbc.sql("drop table if exists pg_temp.pc_probe_set").update();
        jdbc.sql("create temporary table pc_probe_set (i integer primary key, f text not null, y integer) on commit drop").update();
        jdbc.sql("insert into pc_probe_set (i, f, y) select u.i, pc_fold(u.n), u.y"
                        + " from unnest(cast(:names as text[]), cast(:years as integer[])) with ordinality as u(n, y, i)")
                .param("names", probes.stream().map(Probe::name).toArray(String[]::new))
                .param("years", probes.stream().map(Probe::birthYear).toArray(Integer[]::new))
                .update();
        jdbc.sql("create index on pc_probe_set using gist (y, f gist_trgm_ops(siglen=64)) where y is not null").update();
        jdbc.sql("create index on pc_probe_set using gin (f gin_trgm_ops)").update();
        jdbc.sql("analyze pc_probe_set").update();
        // By ranges of rows, so that no statement runs long (and each is within the time limit).
        for (int from = 1; from <= probes.size(); from += WITHIN_RANGE) {
            for (boolean withYear : new boolean[] {true, false}) {
                String byYear = withYear
                        ? "((b.y between a.y - 1 and a.y + 1 and b.f % a.f) or (b.y is null and b.f % a.f))"
                        : "b.f % a.f";
                jdbc.sql("select a.i, c.i as earlier from pc_probe_set a cross join lateral ("
                                + "select b.i, similarity(b.f, a.f) as score from pc_probe_set b"
                                + " where " + byYear + " and b.i < a.i and similarity(b.f, a.f) >= :threshold"
                                + " order by score desc, b.i limit 20) c"
                                + " where a.i between :from and :to and a.y is " + (withYear ? "not null" : "null")
                                + " order by a.i, c.score desc, c.i")
                        .param("threshold", DUPLICATE_THRESHOLD).param("from", from).param("to", from + WITHIN_RANGE - 1)
                        .query(rs -> {
                            result.get(rs.getInt(1) - 1).add(rs.getInt(2) - 1);
                        });
            }
        }
        jdbc.sql("drop table pc_probe_set").update();
        return result;
    }

    boolean hasAccess(long personId, long partnerId) {
        return jdbc.sql("select exists (select 1 from person_access where person_id = :p and partner_id = :partner)")
                .param("p", personId).param("partner", partnerId).query(Boolean.class).single();
    }

    /**
     * Grants a partner access to a person; false if it had it already. The service grants only
     * what a {@link PersonSharingBasis} entitles.
     */
    boolean grantAccess(long personId, long partnerId, String reason) {
        return jdbc.sql("""
                        insert into person_access (person_id, partner_id, reason)
                        values (:p, :partner, :r)
                        on conflict do nothing""")
                .param("p", personId).param("partner", partnerId).param("r", reason).update() > 0;
    }

    void recordNotDuplicate(long personId, long otherId, String username) {
        jdbc.sql("""
                insert into person_not_duplicate (person_id, other_id, decided_by) values (:p, :o, :u)
                on conflict do nothing""").param("p", personId).param("o", otherId).param("u", username).update();
    }
}
