package org.protectioncases.reports.ui;

import static org.protectioncases.reports.ui.FigureTexts.number;
import static org.protectioncases.reports.ui.FigureTexts.percent;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.Figure;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.ExportLinks;

/** The factsheet page's funding as a donut (funded and unfunded shares of the requirement) and a table with the same numbers. */
final class FundingSection {

    private record Line(String item, Figure amount, @Nullable Double share) {
    }

    private FundingSection() {
    }

    static Component of(Component page, Factsheet f) {
        List<Line> lines = List.of(
                new Line(page.getTranslation("factsheet.requirement"), f.fundingRequirement(), f.fundingRequirement().available() ? 100.0 : null),
                new Line(page.getTranslation("factsheet.funded"), f.funded(), f.fundedPercent()),
                new Line(page.getTranslation("factsheet.unfunded"), f.unfunded(), f.unfundedPercent()));
        Grid<Line> table = new Grid<>();
        table.addColumn(Line::item).setHeader(page.getTranslation("factsheet.funding.chart.item")).setAutoWidth(true);
        table.addColumn(l -> number(page, l.amount())).setHeader(page.getTranslation("factsheet.funding.chart.amount")).setAutoWidth(true)
                .setPartNameGenerator(l -> "number");
        table.addColumn(l -> l.share() == null ? page.getTranslation("factsheet.notAvailable") : Formats.percent(FigureTexts.locale(), l.share()))
                .setHeader(page.getTranslation("factsheet.funding.chart.share")).setAutoWidth(true);
        table.setItems(lines);
        table.setAllRowsVisible(true);
        table.setAriaLabel(page.getTranslation("factsheet.funding", String.valueOf(f.year())));
        String notAvailable = page.getTranslation("factsheet.notAvailable");
        List<String> headers = List.of(page.getTranslation("factsheet.funding.chart.item"),
                page.getTranslation("factsheet.funding.chart.amount"), page.getTranslation("factsheet.funding.chart.share"));
        String title = page.getTranslation("factsheet.funding", String.valueOf(f.year()));
        var downloads = new ExportLinks("factsheet-" + f.year() + "-" + f.asOf() + "-funding",
                title, out -> {
                    out.row(title);
                    out.header(headers);
                    for (Line l : lines) {
                        out.row(l.item(), l.amount().value() == null ? notAvailable : l.amount().value(),
                                l.share() == null ? notAvailable : Math.round(l.share() * 10) / 10.0);
                    }
                });
        Div layout = new Div(new Div(table, downloads));
        layout.addClassName("breakdown");
        if (f.fundedPercent() != null && f.unfundedPercent() != null) {
            DonutChart donut = new DonutChart(page.getTranslation("factsheet.funding.chart.label"));
            donut.show(List.of(
                    new DonutChart.Slice(page.getTranslation("factsheet.funded") + percent(page, f.fundedPercent()), f.fundedPercent(), "#0072BC"),
                    new DonutChart.Slice(page.getTranslation("factsheet.unfunded") + percent(page, f.unfundedPercent()), f.unfundedPercent(),
                            "#B2CDE8")),
                    "USD " + number(page, f.fundingRequirement()), page.getTranslation("factsheet.requirement"));
            layout.add(donut);
        }
        return layout;
    }
}
