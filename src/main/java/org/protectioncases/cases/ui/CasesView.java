package org.protectioncases.cases.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseExportService;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.cases.CaseTransferService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.security.Access;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.EmptyState;
import org.protectioncases.shared.ui.ExportLinks;
import org.protectioncases.shared.ui.FilterFold;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.ui.Staff;
import org.protectioncases.shared.validation.TextRules;

/**
 * "My cases" for lawyers, the partner's cases for coordinators and monitors, all cases for UNHCR
 * managers; filters by type, status and overdue next action. Paged and counted in SQL.
 */
@Route("cases")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
@Menu(order = 20, title = "nav.cases", icon = "vaadin:folder-open")
public class CasesView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    static final DateTimeFormatter DATE = Formats.DATE;

    final Checkbox mine = new Checkbox();
    final Select<CaseType> type = new Select<>();
    final Select<CaseStatus> status = new Select<>();
    final Checkbox overdue = new Checkbox();
    final ComboBox<UserAccountDto> caseworker = new ComboBox<>();
    final TextField search = new TextField();
    final Grid<CaseSummary> grid = new Grid<>();
    /** Set by {@code cases?person=ID} (the person page's "cases" link). */
    private @Nullable Long personId;

    public CasesView(CaseService cases, CaseTransferService transfers, Access access,
                     UserAccountService accounts, CaseExportService exports, Clock clock) {
        addClassName("page");
        boolean worksOnCases = access.may(Permission.WORK_ON_CASES);
        boolean coordinator = access.may(Permission.COORDINATE_CASES);
        mine.setLabel(getTranslation("case.filter.mine"));
        // A caseworker who does not coordinate starts with their own cases.
        mine.setValue(worksOnCases && !coordinator);
        mine.setVisible(worksOnCases);
        type.setLabel(getTranslation("case.type"));
        type.setItems(CaseType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("common.any"));
        type.setItemLabelGenerator(t -> t == null ? getTranslation("common.any") : getTranslation(t.messageKey()));
        status.setLabel(getTranslation("case.status"));
        status.setItems(CaseStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("common.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("common.any") : getTranslation(s.messageKey()));
        overdue.setLabel(getTranslation("case.filter.overdue"));
        caseworker.setLabel(getTranslation("case.assignedTo"));
        caseworker.setClearButtonVisible(true);
        caseworker.setVisible(coordinator);
        if (coordinator) {
            caseworker.setItems(accounts.caseworkers());
            caseworker.setItemLabelGenerator(UserAccountDto::fullName);
        }
        search.setLabel(getTranslation("case.search"));
        search.setPlaceholder(getTranslation("case.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setMaxLength(TextRules.NAME_SEARCH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        FilterFold.keep(search);
        for (var field : new HasValue<?, ?>[] {mine, type, status, overdue, caseworker, search}) {
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }

        LocalDate today = LocalDate.now(clock);
        grid.addColumn(CaseSummary::caseNo).setHeader(getTranslation("case.number")).setSortProperty("caseNo").setAutoWidth(true);
        // Long texts (case types, names, statuses in Albanian and Serbian) wrap in columns of a set width,
        // so that the list fits a 1280 px screen with the menu open instead of scrolling sideways.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> getTranslation(c.type().messageKey())).setHeader(getTranslation("case.type")).setSortProperty("type")
                .setWidth("8em").setFlexGrow(1);
        grid.addColumn(c -> PersonLabels.shown(c.personLabel())).setHeader(getTranslation("case.person")).setWidth("10em").setFlexGrow(2);
        grid.addComponentColumn(c -> CaseBadges.status(c.status(), null)).setHeader(getTranslation("case.status"))
                .setSortProperty("status").setWidth("8.5em").setFlexGrow(0);
        grid.addColumn(c -> getTranslation(c.priority().messageKey())).setHeader(getTranslation("case.priority")).setSortProperty("priority").setAutoWidth(true);
        grid.addColumn(c -> Staff.name(c.assignedTo())).setHeader(getTranslation("case.assignedTo"))
                .setSortProperty("assignedTo").setWidth("8em").setFlexGrow(1);
        grid.addColumn(c -> c.nextActionDate() == null ? "" : c.nextActionDate().format(DATE)
                        + (c.overdue(today) ? " · " + getTranslation("case.overdue") : ""))
                .setHeader(getTranslation("case.nextAction")).setSortProperty("nextActionDate").setWidth("8em").setFlexGrow(0);
        grid.setPartNameGenerator(c -> c.overdue(today) ? "overdue" : null);
        // No count: an exact count of a partner's whole caseload (400,000 cases at scale) costs a scan of
        // its index on every refresh, the page itself under a millisecond. The grid grows as the user scrolls.
        grid.setItems(query -> cases.list(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(CaseView.class, new RouteParameters("id", String.valueOf(e.getItem().id())))));
        grid.setAriaLabel(getTranslation("nav.cases"));
        grid.setSizeFull();
        EmptyState.on(grid, getTranslation("case.empty"));
        // On a phone: the case number and the person (phone.js); a tap opens the rest.
        grid.getElement().setAttribute("data-phone-columns", "0,2");

        FlexLayout filters = new FlexLayout(search, mine, type, status, caseworker, overdue);
        filters.addClassName("filters");
        if (access.may(Permission.EXPORT_CASES)) {
            // Lawyers export their own cases, coordinators the partner's, managers without names (the service decides).
            Locale locale = getLocale();
            var export = new ExportLinks("cases-" + today,
                    (format, out) -> exports.export(filter(), format, out, locale));
            export.getElement().setAttribute("title", getTranslation(exports.includesPersons()
                    ? "case.export.withPersons" : "case.export.withoutPersons"));
            filters.add(export);
        }
        H2 heading = new H2(getTranslation("nav.cases"));
        if (worksOnCases) {
            // A case is opened for a person: the new-case page asks which one first.
            Button newCase = new Button(getTranslation("case.new"),
                    VaadinIcon.PLUS.create(), e -> getUI().ifPresent(ui -> ui.navigate(NewCaseView.class)));
            newCase.addThemeVariants(ButtonVariant.PRIMARY);
            newCase.addClassName("new-case");
            FlexLayout top = new FlexLayout(heading, newCase);
            top.addClassName("page-top");
            add(top);
        } else {
            add(heading);
        }
        if (coordinator) {
            add(incoming(transfers));
        }
        // The overdue rows are explained, not only coloured.
        Span swatch = new Span();
        swatch.addClassName("overdue-swatch");
        swatch.getElement().setAttribute("aria-hidden", "true");
        Paragraph legend = new Paragraph(swatch,
                new Span(getTranslation("case.legend.overdue")));
        legend.addClassName("grid-legend");
        add(FilterFold.toggle(filters), filters, legend, grid);
    }

    /** Transfers other partners asked this coordinator's partner to accept. */
    private Component incoming(CaseTransferService transfers) {
        Div panel = new Div();
        panel.addClassName("incoming");
        var pending = transfers.incomingTransfers();
        panel.setVisible(!pending.isEmpty());
        if (!pending.isEmpty()) {
            panel.add(new H3(getTranslation("transfer.incoming")));
        }
        for (var t : pending) {
            var accept = new Button(getTranslation("transfer.accept"), e -> {
                var decided = transfers.decideTransfer(t.id(), true, null);
                getUI().ifPresent(ui -> ui.navigate(CaseView.class, new RouteParameters("id", String.valueOf(decided.caseId()))));
            });
            accept.addThemeVariants(ButtonVariant.PRIMARY);
            var decline = new Button(getTranslation("transfer.decline"), e -> {
                transfers.decideTransfer(t.id(), false, null);
                getUI().ifPresent(ui -> ui.getPage().reload());
            });
            var row = new Div(new Span(
                    t.caseNo() + " · " + getTranslation(t.caseType().messageKey()) + " · " + PersonLabels.shown(t.personLabel()) + " — " + t.reason()),
                    accept, decline);
            row.addClassName("duplicate-row");
            panel.add(row);
        }
        return panel;
    }

    CaseFilter filter() {
        return new CaseFilter(mine.getValue(), type.getValue(), status.getValue(),
                caseworker.getValue() == null ? null : caseworker.getValue().username(), overdue.getValue(), personId,
                search.getValue().isBlank() ? null : search.getValue().strip());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        personId = event.getLocation().getQueryParameters().getSingleParameter("person").map(p -> {
            try {
                return Long.parseLong(p);
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        if (personId != null) {
            mine.setValue(false);
        }
        // cases?overdue (the coordinator's home page): the overdue cases of the partner.
        if (event.getLocation().getQueryParameters().getParameters().containsKey("overdue")) {
            overdue.setValue(true);
            mine.setValue(false);
        }
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases") + " | " + getTranslation("app.name");
    }
}
