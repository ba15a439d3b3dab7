package org.protectioncases.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonOverview;
import org.protectioncases.people.PersonWork;
import org.protectioncases.shared.i18n.Formats;

/**
 * The summary card at the top of a person's page (Primero's record header): who the person is
 * and where their open cases stand, each next action dated and "overdue" in words, not only in colour.
 */
class PersonSummaryCard extends Div {

    PersonSummaryCard(PersonDetails p, PersonOverview o, LocalDate today) {
        PersonForm f = p.profile();
        Div card = new Div();
        card.addClassName("person-card");
        card.getElement().setAttribute("role", "region");
        card.getElement().setAttribute("aria-label", getTranslation("person.hub.summary"));
        tile(card, "person.hub.age", age(this, f, today));
        tile(card, "person.sex", getTranslation(f.sex().messageKey()));
        tile(card, "person.community", getTranslation(f.community().messageKey()));
        tile(card, "person.hub.currentGroup", o.currentGroup() == null ? getTranslation("person.hub.noGroup")
                : getTranslation(o.currentGroup().messageKey()));
        tile(card, "person.registrationNo", p.registrationNo());
        String consent = o.activeConsents().isEmpty() ? getTranslation("person.hub.noConsent")
                : Arrays.stream(ConsentScope.values()).filter(o.activeConsents()::contains)
                        .map(s -> getTranslation(s.messageKey())).collect(Collectors.joining(", "));
        tile(card, "person.hub.consents", consent).addClassName(o.activeConsents().isEmpty() ? "consent-missing" : "consent-given");

        List<PersonWork> open = o.work().stream().filter(PersonWork::open).toList();
        Div cases = new Div();
        cases.addClassName("person-cases");
        cases.add(new H3(getTranslation("person.hub.openCases", open.size())));
        if (open.isEmpty()) {
            cases.add(new Paragraph(getTranslation(o.work().isEmpty() ? "person.hub.noCases" : "person.hub.noOpenCases")));
        }
        for (PersonWork w : open) {
            cases.add(caseRow(w, today));
        }
        add(card, cases);
    }

    private Div tile(Div card, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("tile-label");
        Div tile = new Div(label, new Span(value));
        tile.addClassName("person-fact");
        card.add(tile);
        return tile;
    }

    /** One case: number (link), type, status, next action. */
    private Div caseRow(PersonWork w, LocalDate today) {
        Anchor number = new Anchor(w.href(), w.reference());
        Span status = new Span(getTranslation(w.statusKey()));
        status.getElement().getThemeList().add("badge" + (w.open() ? "" : " contrast"));
        status.addClassName("case-status");
        Span next = new Span(nextAction(this, w, today));
        if (w.overdue(today)) {
            next.addClassName("overdue");
        }
        Div row = new Div(number, new Span(getTranslation(w.titleKey())), status, next);
        row.addClassName("person-case");
        return row;
    }

    /** The case's next action and its date, "overdue" once the date has passed; none for a closed case. */
    static String nextAction(Component translator, PersonWork w, LocalDate today) {
        if (!w.open() || w.nextAction() == null) {
            return translator.getTranslation("person.hub.noNextAction");
        }
        return translator.getTranslation(w.overdue(today) ? "person.hub.nextActionOverdue" : "person.hub.nextAction",
                w.nextAction().format(Formats.DATE));
    }

    /** Age in whole years on {@code today}; "about" when only the year of birth is known. */
    static String age(Component translator, PersonForm f, LocalDate today) {
        if (f.birthDate() == null) {
            return translator.getTranslation("person.birthUnknown");
        }
        int years = Period.between(f.birthDate(), today).getYears();
        return translator.getTranslation(f.birthPrecision() == BirthDatePrecision.YEAR ? "person.hub.ageAbout" : "person.hub.ageYears",
                Math.max(0, years));
    }
}
