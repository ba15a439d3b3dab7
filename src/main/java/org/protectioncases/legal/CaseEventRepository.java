package org.protectioncases.legal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case events and deadline rules, in SQL (row-level security scopes case_event). */
@Repository
class CaseEventRepository {

    private static final String SELECT = """
            select e.*, c.case_no, c.assigned_to from case_event e join protection_case c on c.id = e.case_id""";

    private final JdbcClient jdbc;

    CaseEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long caseId, EventKind kind, LocalDate date, @Nullable LocalTime time, @Nullable String place, @Nullable String room,
                @Nullable DecisionType decisionType, String title, @Nullable Long ruleId, @Nullable Long sourceEventId, String username) {
        return jdbc.sql("""
                        insert into case_event (case_id, kind, event_date, event_time, place, room, decision_type, title, rule_id,
                            source_event_id, created_by)
                        values (:c, :k, :d, :t, :p, :r, :dt, :title, :rule, :src, :u) returning id""")
                .param("c", caseId).param("k", kind.name()).param("d", date).param("t", time).param("p", place).param("r", room)
                .param("dt", decisionType == null ? null : decisionType.name()).param("title", title).param("rule", ruleId)
                .param("src", sourceEventId).param("u", username)
                .query(Long.class).single();
    }

    Optional<CaseEventDto> find(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(CaseEventRepository::event).optional();
    }

    List<CaseEventDto> forCase(long caseId, int limit) {
        return jdbc.sql(SELECT + " where e.case_id = :c order by e.event_date desc, e.event_time desc nulls last, e.id desc limit :l")
                .param("c", caseId).param("l", limit).query(CaseEventRepository::event).list();
    }

    boolean markDone(long id, long version, String username, LocalDate today) {
        return jdbc.sql("""
                        update case_event set done_on = :today, done_by = :u, version = version + 1
                        where id = :id and version = :v and done_on is null and kind <> 'DECISION_SERVED'""")
                .param("today", today).param("u", username).param("id", id).param("v", version).update() == 1;
    }

    boolean hasOpenDeadline(long caseId) {
        return jdbc.sql("select exists (select 1 from case_event where case_id = :c and kind = 'DEADLINE' and done_on is null)")
                .param("c", caseId).query(Boolean.class).single();
    }

    /**
     * Open hearings and deadlines due on or before {@code until} of the partner's cases, oldest
     * first; only those of cases assigned to {@code assignee} when given. A page at a time.
     */
    List<CaseEventDto> upcoming(long partnerId, @Nullable String assignee, @Nullable LocalDate from, LocalDate until,
                                int offset, int limit) {
        return jdbc.sql(SELECT + """
                         where e.done_on is null and e.kind <> 'DECISION_SERVED' and c.owning_partner = :partner
                          and c.status <> 'CLOSED'
                          and (cast(:assignee as varchar) is null or c.assigned_to = :assignee)
                          and (cast(:from as date) is null or e.event_date >= :from) and e.event_date <= :until
                        order by e.event_date, e.event_time nulls first, e.id offset :o limit :l""")
                .param("partner", partnerId).param("assignee", assignee).param("from", from).param("until", until)
                .param("o", offset).param("l", limit)
                .query(CaseEventRepository::event).list();
    }

    private static CaseEventDto event(ResultSet rs, int row) throws SQLException {
        String dt = rs.getString("decision_type");
        return new CaseEventDto(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_no"), rs.getString("assigned_to"),
                EventKind.valueOf(rs.getString("kind")), rs.getObject("event_date", LocalDate.class),
                rs.getObject("event_time", LocalTime.class), rs.getString("place"), rs.getString("room"),
                dt == null ? null : DecisionType.valueOf(dt), rs.getString("title"), rs.getObject("rule_id", Long.class),
                rs.getObject("source_event_id", Long.class), rs.getObject("done_on", LocalDate.class), rs.getString("done_by"),
                rs.getString("created_by"), rs.getLong("version"));
    }

    // --- rules (reference data, not partner data)

    List<DeadlineRuleDto> rules(boolean activeOnly, @Nullable DecisionType type) {
        return jdbc.sql("""
                        select * from deadline_rule
                        where (not :activeOnly or active) and (cast(:type as varchar) is null or decision_type = :type)
                        order by decision_type, days, id limit 500""")
                .param("activeOnly", activeOnly).param("type", type == null ? null : type.name())
                .query((rs, i) -> new DeadlineRuleDto(rs.getLong("id"), DecisionType.valueOf(rs.getString("decision_type")),
                        rs.getString("name"), rs.getInt("days"), DayCount.valueOf(rs.getString("day_count")), rs.getBoolean("active"),
                        rs.getLong("version")))
                .list();
    }

    Optional<DeadlineRuleDto> rule(long id) {
        return rules(false, null).stream().filter(r -> r.id() != null && r.id() == id).findFirst();
    }

    long insertRule(DecisionType type, String name, int days, DayCount count, boolean active) {
        return jdbc.sql("insert into deadline_rule (decision_type, name, days, day_count, active) values (:t, :n, :d, :c, :a) returning id")
                .param("t", type.name()).param("n", name).param("d", days).param("c", count.name()).param("a", active)
                .query(Long.class).single();
    }

    boolean updateRule(long id, long version, DecisionType type, String name, int days, DayCount count, boolean active) {
        return jdbc.sql("""
                        update deadline_rule set decision_type = :t, name = :n, days = :d, day_count = :c, active = :a,
                            updated_at = now(), version = version + 1
                        where id = :id and version = :v""")
                .param("t", type.name()).param("n", name).param("d", days).param("c", count.name()).param("a", active)
                .param("id", id).param("v", version).update() == 1;
    }
}
