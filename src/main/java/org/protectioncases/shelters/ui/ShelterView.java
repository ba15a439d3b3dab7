package org.protectioncases.shelters.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.ui.RecordHistory;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.ui.RecordPage;
import org.protectioncases.shelters.ResidenceConflictException;
import org.protectioncases.shelters.Resident;
import org.protectioncases.shelters.Residents;
import org.protectioncases.shelters.ShelterDetails;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.shelters.ShelterStatus;
import org.protectioncases.shelters.ShelterSummary;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One shelter: its registry fields (editable by registry keepers), the residents on a chosen day
 * (only people the user's partner may see; others counted), moving people in and out, the
 * residence history and the registry changes. Opening it is logged.
 */
@Route("shelters/:id")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class ShelterView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DATE = SheltersView.DATE;

    private final ShelterService shelters;
    private final PersonService people;
    private final Clock clock;
    private final List<ReferenceItem> municipalities;
    private @Nullable ShelterDetails current;
    /** Kept across re-renders, so saving on a tab does not jump back to the first one. */
    private int selectedTab;

    /** Residents tab: the day shown, its totals, the list and the "add resident" form. */
    final DatePicker residentsAsOf = DateFields.date();
    final Paragraph totals = new Paragraph();
    final Paragraph others = new Paragraph();
    final Div residentList = new Div();
    final ComboBox<PersonSummary> person = new ComboBox<>();
    final DatePicker movedIn = DateFields.date();
    final Button moveIn = new Button();
    @Nullable ShelterFormFields form;
    final Button save = new Button();

    public ShelterView(ShelterService shelters, PersonService people, ReferenceDataService reference, Clock clock) {
        this.shelters = shelters;
        this.clock = clock;
        this.people = people;
        this.municipalities = reference.municipalities(getLocale());
        addClassName("page");
        residentsAsOf.setLabel(getTranslation("shelter.residents.asOf"));
        residentsAsOf.addValueChangeListener(e -> {
            if (current != null) {
                showResidents(current);
            }
        });
        person.setLabel(getTranslation("shelter.findPerson"));
        person.setHelperText(getTranslation("shelter.findPerson.help"));
        person.setItems(query -> people.list(personFilter(query.getFilter().orElse("")),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        person.setItemLabelGenerator(ShelterView::label);
        person.setClearButtonVisible(true);
        person.setMinWidth("22em");
        movedIn.setLabel(getTranslation("shelter.movedIn"));
        movedIn.setMax(LocalDate.now(clock));
        moveIn.setText(getTranslation("shelter.moveIn"));
        moveIn.addThemeVariants(ButtonVariant.PRIMARY);
        moveIn.addClickListener(e -> moveIn());
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        others.addClassName("shelter-others");
        residentList.addClassName("residents");
    }

    private static String label(PersonSummary p) {
        return p.registrationNo() + " " + p.givenName() + " " + p.familyName()
                + (p.birthDate() == null ? "" : " (" + p.birthDate().getYear() + ")");
    }

    /** A registration number (KOS-…) is looked up by its beginning, anything else as a name. */
    private static PersonFilter personFilter(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return PersonFilter.none();
        }
        boolean number = t.toUpperCase(Locale.ROOT).startsWith("KOS") || t.chars().allMatch(c -> Character.isDigit(c) || c == '-');
        return number ? new PersonFilter(null, t, null, null, null) : new PersonFilter(t, null, null, null, null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        current = event.getRouteParameters().getLong("id").flatMap(shelters::get).orElse(null);
        if (current == null) {
            RecordPage.notFound(this, "shelter");
            return;
        }
        residentsAsOf.setValue(LocalDate.now(clock));
        selectedTab = 0;
        render(current);
    }

    private void reload() {
        if (current != null) {
            current = shelters.get(current.id()).orElse(null);
            if (current != null) {
                render(current);
            }
        }
    }

    private void render(ShelterDetails d) {
        removeAll();
        ShelterSummary s = d.summary();
        Span status = new Span(getTranslation("shelter.status." + s.status().name()));
        status.getElement().getThemeList().add("badge" + (s.status() == ShelterStatus.CLOSED ? " contrast" : ""));
        status.addClassName("shelter-status");
        Div head = new Div(new H2(s.name()), status);
        head.addClassName("case-head");
        add(head);
        if (s.status() == ShelterStatus.CLOSED && s.closedOn() != null) {
            Paragraph notice = new Paragraph(getTranslation("shelter.closedNotice", s.closedOn().format(DATE)));
            notice.addClassName("notice");
            add(notice);
        }
        add(facts(d));

        TabSheet tabs = new TabSheet();
        tabs.add(getTranslation("shelter.tab.residents"), residentsTab(d));
        if (d.registryEditable()) {
            tabs.add(getTranslation("shelter.tab.details"), detailsTab(d));
        }
        tabs.add(getTranslation("shelter.tab.stays"), staysTab(d));
        RecordHistory.addTabs(tabs, "shelter", shelters.history(d.id()), null);
        tabs.setWidthFull();
        tabs.setSelectedIndex(Math.min(selectedTab, tabs.getTabCount() - 1));
        tabs.addSelectedChangeListener(e -> selectedTab = tabs.getSelectedIndex());
        add(tabs);
    }

    private Component facts(ShelterDetails d) {
        ShelterSummary s = d.summary();
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "shelter.municipality", municipalities.stream().filter(m -> m.code().equals(s.municipalityCode()))
                .map(ReferenceItem::name).findFirst().orElse(s.municipalityCode()));
        fact(facts, "shelter.address", d.form().address());
        fact(facts, "shelter.occupancy", getTranslation("shelter.occupancyOfCapacity", s.occupancy(), s.capacity()));
        fact(facts, "shelter.openedOn", s.openedOn() == null ? null : s.openedOn().format(DATE));
        fact(facts, "shelter.closedOn", s.closedOn() == null ? null : s.closedOn().format(DATE));
        fact(facts, "shelter.managingInstitution", s.managingInstitution());
        return facts;
    }

    private void fact(Div list, String key, @Nullable String value) {
        Div row = new Div(new Span(getTranslation(key)), new Span(value == null || value.isBlank() ? "–" : value));
        row.addClassName("fact");
        list.add(row);
    }

    private Component residentsTab(ShelterDetails d) {
        Div tab = new Div();
        FlexLayout day = new FlexLayout(residentsAsOf);
        day.addClassName("filters");
        tab.add(day, totals, others, residentList);
        showResidents(d);
        if (d.residentsEditable() && d.summary().status() == ShelterStatus.OPEN) {
            person.clear();
            person.setInvalid(false);
            movedIn.setValue(LocalDate.now(clock));
            movedIn.setInvalid(false);
            FlexLayout addForm = new FlexLayout(person, movedIn, moveIn);
            addForm.addClassName("filters");
            tab.add(new H3(getTranslation("shelter.addResident")), addForm);
        }
        return tab;
    }

    private void showResidents(ShelterDetails d) {
        LocalDate day = residentsAsOf.getValue() == null ? LocalDate.now(clock) : residentsAsOf.getValue();
        Residents residents = shelters.residents(d.id(), day);
        totals.setText(getTranslation("shelter.residents.total", day.format(DATE), residents.total(), d.summary().capacity()));
        others.setText(getTranslation("shelter.residents.others", residents.others()));
        others.setVisible(residents.others() > 0);
        residentList.removeAll();
        if (residents.shown().isEmpty()) {
            residentList.add(new Paragraph(getTranslation("shelter.residents.none")));
        }
        for (Resident r : residents.shown()) {
            Div row = new Div(new Anchor("people/" + r.personId(), PersonLabels.shown(r.personLabel())),
                    new Span(getTranslation("shelter.movedIn") + ": " + r.movedIn().format(DATE)));
            if (r.movedOut() != null) {
                row.add(new Span(getTranslation("shelter.movedOut") + ": " + r.movedOut().format(DATE)));
            } else if (d.residentsEditable()) {
                Button out = new Button(getTranslation("shelter.moveOut"), e -> new ShelterMoveOutDialog(r, shelters, LocalDate.now(clock), this::reload).open());
                out.setAriaLabel(getTranslation("shelter.moveOutOf", r.personLabel()));
                out.addThemeVariants(ButtonVariant.TERTIARY);
                row.add(out);
            }
            row.addClassName("resident-row");
            residentList.add(row);
        }
    }

    private void moveIn() {
        ShelterDetails d = current;
        if (d == null) {
            return;
        }
        FormErrors.clear(Map.of("person", person, "movedIn", movedIn));
        PersonSummary chosen = person.getValue();
        if (chosen == null) {
            FormErrors.show(new FieldValidationException("person", "validation.required"), Map.of("person", person), this);
            return;
        }
        try {
            Resident r = shelters.moveIn(d.id(), chosen.id(), movedIn.getValue());
            Notifications.success(getTranslation("shelter.movedInDone", r.personLabel()));
            reload();
        } catch (ResidenceConflictException ex) {
            person.setErrorMessage(getTranslation("shelter.validation.livesIn", ex.shelterName(), ex.since().format(DATE)));
            person.setInvalid(true);
            person.focus();
        } catch (FieldValidationException ex) {
            FormErrors.show(ex, Map.of("person", person, "movedIn", movedIn), this);
        }
    }

    private Component detailsTab(ShelterDetails d) {
        ShelterFormFields fields = new ShelterFormFields(municipalities, LocalDate.now(clock));
        fields.set(d.form());
        form = fields;
        Div tab = new Div(fields, save);
        tab.add(new ShelterStatusChange(d, shelters, LocalDate.now(clock), this::reload, () -> conflict(d)));
        return tab;
    }

    private void save() {
        ShelterDetails d = current;
        ShelterFormFields fields = form;
        if (d == null || fields == null) {
            return;
        }
        try {
            shelters.update(d.id(), d.version(), fields.value());
            Notifications.success(getTranslation("shelter.saved"));
            reload();
        } catch (FieldValidationException ex) {
            FormErrors.show(ex, fields.fields(), this);
        } catch (OptimisticLockingFailureException ex) {
            conflict(d);
        }
    }

    /** Someone saved the shelter after this page was opened: nothing was overwritten. Say who and when, and show the current state. */
    private void conflict(ShelterDetails d) {
        Notifications.error(RecordHistory.savedMeanwhile(this, shelters.history(d.id()), "shelter.conflict"));
        reload();
    }

    private Component staysTab(ShelterDetails d) {
        Residents stays = shelters.residenceHistory(d.id());
        Grid<Resident> grid = new Grid<>();
        grid.addComponentColumn(r -> new Anchor("people/" + r.personId(), PersonLabels.shown(r.personLabel())))
                .setHeader(getTranslation("shelter.person")).setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(r -> r.movedIn().format(DATE)).setHeader(getTranslation("shelter.movedIn")).setAutoWidth(true);
        grid.addColumn(r -> r.movedOut() == null ? "" : r.movedOut().format(DATE)).setHeader(getTranslation("shelter.movedOut")).setAutoWidth(true);
        grid.setItems(stays.shown());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("shelter.tab.stays"));
        Div tab = new Div(grid);
        if (stays.others() > 0) {
            tab.add(new Paragraph(getTranslation("shelter.stays.others", stays.others())));
        }
        return tab;
    }

    @Override
    public String getPageTitle() {
        return (current == null ? getTranslation("nav.shelters") : current.summary().name()) + " | " + getTranslation("app.name");
    }
}
