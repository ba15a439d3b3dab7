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

    /** A probe's candidates the caller may see (best first, at most 20) and how many of its first 20 other partners registered. */
    record Found(List<Candidate> candidates, int elsewhere) {
    }

    /**
     * People whose folded name is close to the probe's name, born within a year of its birth year
     * (either unknown: any year), excluding merged and anonymised records and ones already declared
     * different: for each probe, in the same order, its first 20 candidates among the people the
     * user may see, best first, and (partner staff) how many of its first 20 candidates among all
     * people other partners registered. One statement for any number of probes, one name or a
     * chunk of a file ({@code pc_duplicates_each}: the names are matched among the distinct names
     * first, db-changelog/people/2026-12-05-01-duplicates-by-name-dictionary.sql).
     */
    List<Found> duplicates(List<Probe> probes) {
        // The trigram operator % uses pg_trgm.similarity_threshold (0.3 by default). Raised to the
        // duplicate threshold for this transaction only, the index itself drops the weaker matches
        // instead of the recheck; the result is the same (% is similarity >= threshold).
        setThreshold();
        List<List<Candidate>> candidates = new ArrayList<>(probes.size());
        probes.forEach(p -> candidates.add(new ArrayList<>()));
        int[] elsewhere = new int[probes.size()];
        jdbc.sql("select d.* from pc_duplicates_each(cast(:names as text[]), cast(:years as integer[]), cast(:excludes as bigint[]),"
                        + " :threshold) d order by d.ord, d.score desc, d.id")
                .param("names", probes.stream().map(Probe::name).toArray(String[]::new))
                .param("years", probes.stream().map(Probe::birthYear).toArray(Integer[]::new))
                .param("excludes", probes.stream().map(Probe::excludeId).toArray(Long[]::new))
                .param("threshold", DUPLICATE_THRESHOLD)
                .query(rs -> {
                    int i = rs.getInt("ord") - 1;
                    if (rs.getObject("id") == null) {
                        elsewhere[i] = rs.getInt("elsewhere");
                    } else {
                        candidates.get(i).add(candidate(rs));
                    }
                });
        List<Found> result = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            result.add(new Found(candidates.get(i), elsewhere[i]));
        }
        return result;
    }

    /** The names folded as the registry folds them ({@code pc_fold}), in order: one statement. */
    List<String> fold(List<String> names) {
        return jdbc.sql("select pc_fold(u.n) from unnest(cast(:names as text[])) with ordinality as u(n, i) order by u.i")
                .param("names", names.toArray(String[]::new))
                .query(String.class).list();
    }

    /**
     * The registry's data version for the duplicate check: (rows, sum of ids) of
     * {@code person_registry_change} in this statement's snapshot. Any later commit that changed a
     * person or who may see one changes it (db-changelog/people/2026-12-06-01-person-registry-change.sql).
     */
    String registryVersion() {
        return jdbc.sql("select count(*) || ':' || coalesce(sum(id), 0) from person_registry_change").query(String.class).single();
    }

    private void setThreshold() {
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :t, true)")
                .param("t", Double.toString(DUPLICATE_THRESHOLD)).query(String.class).single();
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        // The score is a real (similarity()): read as one. As a double it came out 0.8484849 in text
        // transfer and 0.8484848737716675 once pgjdbc switched the repeated statement to binary.
        return new Candidate(new DuplicateCheck.Match(rs.getLong("id"), rs.getString("registration_no"), rs.getString("given_name"),
                rs.getString("family_name"), (Integer) rs.getObject("birth_year"), rs.getFloat("score"), rs.getString("father_name"),
                Sex.valueOf(rs.getString("sex")), rs.getString("municipality_code")), rs.getLong("registered_by_partner"));
    }

    /**
     * The duplicate rule applied among the probes themselves (rows of one file): for each probe,
     * the earlier probes (by index, best first, at most 20) that the rule would offer as its
     * duplicates if they were registered. The database folds the names ({@code pc_fold}, one
     * statement); the comparison runs in memory ({@link NameTrigrams}, pg_trgm's similarity).
     */
    List<List<Integer>> similarWithin(List<Probe> probes) {
        if (probes.size() < 2) {
            List<List<Integer>> none = new ArrayList<>();
            probes.forEach(p -> none.add(List.of()));
            return none;
        }
        List<String> folded = fold(probes.stream().map(Probe::name).toList());
        return NameTrigrams.similarEarlier(folded, probes.stream().map(Probe::birthYear).toList(), DUPLICATE_THRESHOLD, 20);
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
