package org.protectioncases.legal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The "days left" badge of a hearing or deadline: red when overdue or due within a day, marked at 3 and 7 days. */
final class DaysLeft {

    private DaysLeft() {
    }

    static Span badge(Component translator, LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        Span s = new Span(days < 0 ? translator.getTranslation("legal.daysOverdue", -days)
                : days == 0 ? translator.getTranslation("legal.dueToday") : translator.getTranslation("legal.daysLeft", days));
        s.addClassName("days-left");
        s.getElement().getThemeList().add(days < 0 ? "badge error primary" : days <= 1 ? "badge error" : days <= 3 ? "badge contrast" : "badge");
        return s;
    }
}
