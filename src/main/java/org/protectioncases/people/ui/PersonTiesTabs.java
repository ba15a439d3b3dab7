package org.protectioncases.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.protectioncases.people.ConsentDto;
import org.protectioncases.people.ConsentGiver;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.HouseholdMember;
import org.protectioncases.people.HouseholdService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.Relationship;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.validation.TextRules;

/**
 * The tabs of a person's page about the people and permissions around them: consents given
 * (recorded and withdrawn here) and the household. After a change the page is rendered again.
 */
final class PersonTiesTabs {

    private final Component page;
    private final ConsentService consents;
    private final HouseholdService households;
    private final boolean editable;
    private final Runnable refresh;
    private final Clock clock;

    PersonTiesTabs(Component page, ConsentService consents, HouseholdService households, boolean editable, Runnable refresh, Clock clock) {
        this.page = page;
        this.consents = consents;
        this.households = households;
        this.editable = editable;
        this.refresh = refresh;
        this.clock = clock;
    }

    private String t(String key, Object... args) {
        return page.getTranslation(key, args);
    }

    Component consentsTab(PersonDetails p) {
        Grid<ConsentDto> grid = new Grid<>();
        grid.addColumn(c -> t(c.scope().messageKey())).setHeader(t("consent.scope")).setAutoWidth(true);
        grid.addColumn(c -> c.givenOn().format(Formats.DATE)).setHeader(t("consent.givenOn")).setAutoWidth(true);
        grid.addColumn(c -> t(c.givenBy().messageKey())).setHeader(t("consent.givenBy")).setAutoWidth(true);
        grid.addColumn(c -> c.note() == null ? "" : c.note()).setHeader(t("consent.note")).setFlexGrow(1);
        grid.addColumn(ConsentDto::recordedBy).setHeader(t("access.who")).setAutoWidth(true);
        grid.addColumn(c -> c.withdrawnOn() == null ? t("consent.active") : t("consent.withdrawnOn", c.withdrawnOn().format(Formats.DATE)))
                .setHeader(t("consent.state")).setAutoWidth(true);
        if (editable) {
            grid.addComponentColumn(c -> {
                Button withdraw = new Button(t("consent.withdraw"), e -> {
                    consents.withdrawConsent(c.id(), LocalDate.now(clock));
                    refresh.run();
                });
                withdraw.addThemeVariants(ButtonVariant.TERTIARY);
                withdraw.setVisible(c.active());
                return withdraw;
            }).setAutoWidth(true);
        }
        grid.setItems(consents.consents(p.id()));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(t("person.tab.consents"));
        Div tab = new Div(grid);
        if (editable) {
            Select<ConsentScope> scope = new Select<>();
            scope.setLabel(t("consent.scope"));
            scope.setItems(ConsentScope.values());
            scope.setItemLabelGenerator(c -> t(c.messageKey()));
            scope.setValue(ConsentScope.REFERRAL);
            Select<ConsentGiver> givenBy = new Select<>();
            givenBy.setLabel(t("consent.givenBy"));
            givenBy.setItems(ConsentGiver.values());
            givenBy.setItemLabelGenerator(g -> g == null ? "" : t(g.messageKey()));
            givenBy.setValue(ConsentGiver.PERSON);
            DatePicker given = DateFields.date(t("consent.givenOn"), LocalDate.now(clock));
            given.setMax(LocalDate.now(clock));
            TextField note = new TextField(t("consent.note"));
            note.setMaxLength(ConsentService.CONSENT_NOTE_MAX);
            Button record = new Button(t("consent.record"), e -> {
                try {
                    consents.recordConsents(p.id(), scope.getValue() == null ? Set.of() : Set.of(scope.getValue()),
                            givenBy.getValue(), given.getValue(), note.getValue());
                    Notifications.success(t("consent.recorded"));
                    refresh.run();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("scopes", scope, "givenBy", givenBy, "givenOn", given, "note", note), page);
                }
            });
            record.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(scope, givenBy, given, note, record);
            form.addClassName("filters");
            tab.add(form);
        }
        return tab;
    }

    Component householdTab(PersonDetails p) {
        Grid<HouseholdMember> grid = new Grid<>();
        grid.addComponentColumn(m -> new Anchor("people/" + m.personId(), PersonLabels.shown(m.label())))
                .setHeader(t("household.member")).setFlexGrow(1);
        grid.addColumn(m -> t(m.relationship().messageKey())).setHeader(t("household.relationship")).setAutoWidth(true);
        grid.setItems(households.household(p.id()));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(t("person.tab.household"));
        Div tab = new Div(grid);
        if (editable) {
            TextField number = new TextField(
                    t("household.memberRegistrationNo"));
            number.setMaxLength(TextRules.REGISTRATION_NO);
            Select<Relationship> relationship = new Select<>();
            relationship.setLabel(t("household.relationship"));
            relationship.setItems(Arrays.stream(Relationship.values())
                    .filter(r -> r != Relationship.HEAD).toList());
            relationship.setItemLabelGenerator(r -> t(r.messageKey()));
            Button add = new Button(t("household.add"), e -> {
                try {
                    households.addToHousehold(p.id(), number.getValue(), relationship.getValue());
                    Notifications.success(t("common.saved"));
                    refresh.run();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("memberRegistrationNo", number, "relationship", relationship), page);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(number, relationship, add);
            form.addClassName("filters");
            tab.add(new Paragraph(t("household.help")), form);
        }
        return tab;
    }}
