package org.protectioncases.monitoring;

import java.time.LocalDate;
import java.util.List;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpSource;
import org.springframework.stereotype.Component;

/** Visit follow-ups for "my follow-ups"; goes through the secured {@link VisitService}. */
@Component
class VisitFollowUps implements FollowUpSource {

    private final VisitService visits;

    VisitFollowUps(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public FollowUpKind kind() {
        return FollowUpKind.VISIT;
    }

    @Override
    public List<FollowUp> openFollowUps(LocalDate until, int limit) {
        return visits.openFollowUps(until, limit);
    }

    @Override
    public void markDone(long recordId) {
        visits.markFollowUpDone(recordId);
    }
}
