package org.protectioncases.shelters.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.Access;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FilterFold;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shelters.ShelterDetails;
import org.protectioncases.shelters.ShelterFilter;
import org.protectioncases.shelters.ShelterOccupancy;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.shelters.ShelterStatus;
import org.protectioncases.shelters.ShelterSummary;

/**
 * The registry of collective shelters with their occupancy today, filtered by municipality and
 * status, and the factsheet figure ("412 persons in 22 shelters") as of a chosen date.
 */
@Route("shelters")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
@Menu(order = 50, title = "nav.shelters", icon = "vaadin:bed")
public class SheltersView extends Main implements HasDynamicTitle {

    static final DateTimeFormatter DATE = Formats.DATE;

    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final Select<ShelterStatus> status = new Select<>();
    final DatePicker asOf = DateFields.date();
    final Paragraph figure = new Paragraph();
    final Grid<ShelterSummary> grid = new Grid<>();
    final Button add = new Button();

    private final ShelterService shelters;
    private final List<ReferenceItem> municipalities;

    private final Clock clock;

    public SheltersView(ShelterService shelters, ReferenceDataService reference, Access access, Clock clock) {
        this.clock = clock;
        this.shelters = shelters;
        this.municipalities = reference.municipalities(getLocale());
        addClassName("page");
        Map<String, String> names = municipalities.stream().collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));

        municipality.setLabel(getTranslation("shelter.municipality"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(ReferenceItem::name);
        municipality.setClearButtonVisible(true);
        municipality.setPlaceholder(getTranslation("common.any"));
        status.setLabel(getTranslation("shelter.status"));
        status.setItems(ShelterStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("common.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("common.any") : getTranslation("shelter.status." + s.name()));
        municipality.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        asOf.setLabel(getTranslation("shelter.occupancyAsOf"));
        asOf.setValue(LocalDate.now(clock));
        asOf.addValueChangeListener(e -> showFigure());
        figure.addClassName("shelter-figure");
        showFigure();

        grid.addComponentColumn(s -> new Anchor("shelters/" + s.id(), s.name())).setHeader(getTranslation("shelter.name"))
                .setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(s -> names.getOrDefault(s.municipalityCode(), s.municipalityCode()))
                .setHeader(getTranslation("shelter.municipality")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("shelter.status." + s.status().name())
                        + (s.closedOn() == null ? "" : " · " + s.closedOn().format(DATE)))
                .setHeader(getTranslation("shelter.status")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("shelter.occupancyOfCapacity", s.occupancy(), s.capacity()))
                .setHeader(getTranslation("shelter.occupancy")).setAutoWidth(true);
        grid.setPartNameGenerator(s -> s.occupancy() > s.capacity() ? "overdue" : null);
        grid.setItems(query -> shelters.list(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, shelters.count(filter())));
        grid.addItemClickListener(e -> openShelter(e.getItem().id()));
        grid.setAriaLabel(getTranslation("nav.shelters"));
        grid.setSizeFull();

        add.setText(getTranslation("shelter.new"));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> new NewShelterDialog().open());
        add.setVisible(access.may(Permission.EDIT_SHELTER_REGISTRY));

        FlexLayout filters = new FlexLayout(municipality, status, asOf, add);
        filters.addClassName("filters");
        FilterFold.keep(add);
        add(new H2(getTranslation("nav.shelters")), figure, FilterFold.toggle(filters), filters, grid);
    }

    private void showFigure() {
        LocalDate day = asOf.getValue() == null ? LocalDate.now(clock) : asOf.getValue();
        ShelterOccupancy o = shelters.occupancyAsOf(day);
        figure.setText(getTranslation("shelter.factsheet", o.persons(), o.shelters(), day.format(DATE)));
    }

    ShelterFilter filter() {
        return new ShelterFilter(municipality.getValue() == null ? null : municipality.getValue().code(), status.getValue());
    }

    private void openShelter(long id) {
        getUI().ifPresent(ui -> ui.navigate(ShelterView.class, new RouteParameters("id", String.valueOf(id))));
    }

    /** Adds a shelter to the registry; the service's field errors stay next to the fields. */
    class NewShelterDialog extends Dialog {
        final ShelterFormFields form = new ShelterFormFields(municipalities, LocalDate.now(clock));
        final Button save = new Button(getTranslation("common.save"));

        NewShelterDialog() {
            setHeaderTitle(getTranslation("shelter.new"));
            add(form);
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> {
                try {
                    ShelterDetails created = shelters.create(form.value());
                    Notifications.success(getTranslation("shelter.created", created.summary().name()));
                    close();
                    openShelter(created.id());
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, form.fields(), this);
                }
            });
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
            form.name.focus();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shelters") + " | " + getTranslation("app.name");
    }
}
