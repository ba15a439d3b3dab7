package org.protectioncases.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.ui.RecordHistory;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.HouseholdService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFile;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonMergeService;
import org.protectioncases.people.PersonOverview;
import org.protectioncases.people.PersonOverviewService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonWork;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.Access;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.RecordPage;
import org.protectioncases.shared.ui.Staff;

/**
 * A person's page: profile, population groups over time, and (for UNHCR managers and
 * coordinators) who opened it. Opening it is logged; another partner's person is "not found".
 * The tabs and dialogs live in their own classes of this package ({@link PersonFileTabs},
 * {@link PersonTiesTabs}, {@link PersonSummaryCard}, {@link PersonEditDialog}, {@link PersonMergeDialog}).
 */
@Route("people/:id")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class PersonView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PersonService people;
    private final PersonFileService files;
    private final ConsentService consents;
    private final HouseholdService households;
    private final PersonMergeService merges;
    private final PersonOverviewService overviews;
    private final ReferenceDataService reference;
    private final Access access;
    private final Clock clock;
    private @Nullable PersonDetails person;

    public PersonView(PersonService people, PersonFileService files, ConsentService consents, HouseholdService households,
                      PersonMergeService merges, PersonOverviewService overviews, ReferenceDataService reference, Access access,
                      Clock clock) {
        this.people = people;
        this.files = files;
        this.consents = consents;
        this.households = households;
        this.merges = merges;
        this.overviews = overviews;
        this.reference = reference;
        this.access = access;
        this.clock = clock;
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
            event.forwardTo(PersonView.class, new RouteParameters("id", String.valueOf(kept.get())));
            return;
        }
        if (person == null) {
            RecordPage.notFound(this, "person");
            return;
        }
        render(person);
    }

    private void render(PersonDetails p) {
        removeAll();
        H2 title = new H2(p.anonymised() ? getTranslation("dataprotection.anonymisedName") : p.fullName());
        Span number = new Span(p.registrationNo());
        number.addClassName("registration-no");
        boolean editable = access.may(Permission.EDIT_PEOPLE);
        Runnable refresh = () -> people.get(p.id()).ifPresent(this::render);
        PersonFileTabs fileTabs = new PersonFileTabs(this, files, editable, refresh, clock);
        PersonTiesTabs tiesTabs = new PersonTiesTabs(this, consents, households, editable, refresh, clock);
        TabSheet tabs = new TabSheet();
        tabs.add(getTranslation("person.tab.profile"), profile(p));
        tabs.add(getTranslation("person.tab.groups"), fileTabs.groups(p));
        PersonFile file = files.file(p.id());
        tabs.add(getTranslation("person.tab.returns"), fileTabs.returnsTab(p, file, reference.municipalities(getLocale())));
        tabs.add(getTranslation("person.tab.documents"), fileTabs.documentsTab(p, file));
        tabs.add(getTranslation("person.tab.needs"), fileTabs.needsTab(p, file));
        tabs.add(getTranslation("person.tab.household"), tiesTabs.householdTab(p));
        PersonOverview overview = overviews.overview(p.id());
        LocalDate today = LocalDate.now(clock);
        tabs.add(getTranslation("person.tab.cases"), casesTab(p, overview, today));
        tabs.add(getTranslation("person.tab.consents"), tiesTabs.consentsTab(p));
        RecordHistory.addTabs(tabs, "person", people.history(p.id()),
                access.may(Permission.READ_ACCESS_LOG) ? () -> people.accessLog(p.id()) : null);
        tabs.setWidthFull();
        Div head = new Div(title, number);
        head.addClassName("case-head");
        if (overview.restrictedNeeds()) {
            Span flag = new Span(getTranslation("person.hub.restricted"));
            flag.addClassName("restricted-flag");
            head.add(flag);
        }
        head.add(actions(p));
        add(head, new PersonSummaryCard(p, overview, today), tabs);
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
            actions.add(new Button(getTranslation("person.edit"), e -> new PersonEditDialog(p, people, reference, LocalDate.now(clock), this::render).open()));
        } else if (access.may(Permission.MERGE_PEOPLE)) {
            actions.add(new Button(getTranslation("person.merge"), e -> new PersonMergeDialog(p, merges, this::render).open()));
        }
        return actions;
    }

    private static Anchor link(String href, String text, String id) {
        Anchor a = new Anchor(href, text);
        a.addClassName("button-link");
        a.setId(id);
        return a;
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
        fact(list, "person.registeredOn", p.registeredOn().format(Formats.DATE) + " · " + Staff.name(p.registeredBy()));
        return list;
    }

    private void fact(Div list, String key, @Nullable String value) {
        Div row = new Div(new Span(getTranslation(key)), new Span(value == null || value.isBlank() ? "–" : value));
        row.addClassName("fact");
        list.add(row);
    }

    /** All the person's cases (closed ones too); the actions to open one are at the top of the page. */
    private Component casesTab(PersonDetails p, PersonOverview o, LocalDate today) {
        Grid<PersonWork> grid = new Grid<>();
        grid.addComponentColumn(w -> new Anchor(w.href(), w.reference())).setHeader(getTranslation("case.number")).setAutoWidth(true);
        grid.addColumn(w -> getTranslation(w.titleKey())).setHeader(getTranslation("case.type")).setAutoWidth(true);
        grid.addColumn(w -> getTranslation(w.statusKey())).setHeader(getTranslation("case.status")).setAutoWidth(true);
        grid.addColumn(w -> PersonSummaryCard.nextAction(this, w, today)).setHeader(getTranslation("case.nextAction")).setAutoWidth(true);
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

    @Override
    public String getPageTitle() {
        return (person == null ? getTranslation("nav.people") : person.fullName()) + " | " + getTranslation("app.name");
    }
}
