package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A next action is overdue from the day after its date, by the injected clock in the office's zone:
 * just before midnight a session's later follow-up leaves it alone, just after midnight the
 * follow-up replaces it. The case list's overdue mark reads the same day.
 */
class NextActionClockTest {

    private static final ZoneId PRISHTINA = ZoneId.of("Europe/Belgrade");
    private static final LocalDate NEXT_ACTION = LocalDate.of(2026, 3, 10);
    private static final LocalDate FOLLOW_UP = LocalDate.of(2026, 3, 20);
    private static final long PARTNER = 7;

    private static Clock at(LocalDateTime local) {
        return Clock.fixed(local.atZone(PRISHTINA).toInstant(), PRISHTINA);
    }

    /** Whether a session's follow-up became the case's next action, at that moment. */
    private static boolean followUpReplacesNextAction(Clock clock) {
        CaseAccess access = mock(CaseAccess.class);
        CurrentUser currentUser = mock(CurrentUser.class);
        CaseQueryRepository queries = mock(CaseQueryRepository.class);
        AppUser user = mock(AppUser.class);
        when(user.partnerId()).thenReturn(PARTNER);
        when(currentUser.require()).thenReturn(user);
        ProtectionCase c = new ProtectionCase(CaseType.GENERAL_PROTECTION, 1, PARTNER, "lawyer.crpk", LocalDate.of(2026, 3, 1));
        c.apply(new CaseUpdate(CasePriority.NORMAL, NEXT_ACTION, null, null, null, null, null));
        when(access.visibleCase(42L)).thenReturn(c);
        CaseWorkflowService workflow = new CaseWorkflowService(mock(CaseRepository.class), queries, access, mock(PersonService.class),
                currentUser, mock(AuditService.class), mock(ApplicationEventPublisher.class), List.of(), mock(OpenItemSources.class), clock);

        workflow.followUpPlanned(42L, FOLLOW_UP);

        return mockingDetails(queries).getInvocations().stream().anyMatch(i -> i.getMethod().getName().equals("setNextAction"));
    }

    @Test
    void aNextActionIsOverdueFromTheDayAfterItsDate() {
        Clock lastMinute = at(LocalDateTime.of(2026, 3, 10, 23, 59, 59));
        Clock justAfterMidnight = at(LocalDateTime.of(2026, 3, 11, 0, 0, 1));

        assertThat(followUpReplacesNextAction(lastMinute)).as("due today: not overdue, the later follow-up waits").isFalse();
        assertThat(followUpReplacesNextAction(justAfterMidnight)).as("overdue: the follow-up becomes the next action").isTrue();

        CaseSummary row = new CaseSummary(42, "C-2026-000042", CaseType.GENERAL_PROTECTION, 1, "–", PARTNER, "lawyer.crpk",
                CasePriority.NORMAL, CaseStatus.OPEN, LocalDate.of(2026, 3, 1), NEXT_ACTION, null, null);
        assertThat(row.overdue(LocalDate.now(lastMinute))).isFalse();
        assertThat(row.overdue(LocalDate.now(justAfterMidnight))).isTrue();
    }
}
