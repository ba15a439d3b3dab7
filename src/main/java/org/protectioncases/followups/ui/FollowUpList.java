package org.protectioncases.followups.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.shared.ui.EmptyState;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.PersonLabels;

/**
 * The user's follow-ups, oldest first, overdue ones marked; each links to its record and can be
 * marked done. Used by "My follow-ups" and on the home page.
 */
public class FollowUpList extends Div {

    private static final DateTimeFormatter DATE = Formats.DATE;

    private final FollowUpService service;
    private final Clock clock;
    private final int daysAhead;
    private final int limit;

    public FollowUpList(FollowUpService service, Clock clock, int daysAhead, int limit) {
        this.service = service;
        this.clock = clock;
        this.daysAhead = daysAhead;
        this.limit = limit;
        addClassName("follow-ups");
        getElement().setAttribute("aria-label", getTranslation("followups.title"));
        refresh();
    }

    public void refresh() {
        removeAll();
        LocalDate today = LocalDate.now(clock);
        List<FollowUp> items = service.mine(today.plusDays(daysAhead), limit);
        // A list only when there is something in it: a list role around the empty-state text is a list without items.
        if (items.isEmpty()) {
            getElement().removeAttribute("role");
            add(EmptyState.paragraph(getTranslation("followups.none", daysAhead)));
            return;
        }
        getElement().setAttribute("role", "list");
        for (FollowUp f : items) {
            Div row = new Div();
            row.addClassName("follow-up");
            row.getElement().setAttribute("role", "listitem");
            long daysLeft = ChronoUnit.DAYS.between(today, f.dueOn());
            // Days left within a week (7/3/1 as the reminders count them); overdue in red.
            Span due = new Span(f.dueOn().format(DATE) + (f.overdue(today) ? " · " + getTranslation("followups.overdue")
                    : daysLeft <= 7 ? " · " + getTranslation("followups.daysLeft", daysLeft) : ""));
            due.getElement().getThemeList().add(f.overdue(today) ? "badge error" : "badge");
            Span kind = new Span(getTranslation("followups.kind." + f.kind().name()));
            kind.getElement().getThemeList().add("badge contrast");
            Anchor link = new Anchor(f.route(), PersonLabels.shown(f.title()));
            Button done = new Button(getTranslation("followups.markDone"), e -> {
                service.markDone(f.kind(), f.recordId());
                Notifications.success(getTranslation("followups.marked"));
                refresh();
            });
            done.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            done.setAriaLabel(getTranslation("followups.markDone") + ": " + f.title());
            row.add(due, kind, link);
            if (!f.detail().isBlank()) {
                row.add(new Span(f.detail()));
            }
            row.add(done);
            add(row);
        }
    }
}
