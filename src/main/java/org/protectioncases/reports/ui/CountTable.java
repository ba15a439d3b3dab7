package org.protectioncases.reports.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.SmallCells;
import org.protectioncases.shared.export.TableWriter;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.ExportLinks;

/**
 * A table of people counts as it may be published: with "For external sharing" ticked, counts of
 * 1–4 and further cells wherever a total would give a hidden one away show as "&lt;5"
 * ({@link SmallCells}); the same numbers as a stacked bar chart (hidden while protected, since
 * bar heights would reveal the values); CSV and XLSX downloads of exactly what is shown.
 */
public class CountTable extends Div {

    private final List<String> rowLabels;
    private final List<String> headers;
    private final SmallCells.Result table;
    private final Checkbox external;
    private final String title;
    private final Locale locale;

    /**
     * @param counts one row per label, one column per series (e.g. female, male, other); totals are added
     */
    public CountTable(String title, String rowHeader, List<String> rowLabels, List<String> columns, long[][] counts,
                      String fileBaseName, boolean externalByDefault) {
        this.title = title;
        this.locale = getLocale();
        this.rowLabels = new ArrayList<>(rowLabels);
        this.rowLabels.add(getTranslation("factsheet.total"));
        this.headers = new ArrayList<>();
        headers.add(rowHeader);
        headers.addAll(columns);
        headers.add(getTranslation("factsheet.total"));
        this.table = SmallCells.protect(counts);
        addClassName("count-table");
        external = new Checkbox(getTranslation("breakdown.external"), externalByDefault);
        external.setHelperText(getTranslation("breakdown.external.help"));

        int totalRow = rowLabels.size();
        int totalCol = columns.size();
        Grid<Integer> grid = new Grid<>();
        for (int col = 0; col < headers.size(); col++) {
            int c = col;
            var column = grid.addColumn(r -> c == 0 ? this.rowLabels.get(r) : shown(r, c - 1)).setHeader(headers.get(c)).setAutoWidth(true);
            if (c > 0) {
                column.setPartNameGenerator(r -> "number");
            }
        }
        grid.setItems(IntStream.rangeClosed(0, totalRow).boxed().toList());
        grid.setPartNameGenerator(r -> r == totalRow ? "total" : null);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(title);

        BarChart chart = new BarChart(getTranslation("counttable.chart", title));
        List<BarChart.Series> series = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int col = c;
            series.add(new BarChart.Series(columns.get(c), IntStream.range(0, rowLabels.size())
                    .mapToObj(r -> counts[r][col]).toList()));
        }
        chart.show(rowLabels, series);
        Paragraph chartHidden = new Paragraph(getTranslation("breakdown.chartHidden"));
        Paragraph total = new Paragraph();
        Runnable refresh = () -> {
            grid.getDataProvider().refreshAll();
            chart.setVisible(!external.getValue());
            chartHidden.setVisible(external.getValue());
            total.setText(getTranslation("counttable.total", shown(totalRow, totalCol)));
        };
        external.addValueChangeListener(e -> refresh.run());
        refresh.run();

        ExportLinks downloads = new ExportLinks(fileBaseName, title, this::write);
        FlexLayout actions = new FlexLayout(external, downloads);
        actions.addClassName("filters");
        Div layout = new Div(grid, new Div(chart, chartHidden));
        layout.addClassName("breakdown");
        add(total, actions, layout);
    }

    /** Whether the table is currently shown as for external sharing. */
    public boolean isExternal() {
        return external.getValue();
    }

    private String shown(int row, int col) {
        @Nullable Object value = published(row, col);
        return value instanceof Long n ? Formats.integer(locale, n) : String.valueOf(value);
    }

    /** A cell as published: the count, or "<5" for a cell hidden for external sharing. */
    private Object published(int row, int col) {
        if (external.getValue() && table.isHidden(row, col)) {
            return SmallCells.MARKER;
        }
        return table.values()[row][col];
    }

    private void write(TableWriter out) throws IOException {
        out.row(title);
        out.header(headers);
        for (int r = 0; r < rowLabels.size(); r++) {
            List<Object> row = new ArrayList<>();
            row.add(rowLabels.get(r));
            for (int c = 0; c < headers.size() - 1; c++) {
                row.add(published(r, c));
            }
            out.row(row);
        }
        if (external.getValue()) {
            out.row(getTranslation("breakdown.external.note"));
        }
    }
}
