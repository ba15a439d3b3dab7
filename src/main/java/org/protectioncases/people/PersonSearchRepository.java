package org.protectioncases.people;

import java.sql.ResultSet;
import java.sql.SQLException;
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
                rs.getString("family_name"), Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", java.time.LocalDate.class),
                precision == null ? null : BirthDatePrecision.valueOf(precision), Community.valueOf(rs.getString("community")),
                rs.getString("municipality_code"), rs.getLong("registered_by_partner"));
    }

    /** A candidate duplicate with the partner that registered it (the service decides what the user may see). */
    record Candidate(DuplicateCheck.Match match, long partnerId) {
    }

    /**
     * People whose folded name is close to the given names in either order, born within a year of
     * {@code birthYear} (or of unknown birth), excluding merged records and ones already declared different.
     */
    List<Candidate> duplicateCandidates(String givenName, String familyName, @Nullable Integer birthYear, @Nullable Long excludeId,
                                        boolean partnerStaff) {
        // The trigram operator % uses pg_trgm.similarity_threshold (0.3 by default). Raised to the
        // duplicate threshold for this transaction only, the index itself drops the weaker matches
        // instead of the recheck; the result is the same (% is similarity >= threshold).
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :t, true)")
                .param("t", Double.toString(DUPLICATE_THRESHOLD)).query(String.class).single();
        if (partnerStaff) {
            // Under row-level security the trigram match could not use its index (see the function's changeset).
            return jdbc.sql("select * from pc_duplicate_candidates(:q, cast(:year as integer), cast(:exclude as bigint), :threshold)")
                    .param("q", givenName.strip() + " " + familyName.strip())
                    .param("year", birthYear).param("exclude", excludeId).param("threshold", DUPLICATE_THRESHOLD)
                    .query(PersonSearchRepository::candidate).list();
        }
        // Birth year as a range (not abs(..) <= 1) so the GiST index on (birth_year, search_name) can narrow by it;
        // people of unknown birth year stay candidates through their own branch.
        String byYear = birthYear == null
                ? " and p.search_name % pc_fold(:q)"
                : " and ((p.birth_year between :yearFrom and :yearTo and p.search_name % pc_fold(:q))"
                + " or (p.birth_year is null and p.search_name % pc_fold(:q)))";
        var spec = jdbc.sql("select p.id, p.registration_no, p.given_name, p.family_name, p.birth_year, p.registered_by_partner,"
                        + " p.father_name, p.sex, p.municipality_code,"
                        + " similarity(p.search_name, pc_fold(:q)) as score"
                        + " from person p"
                        + " where " + PersonVisibility.current("p") + " and p.anonymised_at is null" + byYear
                        + " and similarity(p.search_name, pc_fold(:q)) >= :threshold"
                        + " and (cast(:exclude as bigint) is null or (p.id <> :exclude and not exists ("
                        + " select 1 from person_not_duplicate d"
                        + " where (d.person_id = :exclude and d.other_id = p.id) or (d.person_id = p.id and d.other_id = :exclude))))"
                        + " order by score desc, p.id"
                        + " limit 20")
                .param("q", givenName.strip() + " " + familyName.strip())
                .param("threshold", DUPLICATE_THRESHOLD)
                .param("exclude", excludeId);
        if (birthYear != null) {
            spec = spec.param("yearFrom", birthYear - 1).param("yearTo", birthYear + 1);
        }
        return spec.query(PersonSearchRepository::candidate).list();
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        return new Candidate(new DuplicateCheck.Match(rs.getLong("id"), rs.getString("registration_no"), rs.getString("given_name"),
                rs.getString("family_name"), (Integer) rs.getObject("birth_year"), rs.getDouble("score"), rs.getString("father_name"),
                Sex.valueOf(rs.getString("sex")), rs.getString("municipality_code")), rs.getLong("registered_by_partner"));
    }

    /**
     * How many of the same candidates (the top 20) another partner registered: counted by the
     * database ({@code pc_duplicates_elsewhere}), since row-level security hides those people.
     * Call after {@link #duplicateCandidates}, which sets the similarity threshold.
     */
    int duplicatesElsewhere(String givenName, String familyName, @Nullable Integer birthYear, @Nullable Long excludeId) {
        return jdbc.sql("select pc_duplicates_elsewhere(:q, cast(:year as integer), cast(:exclude as bigint), :threshold)")
                .param("q", givenName.strip() + " " + familyName.strip())
                .param("year", birthYear).param("exclude", excludeId).param("threshold", DUPLICATE_THRESHOLD)
                .query(Integer.class).single();
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
