package org.protectioncases.counselling;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Session lists in SQL: scoped, filtered, paged and counted by PostgreSQL, topics aggregated in
 * the same query. A partner sees the sessions it held and those on cases it now owns.
 */
@Repository
class SessionQueryRepository {

    /** The restricted topics as an SQL list of literals (from the enum, never from input). */
    private static final String RESTRICTED_TOPICS = Arrays.stream(SessionTopic.values()).filter(SessionTopic::restricted)
            .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    SessionQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /**
     * {@code viewer} is the reader's own partner (a UNHCR manager's is UNHCR, which holds no sessions):
     * restricted topics are shown and filtered on only in the sessions it held.
     */
    private static Where where(@Nullable Long partner, @Nullable Long viewer, SessionFilter f) {
        StringBuilder sql = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewer);
        if (partner != null) {
            sql.append(" and (s.owning_partner = :partner or c.owning_partner = :partner)");
            params.put("partner", partner);
        }
        if (f.counsellor() != null && !f.counsellor().isBlank()) {
            sql.append(" and s.counsellor = :counsellor");
            params.put("counsellor", f.counsellor());
        }
        if (f.from() != null) {
            sql.append(" and s.held_at >= :from");
            params.put("from", Timestamp.valueOf(f.from().atStartOfDay()));
        }
        if (f.to() != null) {
            sql.append(" and s.held_at < :to");
            params.put("to", Timestamp.valueOf(f.to().plusDays(1).atStartOfDay()));
        }
        if (f.aidType() != null) {
            sql.append(" and s.aid_type = :aid");
            params.put("aid", f.aidType().name());
        }
        if (f.topic() != null) {
            sql.append(" and exists (select 1 from counselling_session_topic t where t.session_id = s.id and t.topic = :topic)");
            params.put("topic", f.topic().name());
            if (f.topic().restricted()) {
                // Otherwise filtering on SGBV would list other partners' survivors by name.
                sql.append(" and s.owning_partner = cast(:viewer as bigint)");
            }
        }
        return new Where(sql.toString(), params);
    }

    long count(@Nullable Long partner, @Nullable Long viewer, SessionFilter filter) {
        Where w = where(partner, viewer, filter);
        return jdbc.sql("select count(*) from counselling_session s join protection_case c on c.id = s.case_id" + w.sql())
                .params(w.params()).query(Long.class).single();
    }

    /** Newest first. */
    List<SessionRow> page(@Nullable Long partner, @Nullable Long viewer, SessionFilter filter, Pageable pageable) {
        Where w = where(partner, viewer, filter);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return jdbc.sql("""
                        select s.id, s.case_id, c.case_no, s.person_id, p.given_name || ' ' || p.family_name as label,
                               p.registration_no, s.counsellor, s.held_at, s.duration_minutes, s.mode, s.aid_type,
                               s.follow_up_on,
                               (select string_agg(t.topic, ',' order by t.topic) from counselling_session_topic t
                                 where t.session_id = s.id and (t.topic not in (%s) or s.owning_partner = cast(:viewer as bigint))) as topics
                        from counselling_session s
                        join protection_case c on c.id = s.case_id
                        join person p on p.id = s.person_id""".formatted(RESTRICTED_TOPICS) + w.sql() + " order by s.held_at desc, s.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, i) -> new SessionRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_no"),
                        rs.getLong("person_id"), rs.getString("label") + " (" + rs.getString("registration_no") + ")",
                        rs.getString("counsellor"), rs.getTimestamp("held_at").toLocalDateTime(),
                        rs.getInt("duration_minutes"), SessionMode.valueOf(rs.getString("mode")),
                        LegalAidType.valueOf(rs.getString("aid_type")), topics(rs.getString("topics")),
                        rs.getObject("follow_up_on", LocalDate.class)))
                .list();
    }

    private static List<SessionTopic> topics(@Nullable String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(SessionTopic::valueOf).toList();
    }

    /**
     * The counsellor's open follow-ups due by {@code until}, oldest first. A follow-up that became
     * the next action of an open case assigned to the same person is left out: "My follow-ups" lists
     * it once, as the case's next action (marking that done marks the follow-up done too).
     */
    List<FollowUp> openFollowUps(String counsellor, LocalDate until, int limit) {
        return jdbc.sql("""
                        select s.id, s.follow_up_on, c.case_no, p.given_name || ' ' || p.family_name as label, s.next_steps
                        from counselling_session s
                        join protection_case c on c.id = s.case_id
                        join person p on p.id = s.person_id
                        where s.counsellor = :me and s.follow_up_on is not null and s.follow_up_done_at is null
                          and s.follow_up_on <= :until
                          and not (c.assigned_to = s.counsellor and c.status <> 'CLOSED'
                                   and c.next_action_date is not null and c.next_action_date = s.follow_up_on)
                        order by s.follow_up_on, s.id limit :limit""")
                .param("me", counsellor).param("until", until).param("limit", limit)
                .query((rs, i) -> new FollowUp(FollowUpKind.SESSION, rs.getLong("id"), rs.getObject("follow_up_on", LocalDate.class),
                        rs.getString("case_no") + " · " + rs.getString("label"),
                        rs.getString("next_steps") == null ? "" : rs.getString("next_steps"), "sessions/" + rs.getLong("id")))
                .list();
    }
}
