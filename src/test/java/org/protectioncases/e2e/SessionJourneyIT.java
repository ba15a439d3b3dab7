package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The speed test: a KRCT lawyer logs three sessions on a case with the keyboard alone in
 * well under two minutes; the follow-up appears in "My follow-ups" and clears; another partner's
 * lawyer cannot open the session.
 */
class SessionJourneyIT extends BrowserTestBase {

    @Autowired
    SystemAccess system;
    @Autowired
    PersonService people;
    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    CounsellingService sessions;

    @Test
    void lawyerLogsThreeSessionsWithTheKeyboardAloneInUnderTwoMinutes() {
        CaseDetails c = system.runAsAccount("lawyer.krct", () -> {
            PersonDetails p = people.register(PersonForm.of("Lirije", "Shala", Sex.FEMALE, LocalDate.of(1990, 5, 5),
                    BirthDatePrecision.EXACT, Community.EGYPTIAN, "GJA"), List.of());
            return caseWorkflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Birth registration", null, null, null));
        });
        inBrowser(page -> {
            signIn(page, "lawyer.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + c.id()));
            assertThat(page.locator("#log-session")).isVisible();
            Keyboard keys = page.keyboard();
            long start = System.nanoTime();
            for (int i = 1; i <= 3; i++) {
                keys.press("Alt+l");
                // The form opens focused on the topics (Vaadin's dialog host is not itself a visible box).
                Locator topics = page.locator("vaadin-multi-select-combo-box");
                assertThat(topics).isVisible();
                if (i > 1) {
                    // The previous session's next steps are shown while typing the new one.
                    assertThat(page.locator("#previous-next-steps")).containsText("Next step " + (i - 1));
                }
                keys.type("Civil");
                assertThat(page.locator("vaadin-multi-select-combo-box-item").first()).containsText("Civil registration");
                keys.press("ArrowDown");
                keys.press("Enter");
                keys.press("Tab");
                keys.type("Summary of session " + i);
                keys.press("Tab");
                keys.type("Outcome " + i);
                keys.press("Tab");
                keys.type("Next step " + i);
                keys.press("Enter");
                assertThat(topics).isHidden();
                assertThat(page.locator(".session-entry")).hasCount(i);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("Three sessions logged with the keyboard in " + took.toMillis() + " ms");
            assertThat(took).isLessThan(Duration.ofMinutes(2));
            assertThat(page.locator(".session-timeline")).containsText("Summary of session 3");
            assertThat(page.locator(".session-timeline")).containsText("Civil registration and documentation");
        });
        List<SessionDto> logged = system.runAsAccount("lawyer.krct", () -> sessions.forCase(c.id()));
        assertThat(logged).hasSize(3).allSatisfy(s -> {
            assertThat(s.counsellor()).isEqualTo("lawyer.krct");
            assertThat(s.form().durationMinutes()).isEqualTo(30);
            assertThat(s.form().topics()).containsExactly(org.protectioncases.counselling.SessionTopic.CIVIL_DOCUMENTATION);
        });
        assertThat(logged.get(0).form().summary()).isEqualTo("Summary of session 3");
        assertThat(logged.get(0).form().nextSteps()).isEqualTo("Next step 3");

        // Another partner's lawyer gets "not found" for the session's URL.
        inBrowser(page -> {
            signIn(page, "lawyer.at", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/sessions/" + logged.get(0).id()));
            assertThat(page.locator("h2")).hasText(java.util.regex.Pattern.compile("Sesija nije pronađena|Session not found"));
            assertThat(page.locator("body")).not().containsText("Summary of session 3");
        });
    }
}
