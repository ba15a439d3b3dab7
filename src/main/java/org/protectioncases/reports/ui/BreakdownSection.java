package org.protectioncases.reports.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.population.Breakdown;
import org.protectioncases.reports.population.Dimension;
import org.protectioncases.reports.population.Population;
import org.protectioncases.shared.i18n.Formats;

/** The factsheet page's population figure by sex and age group: a table (for reading and copying) and a drill-down link. */
final class BreakdownSection extends Div {

    private static final DateTimeFormatter DATE = Formats.DATE;

    private final FactsheetService service;
    private final Factsheet f;
    private final Div result = new Div();

    BreakdownSection(FactsheetService service, Factsheet f) {
        this.service = service;
        this.f = f;
        add(new H3(getTranslation("breakdown.title")));
        Select<Population> population = new Select<>();
        population.setLabel(getTranslation("breakdown.population"));
        population.setItems(Population.values());
        population.setItemLabelGenerator(p -> p == null ? "" : getTranslation(p.messageKey()));
        population.setValue(Population.DISPLACED_WITHIN_KOSOVO);
        population.addValueChangeListener(e -> show(e.getValue()));
        show(population.getValue());
        add(population, result);
    }

    private void show(Population population) {
        result.removeAll();
        var breakdown = service.breakdown(population, f.year(), f.asOf());
        List<Breakdown.Row> rows = breakdown.rows();
        long[][] counts = rows.stream().map(r -> new long[] {r.female(), r.male(), r.other()}).toArray(long[][]::new);
        String file = "factsheet-" + f.year() + "-" + f.asOf() + "-" + population.name().toLowerCase(Locale.ROOT);
        result.add(new CountTable(getTranslation("breakdown.title") + ": " + getTranslation(population.messageKey()),
                getTranslation("breakdown.ageGroup"), rows.stream().map(this::ageLabel).toList(),
                List.of(getTranslation("sex.FEMALE"), getTranslation("sex.MALE"), getTranslation("sex.OTHER")),
                counts, file, true));
        LocalDate from = LocalDate.of(f.year(), 1, 1);
        if (!f.asOf().isBefore(from)) {
            result.add(drillDown(population, from, f.asOf().isBefore(from.withDayOfYear(from.lengthOfYear())) ? f.asOf()
                    : from.withDayOfYear(from.lengthOfYear())));
        }
    }

    /**
     * A link to population statistics for the same figure over the factsheet's year up to its "as of"
     * date (the period the factsheet counts), by age group and sex, to break it down further.
     */
    private Anchor drillDown(Population population, LocalDate from, LocalDate to) {
        var params = QueryParameters.simple(Map.of("population", population.name(),
                "rows", Dimension.AGE_GROUP.name(), "columns", Dimension.SEX.name(),
                "from", from.toString(), "to", to.toString()));
        var link = new Anchor(
                RouteConfiguration.forApplicationScope().getUrl(PopulationView.class) + "?" + params.getQueryString(),
                getTranslation("factsheet.drillDown", from.format(DATE), to.format(DATE)));
        link.addClassName("drill-down");
        return link;
    }

    private String ageLabel(Breakdown.Row r) {
        return r.ageGroup() == null ? getTranslation("breakdown.ageUnknown") : getTranslation(r.ageGroup().messageKey());
    }
}
