package org.protectioncases.legal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.legal.CalendarEntry;
import org.protectioncases.legal.EventKind;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The agenda's month grid on its own: weeks from Monday (as in Kosovo), whole weeks around the
 * month, each event a link to its case on its day, today marked for screen readers, and the
 * month buttons asking for the other month's events. In Albanian.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.legal.ui")
class MonthCalendarTest extends SpringBrowserlessTest {

    private static CalendarEntry event(long id, long caseId, EventKind kind, LocalDate date, LocalTime time, String title) {
        return new CalendarEntry(kind == EventKind.DEADLINE ? CalendarEntry.Category.DEADLINE : CalendarEntry.Category.HEARING,
                kind.messageKey(), id, date, time, "KOS-2026-00" + caseId, title, null, "cases/" + caseId, "lawyer.crpk");
    }

    /** A follow-up as FollowUpService gives it: its title names the case and the person, its route the record. */
    private static CalendarEntry followUp(long id, FollowUpKind kind, LocalDate date, String title, String route) {
        return new CalendarEntry(CalendarEntry.Category.FOLLOW_UP, "followups.kind." + kind.name(), id, date, null, title, "", null,
                route, null);
    }

    @Test
    void aMonthIsWholeWeeksFromMondayWithEachEventLinkedOnItsDayAndTodayMarked() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        List<YearMonth> asked = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 3, 18);
        MonthCalendar calendar = new MonthCalendar(YearMonth.of(2026, 3), today, month -> {
            asked.add(month);
            return month.equals(YearMonth.of(2026, 3))
                    ? List.of(event(1, 41, EventKind.HEARING, LocalDate.of(2026, 3, 2), LocalTime.of(9, 30), "Seanca e parë"),
                            event(2, 42, EventKind.DEADLINE, LocalDate.of(2026, 3, 31), null, "Ankesa"),
                            followUp(9, FollowUpKind.VISIT, LocalDate.of(2026, 3, 2), "Qendra Kolektive (GJI), 20.02.2026", "visits/9"))
                    : List.of();
        });
        UI.getCurrent().add(calendar);

        assertThat(find(H3.class, calendar).single().getText()).isEqualTo("mars 2026");
        // 1 March 2026 is a Sunday: the grid starts on Monday 23 February and ends on Sunday 5 April.
        List<NativeTableHeaderCell> head = find(NativeTableHeaderCell.class, calendar).all();
        assertThat(head).extracting(c -> c.getText()).containsExactly("Hën", "Mar", "Mër", "Enj", "Pre", "Sht", "Die");
        List<NativeTableRow> weeks = find(NativeTableRow.class, calendar).all().stream()
                .filter(r -> r.getChildren().anyMatch(NativeTableCell.class::isInstance)).toList();
        assertThat(weeks).hasSize(6);
        assertThat(dayNumber(weeks.getFirst(), 0)).isEqualTo("23");
        assertThat(dayNumber(weeks.getLast(), 6)).isEqualTo("5");

        // The hearing on Monday 2 March (second week, first column), the deadline on Tuesday 31 March.
        Anchor hearing = find(Anchor.class, cell(weeks.get(1), 0)).all().getFirst();
        assertThat(hearing.getText()).isEqualTo("09:30 KOS-2026-0041");
        assertThat(hearing.getHref()).isEqualTo("cases/41");
        assertThat(hearing.getClassNames()).contains("month-hearing");
        assertThat(hearing.getElement().getAttribute("aria-label")).contains("02.03.2026").contains("Seanca e parë");
        Anchor deadline = find(Anchor.class, cell(weeks.get(5), 1)).single();
        assertThat(deadline.getHref()).isEqualTo("cases/42");
        assertThat(deadline.getClassNames()).contains("month-deadline");
        // The visit's follow-up on the same day, after the hearing, with its own icon and a label naming its kind.
        List<Anchor> monday = find(Anchor.class, cell(weeks.get(1), 0)).all();
        assertThat(monday).hasSize(2);
        Anchor visit = monday.get(1);
        assertThat(visit.getText()).isEqualTo("Qendra Kolektive (GJI), 20.02.2026");
        assertThat(visit.getHref()).isEqualTo("visits/9");
        assertThat(visit.getClassNames()).contains("month-followup");
        assertThat(visit.getElement().getChild(0).getAttribute("icon")).isEqualTo("vaadin:calendar-clock");
        assertThat(visit.getElement().getAttribute("aria-label")).startsWith("Ndjekje e vizitës, 02.03.2026");
        assertThat(hearing.getElement().getChild(0).getAttribute("icon")).isEqualTo("vaadin:institution");
        // The list for phones (app.css shows it instead of the table's links below 600 px): the month's
        // days with entries, in order, each with the same links.
        Div list = find(Div.class, calendar).all().stream().filter(d -> d.hasClassName("month-list")).findFirst().orElseThrow();
        List<Div> days = find(Div.class, list).all().stream().filter(d -> d.hasClassName("month-list-day")).toList();
        assertThat(days).extracting(d -> find(H4.class, d).single().getText())
                .satisfiesExactly(h -> assertThat(h).endsWith("02.03.2026"), h -> assertThat(h).endsWith("31.03.2026"));
        assertThat(find(Anchor.class, days.get(0)).all()).extracting(Anchor::getHref).containsExactly("cases/41", "visits/9");
        assertThat(find(Anchor.class, days.get(1)).all()).extracting(Anchor::getHref).containsExactly("cases/42");
        assertThat(find(Anchor.class, calendar).all()).hasSize(6);

        // Today (Wednesday 18 March, fourth week) is the one cell a screen reader announces as the current date.
        assertThat(find(NativeTableCell.class, calendar).all().stream()
                .filter(c -> "date".equals(c.getElement().getAttribute("aria-current"))).toList())
                .singleElement().isSameAs(cell(weeks.get(3), 2));

        // The buttons ask for the next month's events, and "this month" comes back.
        test(find(Button.class, calendar).all().stream().filter(b -> "month-next".equals(b.getId().orElse(null))).findFirst().orElseThrow()).click();
        assertThat(find(H3.class, calendar).single().getText()).isEqualTo("prill 2026");
        assertThat(find(Anchor.class, calendar).all()).isEmpty();
        test(find(Button.class, calendar).all().stream().filter(b -> "Ky muaj".equals(b.getText())).findFirst().orElseThrow()).click();
        assertThat(find(H3.class, calendar).single().getText()).isEqualTo("mars 2026");
        assertThat(asked).containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 3));
    }

    private static NativeTableCell cell(NativeTableRow week, int column) {
        return (NativeTableCell) week.getChildren().toList().get(column);
    }

    private static String dayNumber(NativeTableRow week, int column) {
        Component number = cell(week, column).getChildren().findFirst().orElseThrow();
        return number.getElement().getText();
    }
}
