package org.protectioncases.counselling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpSource;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Session follow-ups for "My follow-ups": the counsellor's own. */
@Component
class SessionFollowUps implements FollowUpSource {

    private final CounsellingService service;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    SessionFollowUps(CounsellingService service, CurrentUser currentUser, JdbcClient jdbc) {
        this.service = service;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    @Override
    public FollowUpKind kind() {
        return FollowUpKind.SESSION;
    }

    @Override
    public List<FollowUp> openFollowUps(LocalDate until, int limit) {
        return Permission.LOG_SESSIONS.allows(currentUser.require().role()) ? service.myFollowUps(until, limit) : List.of();
    }

    @Override
    public void markDone(long recordId) {
        service.markFollowUpDone(recordId);
    }

    /**
     * The coordinator's partner's overdue session follow-ups per counsellor (FollowUpService checks the role),
     * without those counted already as their case's next action (as in "My follow-ups").
     * In a transaction of its own: outside one, the pool's login role reads no session (row-level security).
     */
    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> overdueByStaff(LocalDate today) {
        Long partner = currentUser.require().partnerId();
        Map<String, Long> counts = new TreeMap<>();
        if (partner == null) {
            return counts;
        }
        jdbc.sql("""
                        select s.counsellor, count(*) as n from counselling_session s
                        join protection_case c on c.id = s.case_id
                        where s.owning_partner = :partner and s.follow_up_on < :today and s.follow_up_done_at is null
                          and not (c.assigned_to = s.counsellor and c.status <> 'CLOSED'
                                   and c.next_action_date is not null and c.next_action_date = s.follow_up_on)
                        group by s.counsellor""")
                .param("partner", partner).param("today", today)
                .query(rs -> {
                    counts.put(rs.getString("counsellor"), rs.getLong("n"));
                });
        return counts;
    }
}
