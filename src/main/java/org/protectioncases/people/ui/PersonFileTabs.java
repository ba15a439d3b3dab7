package org.protectioncases.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.protectioncases.people.BirthRegistration;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.GroupMembershipDto;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFile;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonRecords;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.SpecificNeed;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/**
 * The tabs of a person's page kept by {@link PersonFileService}: population groups over time,
 * returns, civil documents and specific needs, each with its "add" form for those who edit people.
 * After a change the page is rendered again ({@code refresh}).
 */
final class PersonFileTabs {

    private final Component page;
    private final PersonFileService files;
    private final boolean editable;
    private final Runnable refresh;
    private final Clock clock;

    PersonFileTabs(Component page, PersonFileService files, boolean editable, Runnable refresh, Clock clock) {
        this.page = page;
        this.files = files;
        this.editable = editable;
        this.refresh = refresh;
        this.clock = clock;
    }

    private String t(String key, Object... args) {
        return page.getTranslation(key, args);
    }

    Component groups(PersonDetails p) {
        Grid<GroupMembershipDto> grid = new Grid<>();
        grid.addColumn(g -> t(g.group().messageKey())).setHeader(t("person.group")).setAutoWidth(true);
        grid.addColumn(g -> g.startDate().format(Formats.DATE)).setHeader(t("person.group.start")).setAutoWidth(true);
        grid.addColumn(g -> g.endDate() == null ? t("person.group.ongoing") : g.endDate().format(Formats.DATE))
                .setHeader(t("person.group.end")).setAutoWidth(true);
        grid.addColumn(g -> g.displacementPlace() == null ? "" : t(g.displacementPlace().messageKey()))
                .setHeader(t("person.group.displacementPlace")).setFlexGrow(1);
        grid.setItems(p.groups());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(t("person.tab.groups"));
        Div tab = new Div(grid);
        if (editable) {
            tab.add(addGroupForm(p));
        }
        return tab;
    }

    private Component addGroupForm(PersonDetails p) {
        Select<PopulationGroup> group = new Select<>();
        group.setLabel(t("person.group"));
        group.setItems(PopulationGroup.values());
        group.setItemLabelGenerator(g -> t(g.messageKey()));
        group.setValue(PopulationGroup.IDP);
        DatePicker start = DateFields.date(t("person.group.start"));
        start.setMax(LocalDate.now(clock));
        DatePicker end = DateFields.date(t("person.group.end"));
        Select<DisplacementPlace> place = new Select<>();
        place.setLabel(t("person.group.displacementPlace"));
        place.setItems(DisplacementPlace.values());
        place.setItemLabelGenerator(d -> t(d.messageKey()));
        Button add = new Button(t("person.group.add"));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> {
            try {
                files.addGroup(p.id(), group.getValue(), start.getValue(), end.getValue(), place.getValue());
                Notifications.success(t("person.group.added"));
                refresh.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("startDate", start, "endDate", end, "displacementPlace", place), page);
            }
        });
        FlexLayout form = new FlexLayout(group, start, end, place, add);
        form.addClassName("filters");
        return form;
    }


    /** The person's returns; {@code municipalities} in the reader's language. */
    Component returnsTab(PersonDetails p, PersonFile file, List<ReferenceItem> municipalities) {
        Map<String, String> names = municipalities.stream().collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        Grid<PersonRecords.ReturnEvent> grid = new Grid<>();
        grid.addColumn(r -> r.date().format(Formats.DATE)).setHeader(t("return.date")).setAutoWidth(true);
        grid.addColumn(r -> t(r.from().messageKey())).setHeader(t("return.from")).setAutoWidth(true);
        grid.addColumn(r -> names.getOrDefault(r.municipalityCode(), r.municipalityCode())).setHeader(t("return.to")).setAutoWidth(true);
        grid.addColumn(r -> t(r.assisted() ? "return.assisted" : "return.spontaneous")).setHeader(t("return.kind")).setFlexGrow(1);
        grid.setItems(file.returns());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(t("person.tab.returns"));
        Div tab = new Div(grid);
        if (editable) {
            DatePicker date = DateFields.date(t("return.date"));
            date.setMax(LocalDate.now(clock));
            Select<DisplacementPlace> from = new Select<>();
            from.setLabel(t("return.from"));
            from.setItems(DisplacementPlace.values());
            from.setItemLabelGenerator(d -> t(d.messageKey()));
            ComboBox<ReferenceItem> to = new ComboBox<>(t("return.to"));
            to.setItems(municipalities);
            to.setItemLabelGenerator(ReferenceItem::name);
            Checkbox assisted = new Checkbox(t("return.assisted"));
            Button add = new Button(t("return.add"), e -> {
                try {
                    files.addReturn(p.id(), date.getValue(), from.getValue(), to.getValue() == null ? null : to.getValue().code(), assisted.getValue());
                    Notifications.success(t("common.saved"));
                    refresh.run();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("returnDate", date, "returnedFrom", from, "returnMunicipality", to), page);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(date, from, to, assisted, add);
            form.addClassName("filters");
            tab.add(form);
        }
        return tab;
    }

    Component documentsTab(PersonDetails p, PersonFile file) {
        Paragraph birth = new Paragraph(t("person.birthRegistered") + ": " + t(file.birthRegistered().messageKey()));
        Grid<PersonRecords.CivilDocument> grid = new Grid<>();
        grid.addColumn(d -> t(d.type().messageKey())).setHeader(t("document.type")).setAutoWidth(true);
        grid.addColumn(d -> t(d.held() ? "document.held" : "document.missing")).setHeader(t("document.state")).setAutoWidth(true);
        grid.addColumn(d -> d.issuedOn() == null ? "" : d.issuedOn().format(Formats.DATE)).setHeader(t("document.issuedOn")).setFlexGrow(1);
        grid.setItems(file.documents());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(t("person.tab.documents"));
        Div tab = new Div(birth, grid);
        if (editable) {
            Select<BirthRegistration> registered = new Select<>();
            registered.setLabel(t("person.birthRegistered"));
            registered.setItems(BirthRegistration.values());
            registered.setItemLabelGenerator(b -> t(b.messageKey()));
            registered.setValue(file.birthRegistered());
            registered.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    files.setBirthRegistered(p.id(), e.getValue());
                    refresh.run();
                }
            });
            Select<DocumentType> type = new Select<>();
            type.setLabel(t("document.type"));
            type.setItems(DocumentType.values());
            type.setItemLabelGenerator(d -> t(d.messageKey()));
            Checkbox held = new Checkbox(t("document.held"), true);
            DatePicker issued = DateFields.date(t("document.issuedOn"));
            issued.setMax(LocalDate.now(clock));
            held.addValueChangeListener(e -> issued.setEnabled(e.getValue()));
            Button add = new Button(t("document.add"), e -> {
                try {
                    files.addDocument(p.id(), type.getValue(), held.getValue(), held.getValue() ? issued.getValue() : null);
                    Notifications.success(t("common.saved"));
                    refresh.run();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("documentType", type, "issuedOn", issued), page);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(type, held, issued, add);
            form.addClassName("filters");
            tab.add(registered, form);
        }
        return tab;
    }

    Component needsTab(PersonDetails p, PersonFile file) {
        Grid<PersonRecords.Need> grid = new Grid<>();
        grid.addColumn(n -> t(n.need().messageKey()) + (n.need().restricted() ? " · " + t("need.restricted") : ""))
                .setHeader(t("need.need")).setAutoWidth(true);
        grid.addColumn(n -> n.notedOn().format(Formats.DATE)).setHeader(t("need.notedOn")).setAutoWidth(true);
        grid.addColumn(n -> n.note() == null ? "" : n.note()).setHeader(t("consent.note")).setFlexGrow(1);
        grid.setItems(file.needs());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(t("person.tab.needs"));
        Div tab = new Div(grid);
        if (editable) {
            Select<SpecificNeed> need = new Select<>();
            need.setLabel(t("need.need"));
            need.setItems(SpecificNeed.values());
            need.setItemLabelGenerator(n -> t(n.messageKey()));
            DatePicker noted = DateFields.date(t("need.notedOn"), LocalDate.now(clock));
            noted.setMax(LocalDate.now(clock));
            TextField note = new TextField(t("consent.note"));
            note.setMaxLength(PersonFileService.NEED_NOTE_MAX);
            Button add = new Button(t("need.add"), e -> {
                try {
                    files.addNeed(p.id(), need.getValue(), noted.getValue(), note.getValue());
                    Notifications.success(t("common.saved"));
                    refresh.run();
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("need", need, "notedOn", noted, "note", note), page);
                }
            });
            add.addThemeVariants(ButtonVariant.PRIMARY);
            FlexLayout form = new FlexLayout(need, noted, note, add);
            form.addClassName("filters");
            tab.add(new Paragraph(t("need.restrictedHelp")), form);
        }
        return tab;
    }}
