package org.protectioncases.legal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.protectioncases.legal.CaseEventDto;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.shared.i18n.Formats;

/**
 * The home page's hearings and deadlines of the user's own cases, overdue ones first, each with its
 * days left (red when overdue or due within a day). Separate from the follow-up list so that a
 * deadline is never pushed out by older follow-ups.
 */
public class UpcomingLegalEvents extends Div {

    private static final DateTimeFormatter TIME = Formats.TIME;

    public UpcomingLegalEvents(CaseEventService service, Clock clock, int daysAhead, int limit) {
        addClassName("legal-upcoming");
        setId("legal-upcoming");
        LocalDate today = LocalDate.now(clock);
        List<CaseEventDto> events = service.upcoming(false, null, today.plusDays(daysAhead), 0, limit);
        if (events.isEmpty()) {
            add(new Paragraph(getTranslation("legal.home.none", daysAhead)));
            return;
        }
        // The rows in a list of their own: the link to the agenda below is not one of them.
        Div list = new Div();
        list.addClassName("legal-upcoming-list");
        list.getElement().setAttribute("role", "list");
        list.getElement().setAttribute("aria-label", getTranslation("nav.agenda"));
        add(list);
        for (CaseEventDto e : events) {
            Div row = new Div();
            row.addClassName("follow-up");
            row.getElement().setAttribute("role", "listitem");
            Span kind = new Span(getTranslation(e.kind().messageKey()));
            kind.getElement().getThemeList().add("badge contrast");
            row.add(DaysLeft.badge(this, e.date(), today), new Span(Formats.date(e.date())
                    + (e.time() == null ? "" : " " + e.time().format(TIME))), kind, new Anchor("cases/" + e.caseId(), e.caseNo() + " · " + e.title()));
            list.add(row);
        }
        add(new Anchor("agenda", getTranslation("legal.home.all")));
    }
}
