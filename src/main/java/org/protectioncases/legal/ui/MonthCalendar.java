package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.protectioncases.legal.CalendarEntry;
import org.protectioncases.shared.i18n.Formats;

/**
 * A month of hearings, deadlines and follow-ups as a real HTML table (screen readers announce rows
 * and columns; weeks start on Monday, as in Kosovo). Each entry is a link to its record with its
 * kind's icon (a legend above says which is which; the link's label names the kind), so Tab goes
 * through the month's entries in date order; the month changes with the buttons above it.
 *
 * <p>On a phone seven columns leave each entry a few letters a line: there the table shows each
 * day's icons only, and the month's entries follow it as a list by day, with the same links
 * (app.css, "month-list"; only one of the two is displayed, so each link is read and tabbed once).
 */
class MonthCalendar extends Div {

    private static final DateTimeFormatter TIME = Formats.TIME;

    private final Function<YearMonth, List<CalendarEntry>> events;
    private final H3 title = new H3();
    private final Div body = new Div();
    private final LocalDate today;
    private YearMonth month;

    MonthCalendar(YearMonth start, LocalDate today, Function<YearMonth, List<CalendarEntry>> events) {
        this.month = start;
        this.today = today;
        this.events = events;
        setId("agenda-month");
        addClassName("month-calendar");
        Button previous = new Button("‹", e -> show(month.minusMonths(1)));
        previous.getElement().setAttribute("aria-label", getTranslation("legal.month.previous"));
        previous.setId("month-previous");
        Button next = new Button("›", e -> show(month.plusMonths(1)));
        next.getElement().setAttribute("aria-label", getTranslation("legal.month.next"));
        next.setId("month-next");
        Button current = new Button(getTranslation("legal.month.current"), e -> show(YearMonth.from(today)));
        current.addThemeVariants(ButtonVariant.TERTIARY);
        title.getElement().setAttribute("aria-live", "polite");
        title.getStyle().set("margin", "0 var(--lumo-space-s)");
        FlexLayout bar = new FlexLayout(previous, title, next, current);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(bar, CalendarMarks.legend(this), body);
        show(start);
    }

    void reload() {
        show(month);
    }

    private void show(YearMonth m) {
        month = m;
        Locale locale = getLocale();
        title.setText(Formats.month(locale, m));
        Map<LocalDate, List<CalendarEntry>> byDay = new TreeMap<>();
        for (CalendarEntry e : events.apply(m)) {
            byDay.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e);
        }
        NativeTable table = new NativeTable();
        table.getStyle().set("width", "100%").set("table-layout", "fixed").set("border-collapse", "collapse");
        table.setCaptionText(Formats.month(locale, m));
        // Formats lists weekdays from Sunday (the date picker's order); the table starts on Monday.
        List<String> shortNames = Formats.weekdaysShort(locale);
        List<String> names = Formats.weekdays(locale);
        NativeTableRow head = table.getHead().addRow();
        for (int i = 1; i <= 7; i++) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(shortNames.get(i % 7));
            cell.getElement().setAttribute("abbr", names.get(i % 7));
            cell.getElement().setAttribute("scope", "col");
        }
        NativeTableBody tbody = table.getBody();
        LocalDate day = m.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = m.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        NativeTableRow row = null;
        while (!day.isAfter(last)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                row = tbody.addRow();
            }
            fill(row.addDataCell(), day, m, byDay.getOrDefault(day, List.of()));
            day = day.plusDays(1);
        }
        body.removeAll();
        body.add(table, list(m, byDay));
    }

    /** The month's entries by day, for phones (hidden on wider screens by app.css). */
    private Div list(YearMonth m, Map<LocalDate, List<CalendarEntry>> byDay) {
        Div list = new Div();
        list.addClassName("month-list");
        List<String> names = Formats.weekdays(getLocale());
        byDay.forEach((date, entries) -> {
            if (!YearMonth.from(date).equals(m)) {
                return;
            }
            Div day = new Div();
            day.addClassName("month-list-day");
            if (date.equals(today)) {
                day.addClassName("month-list-today");
                day.getElement().setAttribute("aria-current", "date");
            }
            H4 heading = new H4(names.get(date.getDayOfWeek().getValue() % 7) + ", " + Formats.date(date));
            day.add(heading);
            entries.forEach(e -> day.add(link(e)));
            list.add(day);
        });
        return list;
    }

    private void fill(NativeTableCell cell, LocalDate day, YearMonth m, List<CalendarEntry> dayEvents) {
        cell.getStyle().set("vertical-align", "top").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("padding", "2px").set("height", "4.5em").set("overflow-wrap", "anywhere").set("font-size", "var(--lumo-font-size-s)");
        Span number = new Span(String.valueOf(day.getDayOfMonth()));
        number.getElement().setAttribute("aria-label", Formats.date(day));
        number.getStyle().set("display", "block").set("font-weight", day.equals(today) ? "700" : "400");
        if (!YearMonth.from(day).equals(m)) {
            // Secondary, not tertiary: the tertiary grey fails the 4.5:1 contrast axe asks of text (3.1:1).
            cell.getStyle().set("color", "var(--lumo-secondary-text-color)");
        }
        if (day.equals(today)) {
            cell.getElement().setAttribute("aria-current", "date");
            cell.getStyle().set("background", "var(--lumo-primary-color-10pct)");
        }
        cell.add(number);
        if (!dayEvents.isEmpty()) {
            // On a phone the day shows its entries' icons only; the list under the month has the links.
            Span marks = new Span();
            marks.addClassName("month-marks");
            marks.getElement().setAttribute("aria-hidden", "true");
            dayEvents.forEach(e -> marks.add(CalendarMarks.icon(e.category())));
            cell.add(marks);
        }
        for (CalendarEntry e : dayEvents) {
            cell.add(link(e));
        }
    }

    /** An entry as a link to its record: its kind's icon and colour, time and label; the kind and detail for screen readers. */
    private Anchor link(CalendarEntry e) {
        String label = (e.time() == null ? "" : e.time().format(TIME) + " ") + e.label();
        String kind = getTranslation(e.kindKey());
        Anchor link = new Anchor(e.route());
        link.add(CalendarMarks.icon(e.category()), new Text(label));
        link.getElement().setAttribute("aria-label", kind + ", " + Formats.date(e.date()) + " "
                + label + (e.detail().isBlank() ? "" : ", " + e.detail()));
        link.getElement().setAttribute("title", kind + (e.detail().isBlank() ? "" : ": " + e.detail()));
        // At least 24 px high: a touch target axe (WCAG 2.2, 2.5.8) accepts next to the entry under it.
        link.getStyle().set("display", "block").set("min-height", "24px").set("color", switch (e.category()) {
            case DEADLINE -> "var(--lumo-error-text-color)";
            case HEARING -> "var(--lumo-primary-text-color)";
            case FOLLOW_UP -> "var(--lumo-body-text-color)";
        });
        if (e.followUp()) {
            link.getStyle().set("border-inline-start", "2px dashed var(--lumo-contrast-50pct)").set("padding-inline-start", "2px");
        }
        link.addClassName("month-" + CalendarMarks.name(e.category()));
        return link;
    }
}
