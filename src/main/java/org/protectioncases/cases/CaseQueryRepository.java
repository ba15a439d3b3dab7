package org.protectioncases.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Case lists and the case timeline in SQL: paged, counted and scoped by PostgreSQL. The list joins
 * the person table for the "who" column so a page costs one query, not one per row.
 */
@Repository
class CaseQueryRepository {

    private static final Map<String, String> SORTS = Map.of(
            "caseNo", "c.id", "type", "c.case_type", "status", "c.status", "priority", "c.priority",
            "openedOn", "c.opened_on", "nextActionDate", "c.next_action_date", "assignedTo", "c.assigned_to");

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseQueryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(@Nullable Long partnerScope, @Nullable String me, CaseFilter f) {
        StringBuilder sql = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (partnerScope != null) {
            sql.append(" and c.owning_partner = :partner");
            params.put("partner", partnerScope);
        }
        if (f.mine() && me != null) {
            sql.append(" and c.assigned_to = :me");
            params.put("me", me);
        }
        if (f.type() != null) {
            sql.append(" and c.case_type = :type");
            params.put("type", f.type().name());
        }
        if (f.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.assignedTo() != null && !f.assignedTo().isBlank()) {
            sql.append(" and c.assigned_to = :assignee");
            params.put("assignee", f.assignedTo());
        }
        if (f.overdue()) {
            // The app's "today" (its clock), as the list's overdue mark has it, not the database's.
            sql.append(" and c.status <> 'CLOSED' and c.next_action_date < :today");
            params.put("today", LocalDate.now(clock));
        }
        if (f.personId() != null) {
            sql.append(" and c.principal_person_id = :person");
            params.put("person", f.personId());
        }
        if (f.search() != null && !f.search().isBlank()) {
            // Every word in the folded name (trigram index on person.search_name), or the whole text in
            // the case or registration number.
            String text = f.search().strip().replace("\\", "").replace("%", "").replace("_", "\\_");
            List<String> words = Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).limit(5).toList();
            StringBuilder name = new StringBuilder("true");
            for (int i = 0; i < words.size(); i++) {
                name.append(" and p.search_name like '%' || pc_fold(:word").append(i).append(") || '%'");
                params.put("word" + i, words.get(i));
            }
            sql.append(" and (upper(c.case_no) like :number or upper(p.registration_no) like :number or (").append(name).append("))");
            params.put("number", "%" + text.toUpperCase(Locale.ROOT) + "%");
        }
        return new Where(sql.toString(), params);
    }

    long count(@Nullable Long partnerScope, @Nullable String me, CaseFilter filter) {
        Where w = where(partnerScope, me, filter);
        String from = searches(filter) ? " from protection_case c join person p on p.id = c.principal_person_id" : " from protection_case c";
        return jdbc.sql("select count(*)" + from + w.sql()).params(w.params()).query(Long.class).single();
    }

    List<CaseSummary> page(@Nullable Long partnerScope, @Nullable String me, CaseFilter filter, Pageable pageable) {
        Where w = where(partnerScope, me, filter);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return jdbc.sql("""
                        select c.id, c.case_no, c.case_type, c.principal_person_id, c.owning_partner, c.assigned_to, c.priority,
                               c.status, c.opened_on, c.next_action_date, c.closed_on, c.outcome,
                               p.registration_no || ' ' || p.given_name || ' ' || p.family_name as person_label
                        from protection_case c join person p on p.id = c.principal_person_id""" + w.sql()
                        + orderBy(pageable.getSort()) + " limit :limit offset :offset")
                .params(params).query(CaseQueryRepository::summary).list();
    }

    /**
     * Streams every case of the filter in the list's default order (newest first) to {@code rows},
     * through a server-side cursor (fetch size) so memory stays flat however long the list is. The
     * person columns are selected only for readers who may see them. Must run in a transaction.
     */
    void stream(@Nullable Long partnerScope, @Nullable String me, CaseFilter filter, boolean withPerson,
                RowCallbackHandler rows) {
        Where w = where(partnerScope, me, filter);
        jdbc.sql("select c.case_no, c.case_type, c.status, c.priority, o.code as partner_code, c.opened_on,"
                        + " c.next_action_date, c.assigned_to, c.closed_on, c.outcome"
                        + (withPerson ? ", p.registration_no, p.given_name || ' ' || p.family_name as person_name" : "")
                        + " from protection_case c join partner o on o.id = c.owning_partner"
                        + (withPerson || searches(filter) ? " join person p on p.id = c.principal_person_id" : "")
                        + w.sql() + " order by c.id desc")
                .params(w.params()).withFetchSize(1_000).query(rows);
    }

    private static boolean searches(CaseFilter f) {
        return f.search() != null && !f.search().isBlank();
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = SORTS.get(o.getProperty());
            if (column != null) {
                parts.add(column + (o.isAscending() ? " asc" : " desc") + " nulls last");
            }
        }
        parts.add("c.id desc");
        return " order by " + String.join(", ", parts);
    }

    static CaseSummary summary(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CaseSummary(rs.getLong("id"), rs.getString("case_no"), CaseType.valueOf(rs.getString("case_type")),
                rs.getLong("principal_person_id"), rs.getString("person_label"), rs.getLong("owning_partner"),
                rs.getString("assigned_to"), CasePriority.valueOf(rs.getString("priority")), CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class), rs.getObject("next_action_date", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), outcome == null ? null : CaseOutcome.valueOf(outcome));
    }

    void recordStatusChange(long caseId, @Nullable CaseStatus from, CaseStatus to, @Nullable String reason, String by) {
        jdbc.sql("insert into case_status_change (case_id, from_status, to_status, reason, changed_by) values (:c, :f, :t, :r, :b)")
                .param("c", caseId).param("f", from == null ? null : from.name()).param("t", to.name())
                .param("r", reason).param("b", by).update();
    }

    List<StatusChangeDto> timeline(long caseId) {
        return jdbc.sql("select from_status, to_status, reason, changed_by, changed_at from case_status_change"
                        + " where case_id = :c order by changed_at, id")
                .param("c", caseId)
                .query((rs, i) -> new StatusChangeDto(rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    void addMember(long caseId, long personId, String by) {
        jdbc.sql("insert into case_member (case_id, person_id, added_by) values (:c, :p, :b) on conflict do nothing")
                .param("c", caseId).param("p", personId).param("b", by).update();
    }

    List<CaseMember> members(long caseId) {
        return jdbc.sql("select m.person_id, p.registration_no || ' ' || p.given_name || ' ' || p.family_name from case_member m"
                        + " join person p on p.id = m.person_id where m.case_id = :c order by m.added_at")
                .param("c", caseId).query((rs, i) -> new CaseMember(rs.getLong(1), rs.getString(2))).list();
    }

    void setNextAction(long caseId, LocalDate date) {
        jdbc.sql("update protection_case set next_action_date = :d where id = :c").param("d", date).param("c", caseId).update();
    }

    String caseNo(long caseId) {
        return jdbc.sql("select case_no from protection_case where id = :c").param("c", caseId).query(String.class).single();
    }

    /** Open cases assigned to {@code me} with a next action due by {@code until}, oldest first. */
    List<FollowUp> nextActions(String me, LocalDate until, int limit) {
        return jdbc.sql("""
                        select c.id, c.case_no, c.next_action_date, c.case_type, p.given_name || ' ' || p.family_name as label
                        from protection_case c join person p on p.id = c.principal_person_id
                        where c.assigned_to = :me and c.status <> 'CLOSED' and c.next_action_date <= :until
                        order by c.next_action_date, c.id limit :limit""")
                .param("me", me).param("until", until).param("limit", limit)
                .query((rs, i) -> new FollowUp(FollowUpKind.CASE,
                        rs.getLong("id"), rs.getObject("next_action_date", LocalDate.class),
                        rs.getString("case_no") + " · " + rs.getString("label"), "", "cases/" + rs.getLong("id")))
                .list();
    }

    /** Open cases of the partner with a next action before {@code today}, per assignee (partial index on next_action_date). */
    Map<String, Long> overdueByCaseworker(long partner, LocalDate today) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                        select c.assigned_to, count(*) as n from protection_case c
                        where c.owning_partner = :partner and c.status <> 'CLOSED' and c.next_action_date < :today
                        group by c.assigned_to""")
                .param("partner", partner).param("today", today)
                .query(rs -> {
                    counts.put(rs.getString("assigned_to"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Open cases of the partner by caseworker and status. A case whose assignee is disabled or no
     * longer with the partner counts as unassigned (assignedTo null): someone must pick it up.
     */
    List<CaseloadRow> caseload(long partner) {
        return jdbc.sql("""
                        select case when u.id is null then null else c.assigned_to end as assignee, c.status, count(*) as n
                        from protection_case c
                        left join user_account u on u.username = c.assigned_to and u.enabled and u.partner_id = c.owning_partner
                        where c.owning_partner = :partner and c.status <> 'CLOSED'
                        group by 1, 2 order by 1 nulls first, 2""")
                .param("partner", partner)
                .query((rs, i) -> new CaseloadRow(rs.getString("assignee"), CaseStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
    }
}
