package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.data.domain.PageRequest;

/**
 * The people met on a visit: linked by registration number or found by name, listed with a
 * "remove" button each. Every change is announced ({@code changed}) so the referrals offer the
 * people linked now and the draft is saved.
 */
class VisitPeople {

    final TextField registrationNo = new TextField();
    final ComboBox<PersonSummary> personSearch = new ComboBox<>();
    final Div linked = new Div();
    /** Linked people: id to label, in the order they were added (shared with {@link VisitReferrals}). */
    final Map<Long, String> linkedPeople;

    private final Component page;
    private final PersonService people;
    private final Runnable changed;

    VisitPeople(Component page, PersonService people, Map<Long, String> linkedPeople, Runnable changed) {
        this.page = page;
        this.linkedPeople = linkedPeople;
        this.people = people;
        this.changed = changed;
    }

    /** The fields to link someone: registration number with its button, and the search by name. */
    FlexLayout build() {
        registrationNo.setLabel(page.getTranslation("visit.people.registrationNo"));
        registrationNo.setPlaceholder("KOS-2026-000123");
        registrationNo.setMaxLength(TextRules.REGISTRATION_NO);
        Button linkByNumber = new Button(page.getTranslation("visit.people.add"), e -> linkByRegistrationNo());
        personSearch.setLabel(page.getTranslation("visit.people.search"));
        personSearch.setItemLabelGenerator(p -> p.registrationNo() + " " + p.givenName() + " " + p.familyName()
                + (p.birthDate() == null ? "" : " (" + p.birthDate().getYear() + ")"));
        personSearch.setItems(query -> {
            String name = query.getFilter().filter(f -> !f.isBlank()).orElse(null);
            return people.list(new PersonFilter(name, null, null, null, null), PageRequest.of(query.getPage(), query.getPageSize())).stream();
        });
        personSearch.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                linkedPeople.put(e.getValue().id(), personSearch.getItemLabelGenerator().apply(e.getValue()));
                render();
                personSearch.clear();
            }
        });
        linked.addClassName("visit-people");
        FlexLayout linkPeople = new FlexLayout(registrationNo, linkByNumber, personSearch);
        linkPeople.addClassName("filters");
        linkPeople.setAlignItems(FlexComponent.Alignment.BASELINE);
        return linkPeople;
    }

    void link(long personId, String label) {
        linkedPeople.put(personId, label);
    }

    private void linkByRegistrationNo() {
        registrationNo.setInvalid(false);
        Optional<Long> found;
        try {
            found = registrationNo.getValue().isBlank() ? Optional.empty()
                    : people.findVisibleByRegistrationNo(registrationNo.getValue().strip());
        } catch (FieldValidationException e) {
            FormErrors.show(e, Map.of("registrationNo", registrationNo), page);
            return;
        }
        if (found.isEmpty()) {
            registrationNo.setErrorMessage(page.getTranslation("visit.validation.personNotFound"));
            registrationNo.setInvalid(true);
            return;
        }
        linkedPeople.put(found.get(), people.label(found.get()).orElse(registrationNo.getValue().strip()));
        registrationNo.clear();
        render();
    }

    /** Lists the linked people (after announcing the change). */
    void render() {
        changed.run();
        linked.removeAll();
        if (linkedPeople.isEmpty()) {
            linked.add(new Paragraph(page.getTranslation("visit.people.none")));
            return;
        }
        for (var entry : new ArrayList<>(linkedPeople.entrySet())) {
            Button remove = new Button(page.getTranslation("visit.people.remove"), e -> {
                linkedPeople.remove(entry.getKey());
                render();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            remove.setAriaLabel(page.getTranslation("visit.people.remove") + " " + entry.getValue());
            Div row = new Div(new Span(entry.getValue()), remove);
            row.addClassName("duplicate-row");
            linked.add(row);
        }
    }
}
