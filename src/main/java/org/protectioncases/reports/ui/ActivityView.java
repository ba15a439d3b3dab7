package org.protectioncases.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.reports.activity.ActivityCells;
import org.protectioncases.reports.activity.ActivityReport;
import org.protectioncases.reports.activity.ActivityService;
import org.protectioncases.reports.activity.ActivityTable;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.ExportLinks;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Staff;

/**
 * Activity statistics for a period (year, quarter, month or any range of days): every table of
 * the user's role with its CSV and Excel downloads, and two charts drawn from the same numbers.
 * "For external sharing" protects small person counts on screen and in the downloads alike.
 */
@Route("reports/activity")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
@Menu(order = 62, title = "nav.activity", icon = "vaadin:line-bar-chart")
public class ActivityView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = Formats.DATE;

    final PeriodPicker picker;
    final Checkbox external = new Checkbox();
    final Div content = new Div();
    private final ActivityService service;

    public ActivityView(ActivityService service, Clock clock) {
        this.service = service;
        this.picker = new PeriodPicker(clock);
        addClassNames("page", "activity");
        external.setLabel(getTranslation("breakdown.external"));
        external.setHelperText(getTranslation("breakdown.external.help"));
        // As on every report page: what is shown may be copied outside, so it is protected unless unticked.
        external.setValue(true);
        picker.addChangeListener(this::render);
        external.addValueChangeListener(e -> render());
        FlexLayout controls = new FlexLayout(picker, external);
        controls.addClassName("filters");
        add(new H1(getTranslation("nav.activity")), controls, content);
        render();
    }

    private @Nullable ReportPeriod period() {
        try {
            ReportPeriod period = ReportPeriod.custom(picker.from(), picker.to());
            picker.fields().values().forEach(f -> f.setInvalid(false));
            return period;
        } catch (FieldValidationException e) {
            FormErrors.show(e, picker.fields(), this);
            return null;
        }
    }

    private void render() {
        content.removeAll();
        ReportPeriod period = period();
        if (period == null) {
            return;
        }
        ActivityReport report = service.report(period);
        String range = period.from().format(DATE) + " – " + period.to().format(DATE);
        content.add(new Paragraph(report.username() != null ? getTranslation("activity.scope.own", range)
                : report.partnerCode() != null ? getTranslation("activity.scope.partner", report.partnerCode(), range)
                : getTranslation("activity.scope.all", range)));
        boolean protect = external.getValue();
        if (protect) {
            content.add(new Paragraph(getTranslation("breakdown.external.note")));
        }
        content.add(contents(report));
        for (ActivityTable table : report.tables()) {
            Div section = new Div(new H2(getTranslation("activity.table." + table.key())));
            section.addClassName("activity-table");
            section.setId("activity-" + table.key());
            section.getElement().setAttribute("data-table", table.key());
            if (table.key().equals("sessionsByTopic")) {
                section.add(new Paragraph(getTranslation("activity.topics.note")));
            }
            if (table.key().equals("personsReached")) {
                section.add(new Paragraph(getTranslation("activity.persons.note")));
            }
            if (table.key().equals("hoursByKind")) {
                section.add(new Paragraph(getTranslation(table.dimension() == ActivityTable.Dimension.PARTNER
                        ? "activity.hours.notePartners" : "activity.hours.note")));
            }
            Grid<Integer> grid = grid(table, protect);
            Component chart = chart(table);
            section.add(new ExportLinks("activity-" + table.key() + "-" + period.fileLabel(), table.key(),
                    writer -> {
                        writer.header(headers(table));
                        for (List<Object> row : rowsForExport(table, protect)) {
                            writer.row(row);
                        }
                    }));
            if (chart != null) {
                Div layout = new Div(chart, grid);
                layout.addClassName("activity-chart");
                section.add(layout);
            } else {
                section.add(grid);
            }
            content.add(section);
        }
    }

    /** Links to every table, so a long report's tables (the partner ranking first for managers) are found at a glance. */
    private Component contents(ActivityReport report) {
        UnorderedList list = new UnorderedList();
        for (ActivityTable table : report.tables()) {
            Anchor link = new Anchor("#activity-" + table.key(),
                    getTranslation("activity.table." + table.key()));
            // A jump within the page, handled by the browser, not by the router.
            link.getElement().setAttribute("router-ignore", true);
            list.add(new ListItem(link));
        }
        Nav nav = new Nav(
                new H2(getTranslation("activity.contents")), list);
        nav.addClassName("report-contents");
        nav.getElement().setAttribute("aria-label", getTranslation("activity.contents"));
        return nav;
    }

    /**
     * The chart above its table: activity over time, sessions by type, and hours by kind of work
     * (stacked: the kinds add up to the hours worked). None counts persons.
     */
    private @Nullable Component chart(ActivityTable table) {
        boolean hours = table.unit() == ActivityTable.Unit.MINUTES;
        if (!table.key().equals("activityByMonth") && !table.key().equals("sessionsByType") && !(hours && !table.rows().isEmpty())) {
            return null;
        }
        String title = getTranslation("activity.table." + table.key());
        BarChart chart = new BarChart(getTranslation("activity.chartOf", title));
        if (!hours) {
            chart.sideBySide();
        }
        List<BarChart.Series> series = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            series.add(new BarChart.Series(getTranslation(table.columns().get(c)),
                    hours ? table.column(c).stream().map(ActivityView::hours).toList() : table.column(c)));
        }
        chart.show(table.rows().stream().map(r -> label(table, r.key())).toList(), series);
        return chart;
    }

    private Grid<Integer> grid(ActivityTable table, boolean protect) {
        List<List<Object>> cells = ActivityCells.publish(table, protect);
        List<String> headers = headers(table);
        NumberFormat numbers = table.unit() == ActivityTable.Unit.MINUTES ? Formats.upTo(getLocale(), 2) : Formats.integers(getLocale());
        Grid<Integer> grid = new Grid<>();
        int rows = table.rows().size();
        grid.addColumn(r -> r == rows ? getTranslation("factsheet.total") : label(table, table.rows().get(r).key()))
                .setHeader(headers.get(0)).setAutoWidth(true).setFlexGrow(1);
        for (int c = 1; c < headers.size(); c++) {
            int col = c - 1;
            grid.addColumn(r -> cells.get(r).get(col) instanceof Long n ? numbers.format(shown(table, n)) : String.valueOf(cells.get(r).get(col)))
                    .setHeader(headers.get(c)).setAutoWidth(true).setPartNameGenerator(r -> "number");
        }
        grid.setItems(IntStream.rangeClosed(0, rows).boxed().toList());
        grid.setPartNameGenerator(r -> r == rows ? "total" : null);
        if (rows > 14) {
            grid.setHeight("420px");
        } else {
            grid.setAllRowsVisible(true);
        }
        grid.setAriaLabel(getTranslation("activity.table." + table.key()));
        return grid;
    }

    private List<String> headers(ActivityTable table) {
        List<String> headers = new ArrayList<>();
        headers.add(getTranslation("activity.dimension." + table.dimension().name()));
        table.columns().forEach(c -> headers.add(getTranslation(c)));
        if (table.rowTotals()) {
            headers.add(getTranslation("factsheet.total"));
        }
        return headers;
    }

    /** The published cells with the row label in front; the last row is the total. */
    private List<List<Object>> rowsForExport(ActivityTable table, boolean protect) {
        List<List<Object>> cells = ActivityCells.publish(table, protect);
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            List<Object> row = new ArrayList<>();
            row.add(r == table.rows().size() ? getTranslation("factsheet.total") : label(table, table.rows().get(r).key()));
            cells.get(r).forEach(cell -> row.add(cell instanceof Long n ? shown(table, n) : cell));
            out.add(row);
        }
        return out;
    }

    /** A cell as shown and exported: a count as it is, minutes as hours (two decimals at most). */
    private static Number shown(ActivityTable table, long value) {
        return table.unit() == ActivityTable.Unit.MINUTES ? hours(value) : value;
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private String label(ActivityTable table, String key) {
        if (table.dimension() == ActivityTable.Dimension.MONTH) {
            return Formats.month(getLocale(), YearMonth.parse(key));
        }
        if (table.dimension() == ActivityTable.Dimension.STAFF) {
            return Staff.name(key);
        }
        String prefix = table.dimension().messagePrefix();
        return prefix == null ? key : getTranslation(prefix + key);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.activity") + " | " + getTranslation("app.name");
    }
}
