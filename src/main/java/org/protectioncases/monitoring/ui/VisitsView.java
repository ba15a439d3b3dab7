package org.protectioncases.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
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
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.VisitDraftService;
import org.protectioncases.monitoring.VisitDraftSummary;
import org.protectioncases.monitoring.VisitFilter;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.monitoring.VisitSummary;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.Access;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FilterFold;
import org.protectioncases.shared.ui.Staff;

/**
 * Monitoring visits the user may see (their partner's; all for UNHCR managers), newest first,
 * filtered by dates, location type, municipality, monitor and purpose. Paged and counted in SQL.
 */
@Route("visits")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
@Menu(order = 30, title = "nav.visits", icon = "vaadin:map-marker")
public class VisitsView extends Main implements HasDynamicTitle {

    static final DateTimeFormatter DATE = Formats.DATE;

    final DatePicker from = DateFields.date();
    final DatePicker to = DateFields.date();
    final Select<LocationType> locationType = new Select<>();
    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final ComboBox<String> monitor = new ComboBox<>();
    final Select<VisitPurpose> purpose = new Select<>();
    final Grid<VisitSummary> grid = new Grid<>();
    final Button record = new Button();

    private final Clock clock;

    public VisitsView(VisitService visits, ReferenceDataService reference, Access access,
                      VisitDraftService drafts, Clock clock) {
        this.clock = clock;
        addClassName("page");
        from.setLabel(getTranslation("visit.filter.from"));
        to.setLabel(getTranslation("visit.filter.to"));
        locationType.setLabel(getTranslation("visit.locationType"));
        locationType.setItems(LocationType.values());
        locationType.setEmptySelectionAllowed(true);
        locationType.setEmptySelectionCaption(getTranslation("common.any"));
        locationType.setItemLabelGenerator(t -> t == null ? getTranslation("common.any") : getTranslation(t.messageKey()));
        var municipalities = reference.municipalities(getLocale());
        Map<String, String> municipalityNames = municipalities.stream().collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        municipality.setLabel(getTranslation("visit.municipality"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(ReferenceItem::name);
        municipality.setClearButtonVisible(true);
        monitor.setLabel(getTranslation("visit.monitor"));
        monitor.setItems(visits.monitorNames());
        monitor.setItemLabelGenerator(Staff::name);
        monitor.setClearButtonVisible(true);
        purpose.setLabel(getTranslation("visit.purpose"));
        purpose.setItems(VisitPurpose.values());
        purpose.setEmptySelectionAllowed(true);
        purpose.setEmptySelectionCaption(getTranslation("common.any"));
        purpose.setItemLabelGenerator(p -> p == null ? getTranslation("common.any") : getTranslation(p.messageKey()));
        for (HasValue<?, ?> field : new HasValue<?, ?>[] {from, to, locationType, municipality, monitor, purpose}) {
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }

        LocalDate today = LocalDate.now(clock);
        grid.addColumn(v -> v.visitDate().format(DATE)).setHeader(getTranslation("visit.date")).setSortProperty("visitDate").setAutoWidth(true);
        grid.addColumn(v -> getTranslation(v.locationType().messageKey())).setHeader(getTranslation("visit.locationType"))
                .setSortProperty("locationType").setAutoWidth(true);
        grid.addColumn(VisitSummary::place).setHeader(getTranslation("visit.place")).setSortProperty("place").setFlexGrow(1);
        grid.addColumn(v -> municipalityNames.getOrDefault(v.municipalityCode(), v.municipalityCode()))
                .setHeader(getTranslation("visit.municipality")).setSortProperty("municipality").setAutoWidth(true);
        grid.addColumn(v -> getTranslation(v.purpose().messageKey())).setHeader(getTranslation("visit.purpose"))
                .setSortProperty("purpose").setAutoWidth(true);
        grid.addColumn(v -> Staff.namesOf(v.monitors())).setHeader(getTranslation("visit.monitors")).setAutoWidth(true);
        grid.addColumn(VisitSummary::peopleMet).setHeader(getTranslation("visit.peopleMet")).setAutoWidth(true);
        grid.addColumn(v -> v.personsObserved() == null ? "" : String.valueOf(v.personsObserved()))
                .setHeader(getTranslation("visit.personsObserved")).setAutoWidth(true);
        grid.addColumn(v -> v.followUpOn() == null ? "" : v.followUpOn().format(DATE)
                        + (v.followUpDone() ? " · " + getTranslation("visit.followUpDone")
                        : v.followUpOverdue(today) ? " · " + getTranslation("case.overdue") : ""))
                .setHeader(getTranslation("visit.followUpOn")).setSortProperty("followUpOn").setAutoWidth(true);
        if (access.may(Permission.READ_ACROSS_PARTNERS)) {
            grid.addColumn(VisitSummary::partnerCode).setHeader(getTranslation("visit.partner")).setAutoWidth(true);
        }
        grid.setPartNameGenerator(v -> v.followUpOverdue(today) ? "overdue" : null);
        grid.setItems(query -> visits.list(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, visits.count(filter())));
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(VisitView.class, new RouteParameters("id", String.valueOf(e.getItem().id())))));
        grid.setAriaLabel(getTranslation("nav.visits"));
        grid.setSizeFull();

        record.setText(getTranslation("visit.record"));
        record.addThemeVariants(ButtonVariant.PRIMARY);
        record.setVisible(access.may(Permission.RECORD_VISITS));
        record.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(VisitFormView.class)));

        FlexLayout filters = new FlexLayout(from, to, locationType, municipality, monitor, purpose);
        filters.addClassName("filters");
        FlexLayout toolbar = new FlexLayout(new H2(getTranslation("nav.visits")), record);
        toolbar.addClassName("toolbar");
        add(toolbar);
        if (access.may(Permission.RECORD_VISITS)) {
            myDrafts(drafts.mine());
        }
        add(FilterFold.toggle(filters), filters, grid);
    }

    /** "My drafts": visits being filled that were not recorded yet (issue #14), each a link back into the form. */
    private void myDrafts(List<VisitDraftSummary> mine) {
        if (mine.isEmpty()) {
            return;
        }
        Div list = new Div(
                new H3(getTranslation("phone.drafts.title")));
        list.addClassName("my-drafts");
        for (var draft : mine) {
            list.add(new Div(new Anchor(
                    "visits/new?draft=" + draft.id(), draftLabel(this, draft))));
        }
        add(list);
    }

    /** "Border crossing point · Merdare · saved 02.12.2026 14:55". */
    static String draftLabel(Component ui, VisitDraftSummary draft) {
        var f = draft.form();
        String what = f.locationType() == null ? ui.getTranslation("phone.drafts.untitled") : ui.getTranslation(f.locationType().messageKey());
        String where = f.place() == null || f.place().isBlank() ? "" : " · " + f.place();
        return what + where + " · " + ui.getTranslation("phone.drafts.saved", Formats.MOMENT.format(draft.updatedAt()));
    }

    VisitFilter filter() {
        return new VisitFilter(from.getValue(), to.getValue(), locationType.getValue(),
                municipality.getValue() == null ? null : municipality.getValue().code(), monitor.getValue(), purpose.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.visits") + " | " + getTranslation("app.name");
    }
}
