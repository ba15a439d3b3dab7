package org.protectioncases.legal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.legal.CalendarEntry;
import org.protectioncases.legal.EventKind;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The agenda's week on its own: Monday to Sunday with the weekdays' names in Albanian and Serbian,
 * each day's events by time (deadlines, all day, first), today marked for screen readers, and the
 * week buttons asking for the other week's events.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.legal.ui")
class WeekCalendarTest extends SpringBrowserlessTest {

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
    void aWeekIsMondayToSundayWithEachDaysEventsByTimeAndTodayMarked() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        List<LocalDate> asked = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 3, 18); // a Wednesday
        WeekCalendar calendar = new WeekCalendar(today, today, (from, until) -> {
            asked.add(from);
            asked.add(until);
            return from.equals(LocalDate.of(2026, 3, 16))
                    ? List.of(event(1, 41, EventKind.HEARING, LocalDate.of(2026, 3, 18), LocalTime.of(14, 0), "Seanca e dytë"),
                            event(2, 42, EventKind.HEARING, LocalDate.of(2026, 3, 18), LocalTime.of(9, 30), "Seanca e parë"),
                            event(3, 43, EventKind.DEADLINE, LocalDate.of(2026, 3, 18), null, "Ankesa"),
                            event(4, 44, EventKind.DEADLINE, LocalDate.of(2026, 3, 22), null, ""),
                            followUp(45, FollowUpKind.CASE, LocalDate.of(2026, 3, 18), "KOS-2026-0045 · Drita Berisha", "cases/45"),
                            followUp(7, FollowUpKind.SESSION, LocalDate.of(2026, 3, 20), "KOS-2026-0046 · Arben Krasniqi", "sessions/7"))
                    : List.of();
        });
        UI.getCurrent().add(calendar);

        assertThat(find(H3.class, calendar).single().getText()).isEqualTo("Java 16.03.2026 – 22.03.2026");
        assertThat(find(H4.class, calendar).all()).extracting(H4::getText).containsExactly("E hënë 16.03.2026",
                "E martë 17.03.2026", "E mërkurë 18.03.2026", "E enjte 19.03.2026", "E premte 20.03.2026",
                "E shtunë 21.03.2026", "E diel 22.03.2026");
        List<Section> days = find(Section.class, calendar).all();
        assertThat(days).hasSize(7);
        // Wednesday: the all-day deadline first, then the case's next action (all day too), then the hearings by time.
        assertThat(find(Anchor.class, days.get(2)).all()).extracting(Anchor::getText)
                .containsExactly("Gjithë ditën · Afat · KOS-2026-0043", "Gjithë ditën · Veprimi i radhës i rastit · KOS-2026-0045 · Drita Berisha",
                        "09:30 · Seancë gjyqësore · KOS-2026-0042", "14:00 · Seancë gjyqësore · KOS-2026-0041");
        // Each kind has its own icon next to its name (not colour alone) and its class; a follow-up links to its record.
        Anchor next = find(Anchor.class, days.get(2)).all().get(1);
        assertThat(next.getHref()).isEqualTo("cases/45");
        assertThat(next.getElement().getParent().getClassList()).contains("week-followup");
        assertThat(next.getElement().getChild(0).getAttribute("icon")).isEqualTo("vaadin:calendar-clock");
        assertThat(next.getElement().getChild(0).getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(find(Anchor.class, days.get(2)).all().get(0).getElement().getChild(0).getAttribute("icon")).isEqualTo("vaadin:alarm");
        assertThat(find(Anchor.class, days.get(2)).all().get(2).getElement().getChild(0).getAttribute("icon")).isEqualTo("vaadin:institution");
        assertThat(next.getElement().getAttribute("aria-label")).startsWith("Veprimi i radhës i rastit, E mërkurë 18.03.2026, Gjithë ditën");
        Anchor session = find(Anchor.class, days.get(4)).single();
        assertThat(session.getHref()).isEqualTo("sessions/7");
        assertThat(session.getText()).isEqualTo("Gjithë ditën · Ndjekje e seancës · KOS-2026-0046 · Arben Krasniqi");
        Anchor first = find(Anchor.class, days.get(2)).all().getFirst();
        assertThat(first.getHref()).isEqualTo("cases/43");
        assertThat(first.getElement().getAttribute("aria-label")).contains("E mërkurë 18.03.2026").contains("Ankesa");
        assertThat(find(Anchor.class, days.get(6)).single().getHref()).isEqualTo("cases/44");
        assertThat(find(Anchor.class, days.get(0)).all()).isEmpty();
        assertThat(find(Paragraph.class, days.get(0)).single().getText()).isEqualTo("Asgjë këtë ditë");
        assertThat(days).filteredOn(d -> "date".equals(d.getElement().getAttribute("aria-current"))).containsExactly(days.get(2));

        click(calendar, "week-next");
        assertThat(find(H3.class, calendar).single().getText()).isEqualTo("Java 23.03.2026 – 29.03.2026");
        assertThat(find(Anchor.class, calendar).all()).isEmpty();
        click(calendar, "week-current");
        assertThat(find(Anchor.class, calendar).all()).hasSize(6);
        assertThat(asked).containsExactly(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 22), LocalDate.of(2026, 3, 23),
                LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 22));
    }

    @Test
    void serbianDayNames() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        WeekCalendar calendar = new WeekCalendar(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 3), (from, until) -> List.of());
        UI.getCurrent().add(calendar);
        // A week across the year's end starts on Monday 28 December.
        assertThat(find(H4.class, calendar).all()).extracting(H4::getText).startsWith("Ponedeljak 28.12.2026")
                .endsWith("Nedelja 03.01.2027");
        assertThat(find(Section.class, calendar).all()).noneMatch(d -> d.getElement().hasAttribute("aria-current"));
    }

    private void click(WeekCalendar calendar, String id) {
        test(find(Button.class, calendar).all().stream().filter(b -> id.equals(b.getId().orElse(null))).findFirst().orElseThrow()).click();
    }
}
