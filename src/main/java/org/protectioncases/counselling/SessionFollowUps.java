package org.protectioncases.counselling;

import java.time.LocalDate;
import java.util.List;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpSource;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Permission;
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
        return Permission.LOG_SESSIONS.allows(currentUser.require().role()) ? service.myFollowUps(until, limit) : List.of();
    }

    @Override
    public void markDone(long recordId) {
        service.markFollowUpDone(recordId);
    }
}
