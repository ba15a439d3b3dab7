package org.protectioncases.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpSource;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Component;

/** Case next actions for "My follow-ups": open cases assigned to the user. */
@Component
class CaseFollowUps implements FollowUpSource {

    private final CaseloadService service;
    private final CurrentUser currentUser;

    CaseFollowUps(CaseloadService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
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
}
