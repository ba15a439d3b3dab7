package org.protectioncases.legal;

import java.time.LocalDate;
import java.util.List;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpSource;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.springframework.stereotype.Component;

/**
 * Hearings and deadlines of the user's own cases in "My follow-ups" and on the home page (one
 * source per kind, as FollowUpService keys sources by kind). Marking one done marks it held or met.
 */
abstract class LegalFollowUps implements FollowUpSource {

    private final CaseEventService service;
    private final CurrentUser currentUser;
    private final EventKind eventKind;

    LegalFollowUps(CaseEventService service, CurrentUser currentUser, EventKind eventKind) {
        this.service = service;
        this.currentUser = currentUser;
        this.eventKind = eventKind;
    }

    @Override
    public List<FollowUp> openFollowUps(LocalDate until, int limit) {
        if (!Permission.WORK_ON_CASES.allows(currentUser.require().role())) {
            return List.of();
        }
        // Hearings and deadlines share a list; fetch enough of both kinds to fill this kind's limit.
        return service.upcoming(false, null, until, 0, 200).stream()
                .filter(e -> e.kind() == eventKind)
                .limit(limit)
                .map(e -> new FollowUp(kind(), e.id(), e.date(), e.caseNo() + " · " + e.title(), detail(e), "cases/" + e.caseId()))
                .toList();
    }

    private static String detail(CaseEventDto e) {
        StringBuilder b = new StringBuilder();
        if (e.time() != null) {
            b.append(e.time().format(Formats.TIME));
        }
        for (String part : new String[] {e.place(), e.room()}) {
            if (part != null) {
                b.append(b.isEmpty() ? "" : ", ").append(part);
            }
        }
        return b.toString();
    }

    @Override
    public void markDone(long recordId) {
        CaseEventDto e = service.event(recordId);
        service.markDone(recordId, e.version());
    }

    @Component
    static class Hearings extends LegalFollowUps {
        Hearings(CaseEventService service, CurrentUser currentUser) {
            super(service, currentUser, EventKind.HEARING);
        }

        @Override
        public FollowUpKind kind() {
            return FollowUpKind.HEARING;
        }
    }

    @Component
    static class Deadlines extends LegalFollowUps {
        Deadlines(CaseEventService service, CurrentUser currentUser) {
            super(service, currentUser, EventKind.DEADLINE);
        }

        @Override
        public FollowUpKind kind() {
            return FollowUpKind.DEADLINE;
        }
    }
}
