package org.protectioncases.reports.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.text.NumberFormat;
import java.util.List;
import org.protectioncases.reports.factsheet.YearCount;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.ExportLinks;

/** A yearly series on the factsheet page as a chart and, beside it, a table with the same numbers. */
final class YearSeriesSection extends Div {

    YearSeriesSection(String title, String file, List<YearCount> counts) {
        NumberFormat n = Formats.integers(getLocale());
        Grid<YearCount> grid = new Grid<>();
        grid.addColumn(YearCount::year).setHeader(getTranslation("factsheet.year")).setAutoWidth(true);
        grid.addColumn(c -> n.format(c.persons())).setHeader(getTranslation("factsheet.persons")).setAutoWidth(true);
        grid.setItems(counts);
        grid.setHeight("320px");
        grid.setAriaLabel(title);
        BarChart chart = new BarChart(getTranslation("factsheet.chartOf", title));
        chart.show(counts.stream().map(c -> String.valueOf(c.year())).toList(),
                List.of(new BarChart.Series(getTranslation("factsheet.persons"), counts.stream().map(YearCount::persons).toList())));
        Div layout = new Div(grid, chart);
        layout.addClassName("breakdown");
        // A working table without a "for external sharing" switch: the yearly series has no total to protect against,
        // and what is published goes through the protected tables and the PDF.
        var downloads = new ExportLinks(file, title,
                table -> {
                    table.row(title);
                    table.header(List.of(getTranslation("factsheet.year"), getTranslation("factsheet.persons")));
                    for (var c : counts) {
                        table.row(c.year(), c.persons());
                    }
                });
        add(new H3(title), downloads, layout);
    }
}
