package org.protectioncases.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.protectioncases.shared.i18n.Formats;

/**
 * The visits list and follow-ups in SQL: filtered, paged, counted and scoped by PostgreSQL. One
 * query per page (monitors and head counts are aggregated in it).
 */
@Repository
class VisitQueryRepository {

    private static final Map<String, String> SORTS = Map.of(
            "visitDate", "v.visit_date", "locationType", "v.location_type", "municipality", "v.municipality_code",
            "purpose", "v.purpose", "followUpOn", "v.follow_up_on", "place", "place");

    private static final String OTHERS = "(v.female_0_4 + v.female_5_11 + v.female_12_17 + v.female_18_59 + v.female_60_plus"
            + " + v.male_0_4 + v.male_5_11 + v.male_12_17 + v.male_18_59 + v.male_60_plus)";

    private final JdbcClient jdbc;

    VisitQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(@Nullable Long partnerScope, VisitFilter f) {
        StringBuilder sql = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (partnerScope != null) {
            sql.append(" and v.owning_partner = :partner");
            params.put("partner", partnerScope);
        }
        if (f.from() != null) {
            sql.append(" and v.visit_date >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and v.visit_date <= :to");
            params.put("to", f.to());
        }
        if (f.locationType() != null) {
            sql.append(" and v.location_type = :type");
            params.put("type", f.locationType().name());
        }
        if (f.municipalityCode() != null && !f.municipalityCode().isBlank()) {
            sql.append(" and v.municipality_code = :municipality");
            params.put("municipality", f.municipalityCode());
        }
        if (f.purpose() != null) {
            sql.append(" and v.purpose = :purpose");
            params.put("purpose", f.purpose().name());
        }
        if (f.monitor() != null && !f.monitor().isBlank()) {
            sql.append(" and exists (select 1 from visit_monitor m where m.visit_id = v.id and m.username = :monitor)");
            params.put("monitor", f.monitor());
        }
        return new Where(sql.toString(), params);
    }

    long count(@Nullable Long partnerScope, VisitFilter filter) {
        Where w = where(partnerScope, filter);
        return jdbc.sql("select count(*) from monitoring_visit v" + w.sql()).params(w.params()).query(Long.class).single();
    }

    List<VisitSummary> page(@Nullable Long partnerScope, VisitFilter filter, Pageable pageable) {
        Where w = where(partnerScope, filter);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return jdbc.sql("""
                        select v.id, v.visit_date, v.location_type, v.municipality_code, coalesce(s.name, v.place, '') as place,
                               v.purpose, p.code as partner_code, v.persons_observed, v.follow_up_on,
                               v.follow_up_done_at is not null as follow_up_done,
                               (select string_agg(m.username, ', ' order by m.username) from visit_monitor m where m.visit_id = v.id) as monitors,
                               """ + OTHERS + """
                                + (select count(*) from visit_person vp where vp.visit_id = v.id) as people_met
                        from monitoring_visit v
                        join partner p on p.id = v.owning_partner
                        left join shelter s on s.id = v.shelter_id""" + w.sql()
                        + orderBy(pageable.getSort()) + " limit :limit offset :offset")
                .params(params).query(VisitQueryRepository::summary).list();
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = SORTS.get(o.getProperty());
            if (column != null) {
                parts.add(column + (o.isAscending() ? " asc" : " desc") + " nulls last");
            }
        }
        if (parts.isEmpty()) {
            parts.add("v.visit_date desc");
        }
        parts.add("v.id desc");
        return " order by " + String.join(", ", parts);
    }

    private static VisitSummary summary(ResultSet rs, int row) throws SQLException {
        return new VisitSummary(rs.getLong("id"), rs.getObject("visit_date", LocalDate.class),
                LocationType.valueOf(rs.getString("location_type")), rs.getString("municipality_code"), rs.getString("place"),
                VisitPurpose.valueOf(rs.getString("purpose")), rs.getString("partner_code"),
                rs.getString("monitors") == null ? "" : rs.getString("monitors"), rs.getInt("people_met"),
                rs.getObject("persons_observed", Integer.class), rs.getObject("follow_up_on", LocalDate.class),
                rs.getBoolean("follow_up_done"));
    }

    /** Everyone who made a visit the scope covers, for the monitor filter. */
    List<String> monitors(@Nullable Long partnerScope) {
        String scope = partnerScope == null ? "" : " where v.owning_partner = :partner";
        var spec = jdbc.sql("select distinct m.username from visit_monitor m join monitoring_visit v on v.id = m.visit_id"
                + scope + " order by 1");
        if (partnerScope != null) {
            spec = spec.param("partner", partnerScope);
        }
        return spec.query(String.class).list();
    }

    /** Open follow-ups of visits the user made for their partner, due by {@code until}, oldest first. */
    List<FollowUp> openFollowUps(long partner, String username, LocalDate until, int limit) {
        return jdbc.sql("""
                        select v.id, v.follow_up_on, v.visit_date, coalesce(s.name, v.place, '') as place, v.municipality_code,
                               coalesce(v.needs_identified, '') as needs
                        from monitoring_visit v
                        join visit_monitor m on m.visit_id = v.id and m.username = :me
                        left join shelter s on s.id = v.shelter_id
                        where v.owning_partner = :partner and v.follow_up_required and v.follow_up_done_at is null
                          and v.follow_up_on <= :until
                        order by v.follow_up_on, v.id
                        limit :limit""")
                .param("me", username).param("partner", partner).param("until", until).param("limit", limit)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    String needs = rs.getString("needs");
                    return new FollowUp(FollowUpKind.VISIT, id, rs.getObject("follow_up_on", LocalDate.class),
                            rs.getString("place") + " (" + rs.getString("municipality_code") + "), "
                                    + rs.getObject("visit_date", LocalDate.class).format(Formats.DATE),
                            needs.length() > 200 ? needs.substring(0, 199) + "…" : needs, "visits/" + id);
                })
                .list();
    }

    String partnerCode(long partnerId) {
        return jdbc.sql("select code from partner where id = :p").param("p", partnerId).query(String.class).single();
    }

    /** Moves a merged person's visit links to the kept record (a visit that had both keeps one). */
    void movePerson(long keptId, long mergedId) {
        jdbc.sql("update visit_person set person_id = :k where person_id = :m"
                        + " and not exists (select 1 from visit_person x where x.visit_id = visit_person.visit_id and x.person_id = :k)")
                .param("k", keptId).param("m", mergedId).update();
        jdbc.sql("delete from visit_person where person_id = :m").param("m", mergedId).update();
    }
}
