package org.protectioncases.shelters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.PersonVisibility;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registry lists with occupancy, residents and the factsheet figure, in SQL. Occupancy is counted
 * by PostgreSQL in the same query as the page (no query per shelter). Residents are scoped by the
 * partner in the query; persons of other partners are only counted.
 */
@Repository
class ShelterQueryRepository {

    /**
     * A stay covers day d when it began on or before d and had not ended by d (the move-out day is
     * not a night there); the same rule as the database function {@code shelter_residents_on}.
     */
    private static final String ON_DATE = " r.moved_in <= :asOf and (r.moved_out is null or r.moved_out > :asOf)";
    private static final String LABEL = "p.registration_no || ' ' || p.given_name || ' ' || p.family_name";

    private final JdbcClient jdbc;

    ShelterQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether person {@code p} is visible to {@code partnerScope} (null: UNHCR managers, every partner). */
    private static String visible(@Nullable Long partnerScope) {
        return PersonVisibility.visible("p", partnerScope);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(ShelterFilter f) {
        StringBuilder sql = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (f.municipalityCode() != null && !f.municipalityCode().isBlank()) {
            sql.append(" and s.municipality_code = :mun");
            params.put("mun", f.municipalityCode().strip());
        }
        if (f.status() != null) {
            sql.append(" and s.status = :status");
            params.put("status", f.status().name());
        }
        return new Where(sql.toString(), params);
    }

    private static final String SUMMARY = """
            select s.id, s.name, s.municipality_code, s.status, s.capacity, s.opened_on, s.closed_on, s.managing_institution,
                   coalesce(o.persons, 0) as occupancy
            from shelter s
            left join (select o.shelter_id, count(distinct o.person_id) as persons
                       from shelter_residents_on(cast(:asOf as date)) o group by o.shelter_id) o on o.shelter_id = s.id""";

    long count(ShelterFilter filter) {
        Where w = where(filter);
        return jdbc.sql("select count(*) from shelter s" + w.sql()).params(w.params()).query(Long.class).single();
    }

    List<ShelterSummary> page(ShelterFilter filter, LocalDate asOf, Pageable pageable) {
        Where w = where(filter);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("asOf", asOf);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return jdbc.sql(SUMMARY + w.sql() + " order by lower(s.name), s.id limit :limit offset :offset")
                .params(params).query(ShelterQueryRepository::summary).list();
    }

    Optional<ShelterSummary> summary(long shelterId, LocalDate asOf) {
        return jdbc.sql(SUMMARY + " where s.id = :id").param("id", shelterId).param("asOf", asOf)
                .query(ShelterQueryRepository::summary).optional();
    }

    private static ShelterSummary summary(ResultSet rs, int row) throws SQLException {
        return new ShelterSummary(rs.getLong("id"), rs.getString("name"), rs.getString("municipality_code").strip(),
                ShelterStatus.valueOf(rs.getString("status")), rs.getInt("capacity"), rs.getInt("occupancy"),
                rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                rs.getString("managing_institution"));
    }

    /** Residents on {@code asOf} the scope may see, by name. */
    List<Resident> residents(long shelterId, LocalDate asOf, @Nullable Long partnerScope) {
        return stays(shelterId, ON_DATE, asOf, partnerScope, " order by p.family_name, p.given_name, r.id");
    }

    /** Every stay in the shelter of persons the scope may see, latest move-in first. */
    List<Resident> stays(long shelterId, @Nullable Long partnerScope) {
        return stays(shelterId, " true", null, partnerScope, " order by r.moved_in desc, r.id desc");
    }

    private List<Resident> stays(long shelterId, String when, @Nullable LocalDate asOf, @Nullable Long partnerScope, String order) {
        Map<String, Object> params = new HashMap<>();
        params.put("s", shelterId);
        if (asOf != null) {
            params.put("asOf", asOf);
        }
        if (partnerScope != null) {
            params.put("partner", partnerScope);
        }
        return jdbc.sql("select r.id, r.shelter_id, r.person_id, " + LABEL + " as label, r.moved_in, r.moved_out, r.version"
                        + " from shelter_residence r join person p on p.id = r.person_id"
                        + " where r.shelter_id = :s and" + when + " and " + visible(partnerScope) + order)
                .params(params).query(ShelterQueryRepository::resident).list();
    }

    /** Persons (merged records counted once) in the shelter on {@code asOf} (or ever, when null): all, and those the scope may see. */
    long[] personCounts(long shelterId, @Nullable LocalDate asOf, @Nullable Long partnerScope) {
        Map<String, Object> params = new HashMap<>();
        params.put("s", shelterId);
        if (asOf != null) {
            params.put("asOf", asOf);
        }
        if (partnerScope != null) {
            params.put("partner", partnerScope);
        }
        // Left join: row-level security hides other partners' people, whose stays still count in the total.
        return jdbc.sql("select count(distinct coalesce(p.merged_into_id, r.person_id)) as total,"
                        + " count(distinct p.id) filter (where " + visible(partnerScope) + ") as shown"
                        + " from shelter_residence r left join person p on p.id = r.person_id"
                        + " where r.shelter_id = :s and" + (asOf == null ? " true" : ON_DATE))
                .params(params).query((rs, i) -> new long[] {rs.getLong("total"), rs.getLong("shown")}).single();
    }

    Optional<Resident> stay(long residenceId) {
        return jdbc.sql("select r.id, r.shelter_id, r.person_id, " + LABEL + " as label, r.moved_in, r.moved_out, r.version"
                        + " from shelter_residence r join person p on p.id = r.person_id where r.id = :id")
                .param("id", residenceId).query(ShelterQueryRepository::resident).optional();
    }

    private static Resident resident(ResultSet rs, int row) throws SQLException {
        return new Resident(rs.getLong("id"), rs.getLong("shelter_id"), rs.getLong("person_id"), rs.getString("label"),
                rs.getObject("moved_in", LocalDate.class), rs.getObject("moved_out", LocalDate.class), rs.getLong("version"));
    }

    /** Conflict of a stay of the person from {@code from} on, open-ended: the other shelter and when that stay began. */
    record Conflict(String shelterName, LocalDate movedIn) {
    }

    /** The person's stay that overlaps [from, ∞), as the database's exclusion constraint would see it. */
    Optional<Conflict> overlapping(long personId, LocalDate from) {
        return jdbc.sql("select s.name, r.moved_in from shelter_residence r join shelter s on s.id = r.shelter_id"
                        + " where r.person_id = :p and (r.moved_out is null or r.moved_out > :from) order by r.moved_in limit 1")
                .param("p", personId).param("from", from)
                .query((rs, i) -> new Conflict(rs.getString(1), rs.getObject(2, LocalDate.class))).optional();
    }

    /** A point in the current transaction to go back to after a failed statement (PostgreSQL aborts the rest otherwise). */
    void savepoint(String name) {
        jdbc.sql("savepoint " + name).update();
    }

    void rollbackTo(String name) {
        jdbc.sql("rollback to savepoint " + name).update();
    }

    /** Stays in the shelter not ended by {@code on} (a shelter closes empty). */
    long staysNotEndedBy(long shelterId, LocalDate on) {
        return jdbc.sql("select count(*) from shelter_residence r where r.shelter_id = :s and (r.moved_out is null or r.moved_out > :on)")
                .param("s", shelterId).param("on", on).query(Long.class).single();
    }

    /** The factsheet figure, by the database's one definition of a resident ({@code shelter_residents_on}, shared with reports). */
    ShelterOccupancy occupancy(LocalDate asOf) {
        return jdbc.sql("select count(distinct o.person_id), count(distinct o.shelter_id) from shelter_residents_on(cast(:asOf as date)) o")
                .param("asOf", asOf).query((rs, i) -> new ShelterOccupancy(asOf, rs.getLong(1), rs.getLong(2))).single();
    }

    long occupancy(long shelterId, LocalDate asOf) {
        return personCounts(shelterId, asOf, null)[0];
    }

    /**
     * After a merge of duplicate person records: stays of the merged record move to the kept one,
     * except where the kept record has an overlapping stay (the same person recorded twice); those
     * stay put and are counted once, through {@code merged_into_id}.
     */
    void movePersonStays(long keptId, long mergedId) {
        jdbc.sql("""
                update shelter_residence r set person_id = :k, updated_at = now(), version = version + 1
                where r.person_id = :m and not exists (select 1 from shelter_residence x where x.person_id = :k
                      and daterange(x.moved_in, x.moved_out, '[)') && daterange(r.moved_in, r.moved_out, '[)'))""")
                .param("k", keptId).param("m", mergedId).update();
    }
}
