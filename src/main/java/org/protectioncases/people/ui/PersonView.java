package org.protectioncases.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.GroupMembershipDto;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.HouseholdService;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonMergeService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonOverview;
import org.protectioncases.people.PersonOverviewService;
import org.protectioncases.people.PersonWork;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.Access;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.validation.TextRules;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.i18n.Formats;

/**
 * A person's page: profile, population groups over time, and (for UNHCR managers and
 * coordinators) who opened it. Opening it is logged; another partner's person is "not found".
 */
@Route("people/:id")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class PersonView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DATE = Formats.DATE;
    private static final DateTimeFormatter TIME = Formats.MOMENT;

    private final PersonService people;
    private final PersonFileService files;
    private final ConsentService consents;
    private final HouseholdService households;
    private final PersonMergeService merges;
    private final PersonOverviewService overviews;
    private final ReferenceDataService reference;
    private final Access access;
    private @Nullable PersonDetails person;

    public PersonView(PersonService people, PersonFileService files, ConsentService consents, HouseholdService households,
                      PersonMergeService merges, PersonOverviewService overviews, ReferenceDataService reference, Access access) {
        this.people = people;
        this.files = files;
        this.consents = consents;
        this.households = households;
        this.merges = merges;
        this.overviews = overviews;
        this.reference = reference;
        this.access = access;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().getLong("id");
        Optional<PersonDetails> found = id.flatMap(people::get);
        person = found.orElse(null);
        Optional<Long> kept = person == null ? id.flatMap(merges::mergedInto) : Optional.empty();
        if (kept.isPresent()) {
            // A merged record is a pointer: show the record it was merged into.
            event.forwardTo(PersonView.class, new com.vaadin.flow.router.RouteParameters("id", String.valueOf(kept.get())));
            return;
        }
        if (person == null) {
            add(new H2(getTranslation("person.notFound.title")), new Paragraph(getTranslation("person.notFound.text")));
            return;
        }
        render(person);
    }

    private void render(PersonDetails p) {
        removeAll();
        H2 title = new H2(p.anonymised() ? getTranslation("dataprotection.anonymisedName") : p.fullName());
        Span number = new Span(p.registrationNo());
        number.addClassName("registration-no");
        TabSheet tabs = new TabSheet();
        tabs.add(getTranslation("person.tab.profile"), profile(p));
        tabs.add(getTranslation("person.tab.groups"), groups(p));
        org.protectioncases.people.PersonFile file = files.file(p.id());
        Map<String, String> municipalityNames = reference.municipalities(getLocale()).stream()
                .collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        tabs.add(getTranslation("person.tab.returns"), returnsTab(p, file, municipalityNames));
        tabs.add(getTranslation("person.tab.documents"), documentsTab(p, file));
        tabs.add(getTranslation("person.tab.needs"), needsTab(p, file));
        tabs.add(getTranslation("person.tab.household"), householdTab(p));
        PersonOverview overview = overviews.overview(p.id());
        tabs.add(getTranslation("person.tab.cases"), casesTab(p, overview));
        tabs.add(getTranslation("person.tab.consents"), consentsTab(p));
        tabs.add(getTranslation("person.tab.history"), historyTab(p));
        if (access.may(Permission.READ_ACCESS_LOG)) {
            tabs.add(getTranslation("person.tab.access"), accessLog(p));
        }
        tabs.setWidthFull();
        Div head = new Div(title, number);
        head.addClassName("case-head");
        if (overview.restrictedNeeds()) {
            Span flag = new Span(getTranslation("person.hub.restricted"));
            flag.addClassName("restricted-flag");
            head.add(flag);
        }
        head.add(actions(p));
        add(head, summaryCard(p, overview), tabs);
    }

    /**
     * What the user may do next with this person, at the top: open a case, log a session, record a
     * visit (each only for the roles that may), edit or merge. Links by URL: those pages belong to
     * modules that build on people.
     */
    private Component actions(PersonDetails p) {
        FlexLayout actions = new FlexLayout();
        actions.addClassName("filters");
        actions.addClassName("person-actions");
        if (!p.anonymised()) {
            if (access.may(Permission.WORK_ON_CASES)) {
                actions.add(link("cases/new?person=" + p.id(), getTranslation("case.open"), "open-case"));
            }
            if (access.may(Permission.LOG_SESSIONS)) {
                actions.add(link("sessions/new?person=" + p.id(), getTranslation("session.log"), "log-session-for-person"));
            }
            if (access.may(Permission.RECORD_VISITS)) {
                actions.add(link("visits/new?person=" + p.id(), getTranslation("visit.record"), "record-visit"));
            }
        }
        if (access.may(Permission.EDIT_PEOPLE) && !p.anonymised()) {
            actions.add(new Button(getTranslation("person.edit"), e -> new EditDialog(p).open()));
        } else if (access.may(Permission.MERGE_PEOPLE)) {
            actions.add(new Button(getTranslation("person.merge"), e -> new MergeDialog(p).open()));
        }
        return actions;
    }

    private static Anchor link(String href, String text, String id) {
        Anchor a = new Anchor(href, text);
        a.addClassName("button-link");
        a.setId(id);
        return a;
    }

    /** The summary card (Primero's record header): who the person is and where their cases stand. */
    private Component summaryCard(PersonDetails p, PersonOverview o) {
        PersonForm f = p.profile();
        Div card = new Div();
        card.addClassName("person-card");
        card.getElement().setAttribute("role", "region");
        card.getElement().setAttribute("aria-label", getTranslation("person.hub.summary"));
        tile(card, "person.hub.age", age(f));
        tile(card, "person.sex", getTranslation(f.sex().messageKey()));
        tile(card, "person.community", getTranslation(f.community().messageKey()));
        tile(card, "person.hub.currentGroup", o.currentGroup() == null ? getTranslation("person.hub.noGroup")
                : getTranslation(o.currentGroup().messageKey()));
        tile(card, "person.registrationNo", p.registrationNo());
        String consent = o.activeConsents().isEmpty() ? getTranslation("person.hub.noConsent")
                : java.util.Arrays.stream(org.protectioncases.people.ConsentScope.values()).filter(o.activeConsents()::contains)
                        .map(s -> getTranslation(s.messageKey())).collect(Collectors.joining(", "));
        tile(card, "person.hub.consents", consent).addClassName(o.activeConsents().isEmpty() ? "consent-missing" : "consent-given");

        java.time.LocalDate today = java.time.LocalDate.now();
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
        return new Div(card, cases);
    }

    private Div tile(Div card, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("tile-label");
        Div tile = new Div(label, new Span(value));
        tile.addClassName("person-fact");
        card.add(tile);
        return tile;
    }

    /** One case: number (link), type, status, next action; an overdue date says so in words, not only in colour. */
    private Div caseRow(PersonWork w, java.time.LocalDate today) {
        Anchor number = new Anchor(w.href(), w.reference());
        Span status = new Span(getTranslation(w.statusKey()));
        status.getElement().getThemeList().add("badge" + (w.open() ? "" : " contrast"));
        status.addClassName("case-status");
        Span next = new Span(nextAction(w, today));
        if (w.overdue(today)) {
            next.addClassName("overdue");
        }
        Div row = new Div(number, new Span(getTranslation(w.titleKey())), status, next);
        row.addClassName("person-case");
        return row;
    }

    private String nextAction(PersonWork w, java.time.LocalDate today) {
        if (!w.open() || w.nextAction() == null) {
            return getTranslation("person.hub.noNextAction");
        }
        return getTranslation(w.overdue(today) ? "person.hub.nextActionOverdue" : "person.hub.nextAction", w.nextAction().format(DATE));
    }

    /** Age in years from the birth date; "about" when only the year is known. */
    private String age(PersonForm f) {
        if (f.birthDate() == null) {
            return getTranslation("person.birthUnknown");
        }
        int years = java.time.Period.between(f.birthDate(), java.time.LocalDate.now()).getYears();
        return getTranslation(f.birthPrecision() == org.protectioncases.people.BirthDatePrecision.YEAR ? "person.hub.ageAbout" : "person.hub.ageYears",
                Math.max(0, years));
    }

    private Component profile(PersonDetails p) {
        PersonForm f = p.profile();
        Map<String, String> municipalities = reference.municipalities(getLocale()).stream()
                .collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        Map<String, String> countries = reference.countries(getLocale()).stream()
                .collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        Div list = new Div();
        list.addClassName("facts");
        fact(list, "person.givenName", f.givenName());
        fact(list, "person.familyName", f.familyName());
        fact(list, "person.fatherName", f.fatherName());
        fact(list, "person.otherNames", f.otherNames());
        fact(list, "person.sex", getTranslation(f.sex().messageKey()));
        fact(list, "person.birthDate", PeopleFormat.birth(f.birthDate(), f.birthPrecision(), this));
        fact(list, "person.placeOfBirth", f.placeOfBirth());
        fact(list, "person.community", getTranslation(f.community().messageKey()));
        fact(list, "person.citizenship", getTranslation(f.citizenshipStatus().messageKey())
                + (f.citizenshipCountry() == null ? "" : " – " + countries.getOrDefault(f.citizenshipCountry(), f.citizenshipCountry())));
        fact(list, "person.municipality", f.municipalityCode() == null ? null : municipalities.get(f.municipalityCode()));
        fact(list, "person.languages", f.languages());
        fact(list, "person.phone", f.phone());
        fact(list, "person.address", f.address());
        fact(list, "person.registeredOn", p.registeredOn().format(DATE) + " · " + org.protectioncases.shared.ui.Staff.name(p.registeredBy()));
        return list;
    }

    private void fact(Div list, String key, @Nullable String value) {
        Div row = new Div(new Span(getTranslation(key)), new Span(value == null || value.isBlank() ? "–" : value));
        row.addClassName("fact");
        list.add(row);
    }

    private Component groups(PersonDetails p) {
        Grid<GroupMembershipDto> grid = new Grid<>();
        grid.addColumn(g -> getTranslation(g.group().messageKey())).setHeader(getTranslation("person.group")).setAutoWidth(true);
        grid.addColumn(g -> g.startDate().format(DATE)).setHeader(getTranslation("person.group.start")).setAutoWidth(true);
        grid.addColumn(g -> g.endDate() == null ? getTranslation("person.group.ongoing") : g.endDate().format(DATE))
                .setHeader(getTranslation("person.group.end")).setAutoWidth(true);
        grid.addColumn(g -> g.displacementPlace() == null ? "" : getTranslation(g.displacementPlace().messageKey()))
                .setHeader(getTranslation("person.group.displacementPlace")).setFlexGrow(1);
        grid.setItems(p.groups());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("person.tab.groups"));
        Div tab = new Div(grid);
        if (access.may(Permission.EDIT_PEOPLE)) {
            tab.add(addGroupForm(p));
        }
        return tab;
    }

    private Component addGroupForm(PersonDetails p) {
        Select<PopulationGroup> group = new Select<>();
        group.setLabel(getTranslation("person.group"));
        group.setItems(PopulationGroup.values());
        group.setItemLabelGenerator(g -> getTranslation(g.messageKey()));
        group.setValue(PopulationGroup.IDP);
        DatePicker start = DateFields.date(getTranslation("person.group.start"));
        start.setMax(java.time.LocalDate.now());
        DatePicker end = DateFields.date(getTranslation("person.group.end"));
        Select<DisplacementPlace> place = new Select<>();
        place.setLabel(getTranslation("person.group.displacementPlace"));
        place.setItems(DisplacementPlace.values());
        place.setItemLabelGenerator(d -> getTranslation(d.messageKey()));
        Button add = new Button(getTranslation("person.group.add"));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> {
            try {
                files.addGroup(p.id(), group.getValue(), start.getValue(), end.getValue(), place.getValue());
                Notifications.success(getTranslation("person.group.added"));
                people.get(p.id()).ifPresent(this::render);
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("startDate", start, "endDate", end, "displacementPlace", place), this);
            }
        });
        FlexLayout form = new FlexLayout(group, start, end, place, add);
        form.addClassName("filters");
        return form;
    }

    /** All the person's cases (closed ones too); the actions to open one are at the top of the page. */
    private Component casesTab(PersonDetails p, PersonOverview o) {
        Grid<PersonWork> grid = new Grid<>();
        grid.addComponentColumn(w -> new Anchor(w.href(), w.reference())).setHeader(getTranslation("case.number")).setAutoWidth(true);
        grid.addColumn(w -> getTranslation(w.titleKey())).setHeader(getTranslation("case.type")).setAutoWidth(true);
        grid.addColumn(w -> getTranslation(w.statusKey())).setHeader(getTranslation("case.status")).setAutoWidth(true);
        java.time.LocalDate today = java.time.LocalDate.now();
        grid.addColumn(w -> nextAction(w, today)).setHeader(getTranslation("case.nextAction")).setAutoWidth(true);
        grid.addColumn(PersonWork::assignedTo).setHeader(getTranslation("case.assignedTo")).setFlexGrow(1);
        grid.setItems(o.work());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("person.tab.cases"));
        grid.setVisible(!o.work().isEmpty());
        Div tab = new Div();
        if (o.work().isEmpty()) {
            tab.add(new Paragraph(getTranslation("person.hub.noCases")));
        }
        tab.add(grid, new Paragraph(new Anchor("cases?person=" + p.id(), getTranslation("person.cases.show"))));
        return tab;
    }

    private Component consentsTab(PersonDetails p) {
        Grid<org.protectioncases.people.ConsentDto> grid = new Grid<>();
        grid.addColumn(c -> getTranslation(c.scope().messageKey())).setHeader(getTranslation("consent.scope")).setAutoWidth(true);
        grid.addColumn(c -> c.givenOn().format(DATE)).setHeader(getTranslation("consent.givenOn")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.givenBy().messageKey())).setHeader(getTranslation("consent.givenBy")).setAutoWidth(true);
        grid.addColumn(c -> c.note() == null ? "" : c.note()).setHeader(getTranslation("consent.note")).setFlexGrow(1);
        grid.addColumn(org.protectioncases.people.ConsentDto::recordedBy).setHeader(getTranslation("access.who")).setAutoWidth(true);
        grid.addColumn(c -> c.withdrawnOn() == null ? getTranslation("consent.active") : getTranslation("consent.withdrawnOn", c.withdrawnOn().format(DATE)))
                .setHeader(getTranslation("consent.state")).setAutoWidth(true);
        boolean writer = access.may(Permission.EDIT_PEOPLE);
        if (writer) {
            grid.addComponentColumn(c -> {
                Button withdraw = new Button(getTranslation("consent.withdraw"), e -> {
                    consents.withdrawConsent(c.id(), java.time.LocalDate.now());
                    people.get(p.id()).ifPresent(this::render);
                });
                withdraw.addThemeVariants(ButtonVariant.TERTIARY);
                withdraw.setVisible(c.active());
                return withdraw;
            }).setAutoWidth(true);
        }
        grid.setItems(consents.consents(p.id()));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("person.tab.consents"));
        Div tab = new Div(grid);
        if (writer) {
            Select<org.protectioncases.people.ConsentScope> scope = new Select<>();
            scope.setLabel(getTranslation("consent.scope"));
            scope.setItems(org.protectioncases.people.ConsentScope.values());
            scope.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
            scope.setValue(org.protectioncases.people.ConsentScope.REFERRAL);
            Select<org.protectioncases.people.ConsentGiver> givenBy = new Select<>();
            givenBy.setLabel(getTranslation("consent.givenBy"));
            givenBy.setItems(org.protectioncases.people.ConsentGiver.values());
            givenBy.setItemLabelGenerator(g -> g == null ? "" : getTranslation(g.messageKey()));
            givenBy.setValue(org.protectioncases.people.ConsentGiver.PERSON);
            DatePicker given = DateFields.date(getTranslation("consent.givenOn"), java.time.LocalDate.now());
            given.setMax(java.time.LocalDate.now());
            com.vaadin.flow.component.textfield.TextField note = new com.vaadin.flow.component.textfield.TextField(getTranslation("consent.note"));
            note.setMaxLength(ConsentService.CONSENT_NOTE_MAX);
            Button record = new Button(getTranslation("consent.record"), e -> {
                try {
                    consents.recordConsents(p.id(), scope.getValue() == null ? java.util.Set.of() : java.util.Set.of(scope.getValue()),
                            givenBy.getValue(), given.getValue(), note.getValue());
                    Notifications.success(getTranslation("consent.recorded"));
                    people.get(p.id()).ifPresent(this::render);
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("scopes", scope, "givenBy", givenBy, "givenOn", given, "note", note), this);
                }
            });
            record.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(scope, givenBy, given, note, record);
            form.addClassName("filters");
            tab.add(form);
        }
        return tab;
    }

    private Component returnsTab(PersonDetails p, org.protectioncases.people.PersonFile file, Map<String, String> municipalities) {
        Grid<org.protectioncases.people.PersonRecords.ReturnEvent> grid = new Grid<>();
        grid.addColumn(r -> r.date().format(DATE)).setHeader(getTranslation("return.date")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.from().messageKey())).setHeader(getTranslation("return.from")).setAutoWidth(true);
        grid.addColumn(r -> municipalities.getOrDefault(r.municipalityCode(), r.municipalityCode())).setHeader(getTranslation("return.to")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.assisted() ? "return.assisted" : "return.spontaneous")).setHeader(getTranslation("return.kind")).setFlexGrow(1);
        grid.setItems(file.returns());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("person.tab.returns"));
        Div tab = new Div(grid);
        if (access.may(Permission.EDIT_PEOPLE)) {
            DatePicker date = DateFields.date(getTranslation("return.date"));
            date.setMax(java.time.LocalDate.now());
            Select<DisplacementPlace> from = new Select<>();
            from.setLabel(getTranslation("return.from"));
            from.setItems(DisplacementPlace.values());
            from.setItemLabelGenerator(d -> getTranslation(d.messageKey()));
            com.vaadin.flow.component.combobox.ComboBox<ReferenceItem> to = new com.vaadin.flow.component.combobox.ComboBox<>(getTranslation("return.to"));
            to.setItems(reference.municipalities(getLocale()));
            to.setItemLabelGenerator(ReferenceItem::name);
            com.vaadin.flow.component.checkbox.Checkbox assisted = new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("return.assisted"));
            Button add = new Button(getTranslation("return.add"), e -> {
                try {
                    files.addReturn(p.id(), date.getValue(), from.getValue(), to.getValue() == null ? null : to.getValue().code(), assisted.getValue());
                    Notifications.success(getTranslation("common.saved"));
                    people.get(p.id()).ifPresent(this::render);
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("returnDate", date, "returnedFrom", from, "returnMunicipality", to), this);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(date, from, to, assisted, add);
            form.addClassName("filters");
            tab.add(form);
        }
        return tab;
    }

    private Component documentsTab(PersonDetails p, org.protectioncases.people.PersonFile file) {
        Paragraph birth = new Paragraph(getTranslation("person.birthRegistered") + ": " + getTranslation(file.birthRegistered().messageKey()));
        Grid<org.protectioncases.people.PersonRecords.CivilDocument> grid = new Grid<>();
        grid.addColumn(d -> getTranslation(d.type().messageKey())).setHeader(getTranslation("document.type")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation(d.held() ? "document.held" : "document.missing")).setHeader(getTranslation("document.state")).setAutoWidth(true);
        grid.addColumn(d -> d.issuedOn() == null ? "" : d.issuedOn().format(DATE)).setHeader(getTranslation("document.issuedOn")).setFlexGrow(1);
        grid.setItems(file.documents());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("person.tab.documents"));
        Div tab = new Div(birth, grid);
        if (access.may(Permission.EDIT_PEOPLE)) {
            Select<org.protectioncases.people.BirthRegistration> registered = new Select<>();
            registered.setLabel(getTranslation("person.birthRegistered"));
            registered.setItems(org.protectioncases.people.BirthRegistration.values());
            registered.setItemLabelGenerator(b -> getTranslation(b.messageKey()));
            registered.setValue(file.birthRegistered());
            registered.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    files.setBirthRegistered(p.id(), e.getValue());
                    people.get(p.id()).ifPresent(this::render);
                }
            });
            Select<org.protectioncases.people.DocumentType> type = new Select<>();
            type.setLabel(getTranslation("document.type"));
            type.setItems(org.protectioncases.people.DocumentType.values());
            type.setItemLabelGenerator(d -> getTranslation(d.messageKey()));
            com.vaadin.flow.component.checkbox.Checkbox held = new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("document.held"), true);
            DatePicker issued = DateFields.date(getTranslation("document.issuedOn"));
            issued.setMax(java.time.LocalDate.now());
            held.addValueChangeListener(e -> issued.setEnabled(e.getValue()));
            Button add = new Button(getTranslation("document.add"), e -> {
                try {
                    files.addDocument(p.id(), type.getValue(), held.getValue(), held.getValue() ? issued.getValue() : null);
                    Notifications.success(getTranslation("common.saved"));
                    people.get(p.id()).ifPresent(this::render);
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("documentType", type, "issuedOn", issued), this);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(type, held, issued, add);
            form.addClassName("filters");
            tab.add(registered, form);
        }
        return tab;
    }

    private Component needsTab(PersonDetails p, org.protectioncases.people.PersonFile file) {
        Grid<org.protectioncases.people.PersonRecords.Need> grid = new Grid<>();
        grid.addColumn(n -> getTranslation(n.need().messageKey()) + (n.need().restricted() ? " · " + getTranslation("need.restricted") : ""))
                .setHeader(getTranslation("need.need")).setAutoWidth(true);
        grid.addColumn(n -> n.notedOn().format(DATE)).setHeader(getTranslation("need.notedOn")).setAutoWidth(true);
        grid.addColumn(n -> n.note() == null ? "" : n.note()).setHeader(getTranslation("consent.note")).setFlexGrow(1);
        grid.setItems(file.needs());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("person.tab.needs"));
        Div tab = new Div(grid);
        if (access.may(Permission.EDIT_PEOPLE)) {
            Select<org.protectioncases.people.SpecificNeed> need = new Select<>();
            need.setLabel(getTranslation("need.need"));
            need.setItems(org.protectioncases.people.SpecificNeed.values());
            need.setItemLabelGenerator(n -> getTranslation(n.messageKey()));
            DatePicker noted = DateFields.date(getTranslation("need.notedOn"), java.time.LocalDate.now());
            noted.setMax(java.time.LocalDate.now());
            com.vaadin.flow.component.textfield.TextField note = new com.vaadin.flow.component.textfield.TextField(getTranslation("consent.note"));
            note.setMaxLength(PersonFileService.NEED_NOTE_MAX);
            Button add = new Button(getTranslation("need.add"), e -> {
                try {
                    files.addNeed(p.id(), need.getValue(), noted.getValue(), note.getValue());
                    Notifications.success(getTranslation("common.saved"));
                    people.get(p.id()).ifPresent(this::render);
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("need", need, "notedOn", noted, "note", note), this);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(need, noted, note, add);
            form.addClassName("filters");
            tab.add(new Paragraph(getTranslation("need.restrictedHelp")), form);
        }
        return tab;
    }

    private Component householdTab(PersonDetails p) {
        Grid<org.protectioncases.people.HouseholdMember> grid = new Grid<>();
        grid.addComponentColumn(m -> new com.vaadin.flow.component.html.Anchor("people/" + m.personId(), PersonLabels.shown(m.label())))
                .setHeader(getTranslation("household.member")).setFlexGrow(1);
        grid.addColumn(m -> getTranslation(m.relationship().messageKey())).setHeader(getTranslation("household.relationship")).setAutoWidth(true);
        grid.setItems(households.household(p.id()));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("person.tab.household"));
        Div tab = new Div(grid);
        if (access.may(Permission.EDIT_PEOPLE)) {
            com.vaadin.flow.component.textfield.TextField number = new com.vaadin.flow.component.textfield.TextField(
                    getTranslation("household.memberRegistrationNo"));
            number.setMaxLength(TextRules.REGISTRATION_NO);
            Select<org.protectioncases.people.Relationship> relationship = new Select<>();
            relationship.setLabel(getTranslation("household.relationship"));
            relationship.setItems(java.util.Arrays.stream(org.protectioncases.people.Relationship.values())
                    .filter(r -> r != org.protectioncases.people.Relationship.HEAD).toList());
            relationship.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
            Button add = new Button(getTranslation("household.add"), e -> {
                try {
                    households.addToHousehold(p.id(), number.getValue(), relationship.getValue());
                    Notifications.success(getTranslation("common.saved"));
                    people.get(p.id()).ifPresent(this::render);
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("memberRegistrationNo", number, "relationship", relationship), this);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(number, relationship, add);
            form.addClassName("filters");
            tab.add(new Paragraph(getTranslation("household.help")), form);
        }
        return tab;
    }

    private Component historyTab(PersonDetails p) {
        return org.protectioncases.audit.ui.AuditGrids.history(people.history(p.id()), getTranslation("person.tab.history"));
    }

    /**
     * Edits the profile. If someone saved the person meanwhile, nothing is overwritten: the dialog
     * says who changed it and when, and offers to reload.
     */
    class EditDialog extends com.vaadin.flow.component.dialog.Dialog {
        final Paragraph conflict = new Paragraph();
        final Button save = new Button();

        EditDialog(PersonDetails p) {
            setHeaderTitle(getTranslation("person.edit"));
            PersonFormFields form = new PersonFormFields(reference);
            form.write(p.profile());
            add(form);
            // Right to rectification (issue #16): a correction the person asked for says who, when and why.
            var requester = new com.vaadin.flow.component.combobox.ComboBox<org.protectioncases.people.Rectification.Requester>(
                    getTranslation("rectification.requester"));
            requester.setItems(org.protectioncases.people.Rectification.Requester.values());
            requester.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
            requester.setClearButtonVisible(true);
            var requestedOn = org.protectioncases.shared.ui.DateFields.date(getTranslation("rectification.requestedOn"));
            var reason = new com.vaadin.flow.component.textfield.TextField(getTranslation("rectification.reason"));
            reason.setMaxLength(org.protectioncases.people.Rectification.REASON_MAX);
            reason.setHelperText(getTranslation("rectification.help"));
            var request = new com.vaadin.flow.component.formlayout.FormLayout(requester, requestedOn, reason);
            add(new com.vaadin.flow.component.html.H4(getTranslation("rectification.title")), request);
            conflict.addClassName("field-error");
            conflict.setVisible(false);
            add(conflict);
            Button reload = new Button(getTranslation("common.reload"), e -> {
                close();
                people.get(p.id()).ifPresent(PersonView.this::render);
            });
            reload.setVisible(false);
            save.setText(getTranslation("common.save"));
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> {
                try {
                    if (requester.getValue() != null || requestedOn.getValue() != null || !reason.getValue().isBlank()) {
                        people.rectify(p.id(), p.version(), form.read(), new org.protectioncases.people.Rectification(requester.getValue(),
                                requestedOn.getValue(), reason.getValue()));
                    } else {
                        people.update(p.id(), p.version(), form.read());
                    }
                    Notifications.success(getTranslation("person.saved"));
                    close();
                    people.get(p.id()).ifPresent(PersonView.this::render);
                } catch (FieldValidationException ex) {
                    Map<String, com.vaadin.flow.component.HasValidation> targets = new java.util.HashMap<>(form.errorTargets());
                    targets.put("requester", requester);
                    targets.put("requestedOn", requestedOn);
                    targets.put("reason", reason);
                    FormErrors.show(ex, targets, this);
                } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                    var last = people.history(p.id());
                    var change = last.isEmpty() ? null : last.get(last.size() - 1);
                    conflict.setText(change == null ? getTranslation("error.staleData")
                            : getTranslation("person.conflict", org.protectioncases.shared.ui.Staff.name(change.actor()), TIME.format(change.at())));
                    conflict.setVisible(true);
                    reload.setVisible(true);
                    save.setEnabled(false);
                }
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), reload, save);
            setWidth("min(60em, 95vw)");
        }
    }

    /** UNHCR managers merge a duplicate (by registration number) into this record. */
    class MergeDialog extends com.vaadin.flow.component.dialog.Dialog {
        MergeDialog(PersonDetails p) {
            setHeaderTitle(getTranslation("person.merge"));
            com.vaadin.flow.component.textfield.TextField number = new com.vaadin.flow.component.textfield.TextField(
                    getTranslation("person.merge.other"));
            number.setHelperText(getTranslation("person.merge.help", p.registrationNo()));
            number.setMaxLength(TextRules.REGISTRATION_NO);
            number.setWidthFull();
            add(number);
            Button merge = new Button(getTranslation("person.merge.confirm"), e -> {
                try {
                    PersonDetails result = merges.merge(p.id(), number.getValue());
                    Notifications.success(getTranslation("person.merged"));
                    close();
                    render(result);
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("registrationNo", number), this);
                }
            });
            merge.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), merge);
        }
    }

    private Component accessLog(PersonDetails p) {
        return org.protectioncases.audit.ui.AuditGrids.accessLog(people.accessLog(p.id()), getTranslation("person.tab.access"));
    }

    @Override
    public String getPageTitle() {
        return (person == null ? getTranslation("nav.people") : person.fullName()) + " | " + getTranslation("app.name");
    }
}
