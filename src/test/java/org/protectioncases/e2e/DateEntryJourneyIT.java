package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.support.TestDatabaseInitializer;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dates typed the ways people in Kosovo type them are accepted and shown as dd.MM.yyyy in every
 * language, on the registration form and the sessions filter; the calendar starts on Monday in the
 * user's language; the session time is on the 24-hour clock. Numbers read 68.514 in Albanian, on
 * the page and in the PDF, and a download's footnote stays Albanian.
 */
class DateEntryJourneyIT extends BrowserTestBase {

    private static final List<String> TYPED = List.of("14.03.1988", "14.3.1988", "14/03/1988", "1988-03-14");

    @Autowired
    PersonService people;
    @Autowired
    CaseWorkflowService cases;
    @Autowired
    TestRecords records;

    /** Demo accounts whose remembered language is the one tested, so no test changes another's language. */
    @ParameterizedTest(name = "{1}")
    @CsvSource({"lawyer.crpk, sq, mars 1988, Hën", "lawyer.at, sr, mart 1988, pon", "lawyer.krct, en, March 1988, Mon"})
    void datesAreTypedInFourFormatsAndShownDayMonthYear(String user, String language, String month, String monday) {
        CaseDetails c = records.openCase(user, person("Dita", "Krasniqi", Sex.FEMALE, LocalDate.of(1991, 2, 3),
                Community.ALBANIAN, "PRI"),
                id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Dates", null, null, null));
        inBrowser(page -> {
            signIn(page, user, TestDatabaseInitializer.DEMO_PASSWORD);
            assertThat(page.locator("html")).hasAttribute("lang", language);

            page.navigate(url("/people/new"));
            waitForVaadin(page);
            Locator birthDate = page.locator("vaadin-date-picker").first();
            typeEveryFormat(page, birthDate);
            // The calendar opens from its button (not on focus), in the language, with Monday first.
            birthDate.locator("[part~=toggle-button]").click();
            Locator calendar = page.locator("vaadin-month-calendar").filter(new Locator.FilterOptions().setHasText(month)).first();
            assertThat(calendar).isVisible();
            // The first header cell is the (hidden, empty) week-number column.
            org.assertj.core.api.Assertions.assertThat(calendar.locator("[part~=weekday]").allTextContents().stream()
                    .map(String::trim).filter(t -> !t.isEmpty()).findFirst()).contains(monday);
            page.keyboard().press("Escape");

            page.navigate(url("/sessions"));
            waitForVaadin(page);
            typeEveryFormat(page, page.locator("vaadin-date-picker").first());

            // The session's time: 24-hour, typed 14:30 stays 14:30 (not 2:30 PM).
            page.navigate(url("/cases/" + c.id()));
            page.locator("#log-session").click();
            Locator time = page.locator("vaadin-date-time-picker vaadin-time-picker input");
            assertThat(time).hasValue(Pattern.compile("^\\d{2}:\\d{2}$"));
            time.fill("14:30");
            time.press("Tab");
            assertThat(time).hasValue("14:30");
            Locator date = page.locator("vaadin-date-time-picker vaadin-date-picker input");
            date.fill("3.12.2026");
            date.press("Tab");
            assertThat(date).hasValue("03.12.2026");
        });
    }

    private static void typeEveryFormat(Page page, Locator picker) {
        Locator input = picker.locator("input");
        for (String typed : TYPED) {
            input.fill("");
            input.press("Tab");
            input.fill(typed);
            input.press("Tab");
            assertThat(input).hasValue("14.03.1988");
            assertThat(picker).not().hasAttribute("invalid", "");
        }
        waitForVaadin(page);
    }

    @Test
    void numbersAreWrittenTheAlbanianWayOnThePageInThePdfAndInDownloads() {
        inBrowser(page -> {
            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            chooseLanguage(page, "Shqip");
            try {
                page.navigate(url("/reports/factsheet?year=2019&asOf=2019-04-30"));
                waitForVaadin(page);
                assertThat(page.locator("vaadin-grid").first()).containsText("68.514");
                assertThat(page.locator("vaadin-grid").first()).not().containsText("68,514");

                Download pdf = page.waitForDownload(() -> page.locator("a").filter(new Locator.FilterOptions().setHasText("PDF")).first().click());
                try (var document = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
                    String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                    org.assertj.core.api.Assertions.assertThat(text).contains("68.514", "4,08").doesNotContain("68,514");
                }

                Locator external = page.locator(".count-table vaadin-checkbox").first();
                external.scrollIntoViewIfNeeded();
                assertThat(external).hasAttribute("checked", "");
                Download csv = page.waitForDownload(() -> page.locator(".count-table a").filter(new Locator.FilterOptions().setHasText("CSV")).first().click());
                org.assertj.core.api.Assertions.assertThat(Files.readString(csv.path(), StandardCharsets.UTF_8))
                        .contains(AppI18NProvider.text(Language.SQ.locale(), "breakdown.external.note"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                chooseLanguage(page, "English");
            }
        });
    }
}
