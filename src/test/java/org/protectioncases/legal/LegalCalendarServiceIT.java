package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.Community;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The legal calendar's follow-ups next to its hearings and deadlines, against the real database: the
 * user's own as in "My follow-ups", the coordinator's partner's by lawyer, never another partner's,
 * and only those of the period asked.
 */
@SpringBootTest
class LegalCalendarServiceIT extends ActingUsers {

    @Autowired
    LegalCalendarService calendar;
    @Autowired
    CaseEventService events;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    CounsellingService sessions;
    @Autowired
    TestRecords records;

    private CaseDetails caseWithNextAction(String account, String given, LocalDate nextAction) {
        CaseDetails c = records.openCase(account, person(given, "Kalendari", Sex.FEMALE, LocalDate.of(1984, 5, 6), Community.ROMA, "PRI"),
                id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Calendar", null, null, LocalDate.now().minusDays(10)));
        return as(account, () -> workflow.update(c.id(), c.version(),
                new CaseUpdate(CasePriority.NORMAL, nextAction, "Calendar", null, null, null, null)));
    }

    private static boolean followUpAt(CalendarEntry e, String route) {
        return e.category() == CalendarEntry.Category.FOLLOW_UP && e.route().equals(route);
    }

    private static List<String> followUpRoutes(List<CalendarEntry> entries) {
        return entries.stream().filter(CalendarEntry::followUp).map(CalendarEntry::route).toList();
    }

    @Test
    void followUpsAreShownWithHearingsAndDeadlinesScopedLikeMyFollowUpsAndByLawyer() {
        LocalDate today = LocalDate.now();
        LocalDate from = today.plusDays(1);
        LocalDate until = today.plusDays(10);
        CaseDetails mine = caseWithNextAction("lawyer.crpk", "Mimoza", today.plusDays(3));
        CaseDetails later = caseWithNextAction("lawyer.crpk", "Teuta", today.plusDays(20));
        CaseDetails coordinators = caseWithNextAction("coordinator.crpk", "Shpresa", today.plusDays(5));
        CaseDetails otherPartner = caseWithNextAction("lawyer.at", "Lindita", today.plusDays(3));
        CaseEventDto hearing = as("lawyer.crpk", () -> events.addHearing(mine.id(),
                new EventForms.Hearing(today.plusDays(4), LocalTime.of(9, 0), "Basic Court Prishtina", "2", null)));
        // A session's follow-up later than the case's next action leaves the next action as it was: both are follow-ups.
        SessionDto session = as("lawyer.crpk", () -> sessions.log(mine.id(), new SessionForm(LocalDateTime.now().minusHours(2).withNano(0),
                30, SessionMode.PHONE, LegalAidType.INFORMATION, EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION), Set.of(), false, null,
                "Calendar test", null, "Bring the birth certificate", today.plusDays(6), null)));

        // The lawyer's own: the case's next action and the session's follow-up, linked to their records, with the hearing.
        List<CalendarEntry> own = as("lawyer.crpk", () -> calendar.entries(false, null, from, until, 0, LegalCalendarService.MAX));
        assertThat(own).filteredOn(e -> followUpAt(e, "cases/" + mine.id())).singleElement().satisfies(e -> {
            assertThat(e.kindKey()).isEqualTo("followups.kind.CASE");
            assertThat(e.date()).isEqualTo(today.plusDays(3));
            assertThat(e.time()).isNull();
            assertThat(e.label()).startsWith(mine.summary().caseNo());
        });
        assertThat(own).filteredOn(e -> followUpAt(e, "sessions/" + session.id())).singleElement().satisfies(e -> {
            assertThat(e.kindKey()).isEqualTo("followups.kind.SESSION");
            assertThat(e.date()).isEqualTo(today.plusDays(6));
        });
        assertThat(own).filteredOn(e -> e.category() == CalendarEntry.Category.HEARING && e.id() == hearing.id()).hasSize(1);
        // Out of the period, the coordinator's and another partner's: not there. Hearings hold no follow-up twice.
        assertThat(followUpRoutes(own)).doesNotContain("cases/" + later.id(), "cases/" + coordinators.id(), "cases/" + otherPartner.id());
        assertThat(own).noneMatch(e -> e.followUp() && (e.kindKey().endsWith("HEARING") || e.kindKey().endsWith("DEADLINE")));
        assertThat(own).isSortedAccordingTo(Comparator.comparing(CalendarEntry::date));
        // A wider period takes in the later one.
        assertThat(followUpRoutes(as("lawyer.crpk", () -> calendar.entries(false, null, from, today.plusDays(25), 0, 1000))))
                .contains("cases/" + later.id());
        // A lawyer asking for the whole partner's gets their own only.
        assertThat(followUpRoutes(as("lawyer.crpk", () -> calendar.entries(true, "coordinator.crpk", from, until, 0, 1000))))
                .contains("cases/" + mine.id()).doesNotContain("cases/" + coordinators.id());

        // The coordinator's own, then the whole partner's with whose each is; another partner's never.
        assertThat(followUpRoutes(as("coordinator.crpk", () -> calendar.entries(false, null, from, until, 0, 1000))))
                .contains("cases/" + coordinators.id()).doesNotContain("cases/" + mine.id(), "sessions/" + session.id());
        List<CalendarEntry> partner = as("coordinator.crpk", () -> calendar.entries(true, null, from, until, 0, 1000));
        assertThat(partner).filteredOn(e -> followUpAt(e, "cases/" + mine.id())).singleElement()
                .satisfies(e -> assertThat(e.staff()).isEqualTo("lawyer.crpk"));
        assertThat(partner).filteredOn(e -> followUpAt(e, "sessions/" + session.id())).singleElement().satisfies(e -> {
            assertThat(e.staff()).isEqualTo("lawyer.crpk");
            // The counsellor's next steps stay on the session's page.
            assertThat(e.detail()).isEmpty();
        });
        assertThat(partner).filteredOn(e -> followUpAt(e, "cases/" + coordinators.id())).singleElement()
                .satisfies(e -> assertThat(e.staff()).isEqualTo("coordinator.crpk"));
        assertThat(followUpRoutes(partner)).doesNotContain("cases/" + otherPartner.id(), "cases/" + later.id());
        assertThat(followUpRoutes(as(Role.PARTNER_COORDINATOR, "AT", () -> calendar.entries(true, null, from, until, 0, 1000))))
                .contains("cases/" + otherPartner.id()).doesNotContain("cases/" + mine.id(), "sessions/" + session.id(), "cases/" + coordinators.id());

        // By lawyer: one lawyer's hearings and follow-ups, not the others'.
        List<CalendarEntry> lawyers = as("coordinator.crpk", () -> calendar.entries(true, "lawyer.crpk", from, until, 0, 1000));
        assertThat(followUpRoutes(lawyers)).contains("cases/" + mine.id(), "sessions/" + session.id()).doesNotContain("cases/" + coordinators.id());
        assertThat(lawyers).anyMatch(e -> e.category() == CalendarEntry.Category.HEARING && e.id() == hearing.id());
        assertThat(lawyers).allMatch(e -> "lawyer.crpk".equals(e.staff()));
        List<CalendarEntry> coordinatorsOnly = as("coordinator.crpk", () -> calendar.entries(true, "coordinator.crpk", from, until, 0, 1000));
        assertThat(followUpRoutes(coordinatorsOnly)).contains("cases/" + coordinators.id()).doesNotContain("cases/" + mine.id());
        assertThat(coordinatorsOnly).noneMatch(e -> e.category() == CalendarEntry.Category.HEARING && e.id() == hearing.id());

        // Pages of the merged list follow one another.
        List<CalendarEntry> first = as("coordinator.crpk", () -> calendar.entries(true, null, from, until, 0, 2));
        List<CalendarEntry> second = as("coordinator.crpk", () -> calendar.entries(true, null, from, until, 2, 2));
        assertThat(first).containsExactlyElementsOf(partner.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(partner.subList(2, 4));
    }
}
