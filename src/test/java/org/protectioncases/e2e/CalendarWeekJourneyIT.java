package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.EventForms;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agenda's week view in Albanian, at desktop width (seven columns) and on a 375 px phone (one
 * day under the other): this week's hearing, deadline and the case's next action (a follow-up, with
 * its own icon and name) are shown on their days, the week changes from the keyboard, Tab reaches the
 * events, and axe finds nothing serious. The month shows the follow-up too.
 */
class CalendarWeekJourneyIT extends BrowserTestBase {

    @Autowired
    SystemAccess system;
    @Autowired
    PersonService people;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    CaseEventService events;
    @Autowired
    Clock clock;

    @Test
    void weekViewInAlbanianOnDesktopAndPhone() {
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        CaseDetails c = system.runAsAccount("lawyer.crpk", () -> {
            PersonDetails p = people.register(PersonForm.of("Valbona", "Kalendari-Javor", Sex.FEMALE, LocalDate.of(1979, 4, 2),
                    BirthDatePrecision.EXACT, Community.ALBANIAN, "GJI"), List.of());
            CaseDetails opened = workflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Week view", null,
                    null, monday.minusDays(30)));
            events.addHearing(opened.id(), new EventForms.Hearing(monday, LocalTime.of(10, 15), "Gjykata Themelore Gjilan", "7", null));
            events.addDeadline(opened.id(), new EventForms.Deadline(sunday, "Ankesa javore", null, null));
            // The case's next action on Wednesday: a follow-up of the lawyer, as in "My follow-ups".
            return workflow.update(opened.id(), opened.version(), new CaseUpdate(CasePriority.NORMAL, monday.plusDays(2), "Week view",
                    null, null, null, null));
        });
        String caseNo = c.summary().caseNo();
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        try {
            inBrowser(page -> {
                page.setDefaultTimeout(60_000);
                signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
                chooseLanguage(page, "Shqip");
                page.navigate(url("/agenda"));
                waitForVaadin(page);
                page.locator("#agenda-view").click();
                page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Javë")).first().click();
                Locator week = page.locator("#agenda-week");
                assertThat(week.locator("h3")).hasText("Java " + Formats.date(monday) + " – " + Formats.date(sunday));
                Locator mondayCell = week.locator("section").nth(0);
                assertThat(mondayCell.locator("h4")).hasText("E hënë " + Formats.date(monday));
                assertThat(mondayCell.locator("a[href='cases/" + c.id() + "']")).hasText("10:15 · Seancë gjyqësore · " + caseNo);
                Locator sundayCell = week.locator("section").nth(6);
                assertThat(sundayCell.locator("h4")).hasText("E diel " + Formats.date(sunday));
                assertThat(sundayCell.locator("a[href='cases/" + c.id() + "']")).hasText("Gjithë ditën · Afat · " + caseNo);
                assertThat(week.locator("section[aria-current='date'] h4")).containsText(Formats.date(today));
                // The follow-up on Wednesday: its kind in words next to its own icon, linked to the case.
                Locator wednesday = week.locator("section").nth(2);
                Locator followUp = wednesday.locator("li.week-followup a[href='cases/" + c.id() + "']");
                assertThat(followUp).hasText("Gjithë ditën · Veprimi i radhës i rastit · " + caseNo + " · Valbona Kalendari-Javor");
                assertThat(followUp.locator("vaadin-icon[icon='vaadin:calendar-clock']")).hasCount(1);
                assertThat(mondayCell.locator("li.week-hearing vaadin-icon[icon='vaadin:institution']")).hasCount(1);
                // Seven columns side by side at desktop width.
                double mondayTop = mondayCell.boundingBox().y;
                assertThat(sundayCell.boundingBox().y).isEqualTo(mondayTop);
                assertThat(Axe.seriousViolations(page)).as("axe on the week view (sq, desktop)").isEmpty();
                shot(page, "legal-week-sq.png");

                // The keyboard: the buttons change the week, Tab goes from the last button to the first event.
                page.locator("#week-next").focus();
                page.keyboard().press("Enter");
                assertThat(week.locator("h3")).hasText("Java " + Formats.date(monday.plusWeeks(1)) + " – " + Formats.date(sunday.plusWeeks(1)));
                assertThat(week.locator("a[href='cases/" + c.id() + "']")).hasCount(0);
                page.locator("#week-current").focus();
                page.keyboard().press("Enter");
                assertThat(week.locator("h3")).hasText("Java " + Formats.date(monday) + " – " + Formats.date(sunday));
                page.locator("#week-next").focus();
                page.keyboard().press("Tab");
                assertThat(page.locator("#agenda-week section a").first()).isFocused();

                // On a phone one day is under the other, nothing wider than the screen.
                page.setViewportSize(375, 812);
                waitForVaadin(page);
                assertThat(sundayCell.boundingBox().y).isGreaterThan(mondayCell.boundingBox().y + mondayCell.boundingBox().height - 1);
                assertThat(mondayCell.boundingBox().width).isGreaterThan(250).isLessThanOrEqualTo(375);
                assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
                assertThat(Axe.seriousViolations(page)).as("axe on the week view (sq, 375 px)").isEmpty();
                shot(page, "legal-week-sq-375.png");

                // The month: the follow-up on its day among the hearing and the deadline, with the legend.
                page.setViewportSize(1280, 900);
                page.locator("#agenda-view").click();
                page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Muaj")).first().click();
                Locator month = page.locator("#agenda-month");
                if (monday.plusDays(2).getMonth() != today.getMonth()) {
                    month.locator("#month-previous").click(); // this week began in the month before
                }
                assertThat(month.locator("a.month-followup[href='cases/" + c.id() + "']").first()).containsText(caseNo);
                assertThat(month.locator(".calendar-legend")).containsText("Ndjekje (rast, seancë, vizitë)");
                assertThat(month.locator(".month-list")).isHidden();
                assertThat(Axe.seriousViolations(page)).as("axe on the month view (sq, desktop)").isEmpty();
                shot(page, "legal-month-sq.png");
                // On a phone the days show their entries' icons, and the entries follow the month as a
                // list by day with the same links (the table's own links are not displayed).
                page.setViewportSize(375, 812);
                waitForVaadin(page);
                assertThat(month.locator(".month-list a.month-followup[href='cases/" + c.id() + "']").first()).isVisible();
                assertThat(month.locator(".month-list a.month-followup[href='cases/" + c.id() + "']").first()).containsText(caseNo);
                assertThat(month.locator("td a.month-followup[href='cases/" + c.id() + "']").first()).isHidden();
                assertThat(month.locator("td .month-marks").first()).isVisible();
                assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
                assertThat(Axe.seriousViolations(page)).as("axe on the month view (sq, 375 px)").isEmpty();
                shot(page, "legal-month-sq-375.png");
            });
        } finally {
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)).setFullPage(true));
    }
}
