package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.protectioncases.legal.CalendarEntry;
import org.protectioncases.shared.i18n.Formats;

/**
 * A week (Monday to Sunday, as in Kosovo) of hearings, deadlines and follow-ups: seven day sections,
 * each with its heading (weekday and date) and its entries by time, the all-day ones (deadlines, then
 * follow-ups) first. Each entry is a link to its record (case, session, visit) that names its kind
 * next to its icon, so Tab goes through the week in order. Seven columns on a wide screen, one day
 * under the other on a phone (the style sheet's {@code .week-calendar}).
 */
class WeekCalendar extends Div {

    private static final Comparator<CalendarEntry> BY_TIME = Comparator.comparing(CalendarEntry::time,
            Comparator.nullsFirst(Comparator.<LocalTime>naturalOrder())).thenComparing(CalendarEntry::category)
            .thenComparing(CalendarEntry::label);

    private final BiFunction<LocalDate, LocalDate, List<CalendarEntry>> events;
    private final H3 title = new H3();
    private final Div days = new Div();
    private final LocalDate today;
    private LocalDate monday;

    /** {@code events} answers the open entries from the first to the last day given (both included). */
    WeekCalendar(LocalDate start, LocalDate today, BiFunction<LocalDate, LocalDate, List<CalendarEntry>> events) {
        this.today = today;
        this.events = events;
        this.monday = mondayOf(start);
        setId("agenda-week");
        addClassName("week-calendar");
        Button previous = new Button("‹", e -> show(monday.minusWeeks(1)));
        previous.getElement().setAttribute("aria-label", getTranslation("legal.week.previous"));
        previous.setId("week-previous");
        Button next = new Button("›", e -> show(monday.plusWeeks(1)));
        next.getElement().setAttribute("aria-label", getTranslation("legal.week.next"));
        next.setId("week-next");
        Button current = new Button(getTranslation("legal.week.current"), e -> show(today));
        current.addThemeVariants(ButtonVariant.TERTIARY);
        current.setId("week-current");
        title.getElement().setAttribute("aria-live", "polite");
        title.getStyle().set("margin", "0 0 var(--lumo-space-xs)");
        // The title on its own line, the buttons under it in one row (also on a phone).
        FlexLayout bar = new FlexLayout(previous, current, next);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        days.addClassName("week-calendar-days");
        add(title, bar, days);
        show(monday);
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    void reload() {
        show(monday);
    }

    private void show(LocalDate anyDay) {
        monday = mondayOf(anyDay);
        LocalDate sunday = monday.plusDays(6);
        title.setText(getTranslation("legal.week.title", Formats.date(monday), Formats.date(sunday)));
        Map<LocalDate, List<CalendarEntry>> byDay = new TreeMap<>();
        for (CalendarEntry e : events.apply(monday, sunday)) {
            byDay.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e);
        }
        // Formats lists weekdays from Sunday (the date picker's order); the week starts on Monday.
        List<String> names = Formats.weekdays(getLocale());
        days.removeAll();
        for (int i = 0; i < 7; i++) {
            LocalDate day = monday.plusDays(i);
            String name = names.get(day.getDayOfWeek().getValue() % 7);
            // The bundles' names are lower case (as inside a sentence); a heading starts with a capital.
            days.add(day(day, name.substring(0, 1).toUpperCase(getLocale()) + name.substring(1),
                    byDay.getOrDefault(day, List.of()).stream().sorted(BY_TIME).toList()));
        }
    }

    private Section day(LocalDate day, String weekday, List<CalendarEntry> dayEvents) {
        Section section = new Section();
        section.addClassName("week-day");
        H4 heading = new H4(weekday + " " + Formats.date(day));
        heading.setId("week-day-" + day);
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        section.add(heading);
        if (day.equals(today)) {
            section.getElement().setAttribute("aria-current", "date");
            section.addClassName("week-today");
        }
        if (dayEvents.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("legal.week.none"));
            none.addClassName("week-none");
            section.add(none);
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (CalendarEntry e : dayEvents) {
            String kind = getTranslation(e.kindKey());
            String when = e.time() == null ? getTranslation("legal.week.allDay") : e.time().format(Formats.TIME);
            String text = when + " · " + kind + " · " + e.label();
            Anchor link = new Anchor(e.route());
            link.add(CalendarMarks.icon(e.category()), new Text(text));
            link.getElement().setAttribute("aria-label", kind + ", " + weekday + " " + Formats.date(day) + ", " + when + ", "
                    + e.label() + (e.detail().isBlank() ? "" : ", " + e.detail()));
            ListItem item = new ListItem(link);
            item.addClassName("week-" + CalendarMarks.name(e.category()));
            if (e.followUp()) {
                // Told apart by icon and text; the dashed edge and plain weight say it again at a glance.
                item.getStyle().set("border-inline-start", "3px dashed var(--lumo-contrast-50pct)").set("padding-inline-start", "var(--lumo-space-xs)");
                link.getStyle().set("font-weight", "500");
            }
            if (!e.detail().isBlank()) {
                Span detail = new Span(e.detail());
                detail.addClassName("week-detail");
                // The link's label already says it: read once.
                detail.getElement().setAttribute("aria-hidden", "true");
                item.add(detail);
            }
            list.add(item);
        }
        section.add(list);
        return section;
    }
}
