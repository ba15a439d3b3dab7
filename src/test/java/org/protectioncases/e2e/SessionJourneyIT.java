package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

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
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestDatabaseInitializer;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The speed test: a KRCT lawyer logs three sessions on a case with the keyboard alone in
 * well under two minutes (the topic comes from the case type); another partner's lawyer cannot
 * open the session. In Serbian: a topic typed that does not exist is said so, the list closes
 * after a choice, and the saved session shows the interpreter and the language.
 */
class SessionJourneyIT extends BrowserTestBase {

    @Autowired
    SystemAccess system;
    @Autowired
    PersonService people;
    @Autowired
    CaseService cases;
    @Autowired
    CounsellingService sessions;
    @Autowired
    TestRecords records;

    @Test
    void lawyerLogsThreeSessionsWithTheKeyboardAloneInUnderTwoMinutes() {
        CaseDetails c = records.openCase("lawyer.krct", person("Lirije", "Shala", Sex.FEMALE, LocalDate.of(1990, 5, 5),
                Community.EGYPTIAN, "GJA"),
                id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Birth registration", null, null, null));
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
                // The topic comes from the case type (civil documentation): nothing to type.
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

    @Test
    void topicsStartFromTheCaseTypeAnUnknownTopicIsSaidSoAndTheCardShowsTheInterpreter() {
        CaseDetails c = records.openCase("lawyer.at", person("Dragana", "Sesijić", Sex.FEMALE, LocalDate.of(1979, 2, 1),
                Community.SERB, "GRA"),
                id -> new NewCase(id, CaseType.ASYLUM, CasePriority.NORMAL, "Zahtev za azil", null, null, null));
        inBrowser(page -> {
            // Milica Jovanović works in Serbian (her remembered language).
            signIn(page, "lawyer.at", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + c.id()));
            page.locator("#log-session").click();
            Locator topics = page.locator("vaadin-multi-select-combo-box");
            assertThat(topics).isVisible();
            Keyboard keys = page.keyboard();
            keys.type("Xyzzy");
            assertThat(topics).containsText("Nijedna tema ne odgovara „Xyzzy“");
            topics.locator("input").fill("");
            keys.type("Zdrav");
            assertThat(page.locator("vaadin-multi-select-combo-box-item").first()).containsText("Zdravlje");
            keys.press("ArrowDown");
            keys.press("Enter");
            // The list closes after the choice.
            page.waitForFunction("() => !document.querySelector('vaadin-multi-select-combo-box').opened");
            assertThat(topics).not().containsText("Nijedna tema");
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByLabel("Sažetak", new Locator.GetByLabelOptions().setExact(true)).fill("Razgovor o postupku");
            dialog.getByText("Korišćen je tumač").click();
            dialog.getByLabel("Jezik tumača", new Locator.GetByLabelOptions().setExact(true)).fill("romski");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sačuvaj").setExact(true)).click();
            assertThat(page.locator(".session-entry")).hasCount(1);
            assertThat(page.locator(".session-entry")).containsText("Tumač: romski");
            assertThat(page.locator(".session-entry")).containsText("Postupak azila");
            assertThat(page.locator(".session-entry")).containsText("Zdravlje");
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "session-card-1280.png")).setFullPage(true));
        });
        SessionDto saved = system.runAsAccount("lawyer.at", () -> sessions.forCase(c.id())).get(0);
        assertThat(saved.form().topics()).containsExactlyInAnyOrder(org.protectioncases.counselling.SessionTopic.ASYLUM,
                org.protectioncases.counselling.SessionTopic.HEALTH);
        assertThat(saved.form().interpreterUsed()).isTrue();
        assertThat(saved.form().interpreterLanguage()).isEqualTo("romski");
    }

    /** Issue #14: a session typed on a phone survives a reload (a dropped connection, an expired session). In Serbian. */
    @Test
    void aSessionBeingTypedOnAPhoneSurvivesAReloadAndIsListedUntilSaved() {
        CaseDetails c = records.openCase("lawyer.at", person("Jelena", "Nacrtović", Sex.FEMALE, LocalDate.of(1983, 4, 9),
                Community.SERB, "GRA"),
                id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Lična karta", null, null, null));
        String typed = "Objašnjen postupak za ličnu kartu " + System.nanoTime() % 100000;
        onPhone(page -> {
            signIn(page, "lawyer.at", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases/" + c.id()));
            page.locator("#log-session").click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByLabel("Sažetak", new Locator.GetByLabelOptions().setExact(true)).fill(typed);
            // Saved on the server after a pause in typing, and said so.
            assertThat(dialog.locator(".draft-status")).containsText("nacrt sačuvan");
            page.reload();
            waitForVaadin(page);
            // The user's unsaved sessions are listed on "Log session"; one tap continues it.
            page.navigate(url("/sessions/new"));
            Locator drafts = page.locator(".session-drafts");
            assertThat(drafts).containsText("Sesije koje još nisu sačuvane");
            drafts.getByRole(AriaRole.BUTTON).filter(new Locator.FilterOptions().setHasText(c.summary().caseNo())).click();
            dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog.getByLabel("Sažetak", new Locator.GetByLabelOptions().setExact(true))).hasValue(typed);
            assertThat(dialog.locator(".draft-offer")).containsText("Vraćeno je ono što ste ranije upisali");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sačuvaj").setExact(true)).click();
            page.waitForURL(java.util.regex.Pattern.compile(".*/cases/" + c.id() + "$"));
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Sesije")).click();
            assertThat(page.locator(".session-entry")).containsText(typed);
            page.navigate(url("/sessions/new"));
            waitForVaadin(page);
            // This case's draft is gone (other tests may leave drafts of their own cases for the same lawyer).
            assertThat(page.locator(".session-drafts vaadin-button").filter(new Locator.FilterOptions().setHasText(c.summary().caseNo()))).hasCount(0);
        });
        assertThat(system.runAsAccount("lawyer.at", () -> sessions.forCase(c.id()))).hasSize(1);
    }
}
