package org.protectioncases.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** Case next actions for "My follow-ups": open cases assigned to the user. */
@Component
class CaseFollowUps implements FollowUpSource {

    private final CaseloadService service;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    CaseFollowUps(CaseloadService service, CurrentUser currentUser, JdbcClient jdbc) {
        this.service = service;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    @Override
    public FollowUpKind kind() {
        return FollowUpKind.CASE;
    }

    @Override
    public List<FollowUp> openFollowUps(LocalDate until, int limit) {
        return Permission.WORK_ON_CASES.allows(currentUser.require().role()) ? service.myNextActions(until, limit) : List.of();
    }

    @Override
    public void markDone(long recordId) {
        service.markNextActionDone(recordId);
    }

    @Override
    public Map<String, Long> overdueByStaff(LocalDate today) {
        return service.overdueByCaseworker(today);
    }

    /**
     * The next actions of the coordinator's partner's open cases in the period, each with its
     * caseworker (FollowUpService checks the role): what "My follow-ups" shows each of them.
     */
    @Override
    @Transactional(readOnly = true)
    public List<StaffFollowUp> partnerFollowUps(@Nullable LocalDate from, LocalDate until, int limit) {
        AppUser user = currentUser.require();
        if (!Permission.COORDINATE_CASES.allows(user.role()) || user.partnerId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, c.case_no, c.next_action_date, c.assigned_to, p.given_name || ' ' || p.family_name as label
                        from protection_case c join person p on p.id = c.principal_person_id
                        where c.owning_partner = :partner and c.assigned_to is not null and c.status <> 'CLOSED'
                          and (cast(:from as date) is null or c.next_action_date >= :from) and c.next_action_date <= :until
                        order by c.next_action_date, c.id limit :limit""")
                .param("partner", user.partnerId()).param("from", from).param("until", until).param("limit", limit)
                .query((rs, i) -> new StaffFollowUp(rs.getString("assigned_to"), new FollowUp(FollowUpKind.CASE, rs.getLong("id"),
                        rs.getObject("next_action_date", LocalDate.class), rs.getString("case_no") + " · " + rs.getString("label"), "",
                        "cases/" + rs.getLong("id"))))
                .list();
    }
}
