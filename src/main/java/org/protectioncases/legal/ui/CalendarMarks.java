package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.protectioncases.legal.CalendarEntry;

/**
 * How the calendar tells hearings, deadlines and follow-ups apart without colour: an icon (the
 * follow-up's is the one of "My follow-ups" in the menu) next to the kind's name, and a class per
 * category for the style sheet. The icon is decoration: the text and the links' labels name the kind.
 */
final class CalendarMarks {

    private CalendarMarks() {
    }

    static Icon icon(CalendarEntry.Category category) {
        Icon icon = switch (category) {
            case HEARING -> VaadinIcon.INSTITUTION.create();
            case DEADLINE -> VaadinIcon.ALARM.create();
            case FOLLOW_UP -> VaadinIcon.CALENDAR_CLOCK.create();
        };
        icon.getElement().setAttribute("aria-hidden", "true");
        icon.addClassName("calendar-icon-" + name(category));
        icon.getStyle().set("width", "0.9em").set("height", "0.9em").set("margin-inline-end", "0.25em").set("vertical-align", "-0.1em")
                .set("flex", "none");
        return icon;
    }

    /** {@code hearing}, {@code deadline} or {@code followup}: the class suffix of an entry. */
    static String name(CalendarEntry.Category category) {
        return switch (category) {
            case HEARING -> "hearing";
            case DEADLINE -> "deadline";
            case FOLLOW_UP -> "followup";
        };
    }

    /** The kind with its icon, for the agenda's kind column. */
    static Component kind(Component context, CalendarEntry e) {
        Span span = new Span(icon(e.category()), new Text(context.getTranslation(e.kindKey())));
        span.addClassName("calendar-kind-" + name(e.category()));
        return span;
    }

    /** The legend above the month: each icon with what it stands for. */
    static Component legend(Component context) {
        Span legend = new Span();
        legend.addClassName("calendar-legend");
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        for (CalendarEntry.Category c : CalendarEntry.Category.values()) {
            Span item = new Span(icon(c), new Text(context.getTranslation("legal.calendar.legend." + c.name())));
            legend.add(item);
        }
        return legend;
    }
}
