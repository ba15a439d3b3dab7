package org.protectioncases.counselling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpSource;
import org.protectioncases.followups.StaffFollowUp;
import org.protectioncases.security.AppUser;
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

    /**
     * The coordinator's partner's open session follow-ups in the period, each with its counsellor,
     * without those shown already as their case's next action (as in "My follow-ups"). The
     * counsellor's next steps are not given: only the session's own page shows them.
     */
    @Override
    @Transactional(readOnly = true)
    public List<StaffFollowUp> partnerFollowUps(@Nullable LocalDate from, LocalDate until, int limit) {
        AppUser user = currentUser.require();
        if (!Permission.COORDINATE_CASES.allows(user.role()) || user.partnerId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select s.id, s.follow_up_on, s.counsellor, c.case_no, p.given_name || ' ' || p.family_name as label
                        from counselling_session s
                        join protection_case c on c.id = s.case_id
                        join person p on p.id = s.person_id
                        where s.owning_partner = :partner and s.follow_up_done_at is null
                          and (cast(:from as date) is null or s.follow_up_on >= :from) and s.follow_up_on <= :until
                          and not (c.assigned_to = s.counsellor and c.status <> 'CLOSED'
                                   and c.next_action_date is not null and c.next_action_date = s.follow_up_on)
                        order by s.follow_up_on, s.id limit :limit""")
                .param("partner", user.partnerId()).param("from", from).param("until", until).param("limit", limit)
                .query((rs, i) -> new StaffFollowUp(rs.getString("counsellor"), new FollowUp(FollowUpKind.SESSION, rs.getLong("id"),
                        rs.getObject("follow_up_on", LocalDate.class), rs.getString("case_no") + " · " + rs.getString("label"), "",
                        "sessions/" + rs.getLong("id"))))
                .list();
    }
}
