package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.LocalHttp;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The personal iCalendar feed: no session needed, parsed back by ical4j, only case numbers, revocable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarFeedIT extends ActingUsers {

    @LocalServerPort
    int port;
    @Autowired
    CalendarFeedService feeds;
    @Autowired
    CaseEventService events;
    @Autowired
    PersonService people;
    @Autowired
    TestRecords records;
    @Autowired
    CaseWorkflowService workflow;

    private HttpResponse<String> get(String path) throws Exception {
        return LocalHttp.get(port, path);
    }

    @Test
    void theFeedCarriesHearingsAndDeadlinesWithCaseNumbersOnlyAndEndsWhenRevoked() throws Exception {
        CaseDetails c = records.openCase("lawyer.crpk", person("Feedperson", "Privatename", Sex.FEMALE, LocalDate.of(1990, 4, 4),
                Community.ROMA, "PRI"),
                id -> new NewCase(id, CaseType.ASYLUM, CasePriority.NORMAL, "Appeal", null, null, LocalDate.now().minusDays(3)));
        CaseEventDto hearing = as("lawyer.crpk", () -> events.addHearing(c.id(), new EventForms.Hearing(LocalDate.now().plusDays(4),
                LocalTime.of(9, 0), "Basic Court Prizren", "7", "Feedperson Privatename hearing")));
        CaseEventDto deadline = as("lawyer.crpk", () -> events.addDeadline(c.id(), new EventForms.Deadline(LocalDate.now().plusDays(6),
                "Appeal for Feedperson", null, null)));
        // The case's next action is a follow-up in the feed too: all day, named by its kind and the app's page only.
        CaseDetails withNextAction = as("lawyer.crpk", () -> workflow.update(c.id(), c.version(), new CaseUpdate(CasePriority.NORMAL,
                LocalDate.now().plusDays(5), "Appeal", null, null, null, null)));
        String path = as("lawyer.crpk", () -> feeds.regenerate());
        assertThat(path).startsWith(CalendarFeedService.PATH).endsWith(".ics");

        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.body()).doesNotContain("Feedperson", "Privatename", "Prizren");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> vevents = calendar.getComponents("VEVENT");
        assertThat(vevents).anySatisfy(e -> {
            assertThat(e.getUid().orElseThrow().getValue()).isEqualTo("hearing-" + hearing.id() + "@protection-cases");
            assertThat(e.getSummary().getValue()).contains(c.summary().caseNo());
        });
        assertThat(vevents).anySatisfy(e -> {
            assertThat(e.getUid().orElseThrow().getValue()).isEqualTo("deadline-" + deadline.id() + "@protection-cases");
            assertThat(e.getDateTimeStart().getValue()).isEqualTo(deadline.date().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        });

        assertThat(vevents).anySatisfy(e -> {
            assertThat(e.getUid().orElseThrow().getValue()).isEqualTo("followup-case-" + c.id() + "@protection-cases");
            assertThat(e.getDateTimeStart().getValue())
                    .isEqualTo(withNextAction.fields().nextActionDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
            assertThat(e.getSummary().getValue()).endsWith(" · cases/" + c.id());
        });
        // No client's name anywhere in the parsed events (not only in the raw text, where lines are folded).
        assertThat(vevents).allSatisfy(e -> assertThat(e.toString().replace("\r\n ", "")).doesNotContain("Feedperson", "Privatename"));

        // A new address ends the old one; revoking ends the new one; a made-up one was never there.
        String renewed = as("lawyer.crpk", () -> feeds.regenerate());
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(get(renewed).statusCode()).isEqualTo(200);
        as("lawyer.crpk", () -> {
            feeds.revoke();
            return null;
        });
        assertThat(get(renewed).statusCode()).isEqualTo(404);
        assertThat(get(CalendarFeedService.PATH + "x".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        assertThat(get(CalendarFeedService.PATH + "not-a-secret").statusCode()).isEqualTo(404);
    }
}
