package org.protectioncases.counselling;

import java.time.LocalDate;
import java.util.List;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpSource;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Role;
import org.springframework.stereotype.Component;

/** Session follow-ups for "My follow-ups": the counsellor's own. */
@Component
class SessionFollowUps implements FollowUpSource {

    private final CounsellingService service;
    private final CurrentUser currentUser;

    SessionFollowUps(CounsellingService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @Override
    public FollowUpKind kind() {
        return FollowUpKind.SESSION;
    }

    @Override
    public List<FollowUp> openFollowUps(LocalDate until, int limit) {
        Role role = currentUser.require().role();
        return role == Role.PARTNER_LAWYER || role == Role.PARTNER_COORDINATOR ? service.myFollowUps(until, limit) : List.of();
    }

    @Override
    public void markDone(long recordId) {
        service.markFollowUpDone(recordId);
    }
}
