package org.protectioncases.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.FactsheetPdfService;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.factsheet.Figure;
import org.protectioncases.reports.factsheet.ReportedFigure;
import org.protectioncases.reports.factsheet.ReportedFigureKind;
import org.protectioncases.security.Access;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.i18n.Formats;

/**
 * The factsheet, live: the printed factsheet's sections computed from the records for a year as of
 * a date, each figure with what it was counted from. Coordinators see their partner's share.
 */
@Route("reports/factsheet")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR})
@Menu(order = 60, title = "nav.factsheet", icon = "vaadin:chart")
public class FactsheetView extends Main implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private static final DateTimeFormatter DATE = Formats.DATE;

    final Select<Integer> year = new Select<>();
    final DatePicker asOf = DateFields.date();
    final Div content = new Div();
    final com.vaadin.flow.component.checkbox.Checkbox protectPdf = new com.vaadin.flow.component.checkbox.Checkbox();
    private final FactsheetService service;
    private final FactsheetPdfService pdfService;
    private final boolean recordsFigures;

    public FactsheetView(FactsheetService service, FactsheetPdfService pdfService, Access access) {
        this.service = service;
        this.pdfService = pdfService;
        this.recordsFigures = access.may(Permission.RECORD_REPORTED_FIGURES);
        addClassName("page");
        addClassName("factsheet");
        int current = LocalDate.now().getYear();
        year.setLabel(getTranslation("factsheet.year"));
        year.setItems(IntStream.rangeClosed(2000, current).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(current);
        asOf.setLabel(getTranslation("factsheet.asOf"));
        asOf.setMax(LocalDate.now());
        asOf.setValue(LocalDate.now());
        year.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                // A past year is usually wanted as it stood at its end.
                LocalDate end = LocalDate.of(e.getValue(), 12, 31);
                asOf.setValue(end.isBefore(LocalDate.now()) ? end : LocalDate.now());
            }
            render();
        });
        asOf.addValueChangeListener(e -> render());
        // The PDF is for publishing: small counts protected unless the manager unticks it.
        protectPdf.setLabel(getTranslation("factsheetpdf.external"));
        protectPdf.setValue(true);
        protectPdf.setHelperText(getTranslation("factsheetpdf.external.help"));
        protectPdf.setMaxWidth("24em");
        FlexLayout controls = new FlexLayout(year, asOf, pdfLink(), protectPdf);
        controls.addClassName("filters");
        add(new com.vaadin.flow.component.html.H1(getTranslation("nav.factsheet")), controls, content);
        render();
    }

    /** {@code ?year=2019&asOf=2019-04-30} opens a given factsheet (links can be shared). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        try {
            params.getSingleParameter("year").map(Integer::valueOf).filter(y -> year.getListDataView().contains(y)).ifPresent(year::setValue);
            params.getSingleParameter("asOf").map(LocalDate::parse).filter(d -> !d.isAfter(LocalDate.now())).ifPresent(asOf::setValue);
        } catch (RuntimeException e) {
            // A malformed link opens today's factsheet.
        }
    }

    private void render() {
        content.removeAll();
        if (year.getValue() == null || asOf.getValue() == null) {
            return;
        }
        Factsheet f;
        try {
            f = service.factsheet(year.getValue(), asOf.getValue());
            asOf.setInvalid(false);
        } catch (FieldValidationException e) {
            FormErrors.show(e, Map.of("asOf", asOf), this);
            return;
        }
        content.add(new H2(getTranslation("factsheet.title", String.valueOf(f.year()))));
        content.add(new Paragraph(f.partnerCode() == null ? getTranslation("factsheet.scope.all", f.asOf().format(DATE))
                : getTranslation("factsheet.scope.partner", f.partnerCode(), f.asOf().format(DATE))));

        content.add(new H3(getTranslation("factsheet.population")));
        FlexLayout tiles = new FlexLayout(
                tile(f.asylumSeekers(), getTranslation("factsheet.asylumSeekers", String.valueOf(f.year()))),
                tile(f.asylumSeekersYearBefore(), getTranslation("factsheet.asylumSeekers", String.valueOf(f.year() - 1))),
                tile(f.atRiskOfStatelessness(), getTranslation("factsheet.stateless")),
                tile(f.returnsYearBefore(), getTranslation("factsheet.returnsYear", String.valueOf(f.year() - 1))),
                tile(f.returnsSince2000(), getTranslation("factsheet.returnsSince")));
        tiles.addClassName("tiles");
        content.add(tiles);

        content.add(new H3(getTranslation("factsheet.displaced")));
        record Row(String place, Figure figure, boolean total) {
        }
        Grid<Row> places = new Grid<>();
        places.addColumn(Row::place).setHeader(getTranslation("factsheet.place")).setAutoWidth(true);
        places.addColumn(r -> number(r.figure())).setHeader(getTranslation("factsheet.persons")).setAutoWidth(true)
                .setPartNameGenerator(r -> "number");
        places.addColumn(r -> provenance(r.figure())).setHeader(getTranslation("factsheet.source")).setFlexGrow(1);
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (DisplacementPlace place : Factsheet.PLACES) {
            rows.add(new Row(getTranslation(place.messageKey()), f.displaced().get(place), false));
        }
        rows.add(new Row(getTranslation("factsheet.total"), f.displacedTotal(), true));
        places.setItems(rows);
        places.setAllRowsVisible(true);
        places.setPartNameGenerator(r -> r.total() ? "total" : null);
        places.setAriaLabel(getTranslation("factsheet.displaced"));
        String notAvailable = getTranslation("factsheet.notAvailable");
        java.util.List<String> placeHeaders = java.util.List.of(getTranslation("factsheet.place"), getTranslation("factsheet.persons"),
                getTranslation("factsheet.source"));
        java.util.List<java.util.List<Object>> placeRows = rows.stream().map(r -> java.util.List.<Object>of(r.place(),
                r.figure().value() == null ? notAvailable : r.figure().value(), provenance(r.figure()))).toList();
        String placeTitle = getTranslation("factsheet.displaced") + " · " + f.asOf().format(DATE);
        content.add(places, new org.protectioncases.shared.ui.ExportLinks("factsheet-" + f.year() + "-" + f.asOf() + "-places",
                getTranslation("factsheet.place"), table -> {
                    table.row(placeTitle);
                    table.header(placeHeaders);
                    for (var row : placeRows) {
                        table.row(row);
                    }
                }));
        content.add(new Paragraph(getTranslation("factsheet.shelters", number(f.shelterPersons()), number(f.shelters()))));
        BarChart placeChart = new BarChart(getTranslation("factsheet.places.chart.label"));
        placeChart.setHeight("260px");
        placeChart.show(Factsheet.PLACES.stream().map(p -> getTranslation(p.messageKey())).toList(),
                java.util.List.of(new BarChart.Series(getTranslation("factsheet.persons"), Factsheet.PLACES.stream()
                        .map(p -> f.displaced().get(p).value() == null ? 0L : f.displaced().get(p).value().longValue()).toList())));
        content.add(new H3(getTranslation("factsheet.places.chart.title")), placeChart);

        content.add(new H3(getTranslation("factsheet.funding", String.valueOf(f.year()))));
        FlexLayout funding = new FlexLayout(
                tile(f.fundingRequirement(), getTranslation("factsheet.requirement")),
                tile(f.funded(), getTranslation("factsheet.funded") + percent(f.fundedPercent())),
                tile(f.unfunded(), getTranslation("factsheet.unfunded") + percent(f.unfundedPercent())));
        funding.addClassName("tiles");
        content.add(funding, fundingChart(f));

        content.add(new H3(getTranslation("factsheet.partners")));
        UnorderedList partners = new UnorderedList();
        f.partners().forEach(p -> partners.add(new ListItem(p)));
        content.add(partners);

        content.add(new H3(getTranslation("factsheet.presence")));
        FlexLayout presence = new FlexLayout(
                tile(f.staffNational(), getTranslation("reported.STAFF_NATIONAL")),
                tile(f.staffInternational(), getTranslation("reported.STAFF_INTERNATIONAL")),
                tile(f.interns(), getTranslation("reported.INTERNS")),
                tile(f.offices(), getTranslation("reported.OFFICES")));
        presence.addClassName("tiles");
        content.add(presence);

        content.add(breakdownSection(f));
        content.add(perYear(getTranslation("factsheet.returnsPerYear"), "returns-per-year-" + f.asOf(), service.returnsPerYear(f.asOf())));
        content.add(perYear(getTranslation("factsheet.asylumPerYear"), "asylum-seekers-per-year-" + f.asOf(), service.asylumSeekersPerYear(f.asOf())));
        content.add(new H3(getTranslation("factsheet.provenance")), new Paragraph(getTranslation("factsheet.provenance.text")));
        if (recordsFigures) {
            content.add(reportedFigures());
        }
    }

    /** The factsheet as a PDF in the UI language, for the year and date chosen, protected as the checkbox says. */
    private com.vaadin.flow.component.html.Anchor pdfLink() {
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
                com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                    Integer y = year.getValue();
                    LocalDate date = asOf.getValue();
                    if (y == null || date == null) {
                        return com.vaadin.flow.server.streams.DownloadResponse.error(com.vaadin.flow.server.HttpStatusCode.BAD_REQUEST);
                    }
                    var out = new java.io.ByteArrayOutputStream();
                    try {
                        pdfService.writePdf(y, date, protectPdf.getValue(), event.getUI().getLocale(), out);
                    } catch (FieldValidationException e) {
                        return com.vaadin.flow.server.streams.DownloadResponse.error(com.vaadin.flow.server.HttpStatusCode.BAD_REQUEST);
                    }
                    return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(out.toByteArray()),
                            "factsheet-" + y + "-as-of-" + date + ".pdf", "application/pdf", out.size());
                }), com.vaadin.flow.component.html.AttachmentType.DOWNLOAD, getTranslation("factsheetpdf.download"));
        link.addClassName("button-link");
        return link;
    }

    /** The funding as a donut (funded and unfunded shares of the requirement) and a table with the same numbers. */
    private Component fundingChart(Factsheet f) {
        record Line(String item, Figure amount, @org.jspecify.annotations.Nullable Double share) {
        }
        java.util.List<Line> lines = java.util.List.of(
                new Line(getTranslation("factsheet.requirement"), f.fundingRequirement(), f.fundingRequirement().available() ? 100.0 : null),
                new Line(getTranslation("factsheet.funded"), f.funded(), f.fundedPercent()),
                new Line(getTranslation("factsheet.unfunded"), f.unfunded(), f.unfundedPercent()));
        Grid<Line> table = new Grid<>();
        table.addColumn(Line::item).setHeader(getTranslation("factsheet.funding.chart.item")).setAutoWidth(true);
        table.addColumn(l -> number(l.amount())).setHeader(getTranslation("factsheet.funding.chart.amount")).setAutoWidth(true)
                .setPartNameGenerator(l -> "number");
        table.addColumn(l -> l.share() == null ? getTranslation("factsheet.notAvailable") : Formats.percent(getLocale(), l.share()))
                .setHeader(getTranslation("factsheet.funding.chart.share")).setAutoWidth(true);
        table.setItems(lines);
        table.setAllRowsVisible(true);
        table.setAriaLabel(getTranslation("factsheet.funding", String.valueOf(f.year())));
        String notAvailable = getTranslation("factsheet.notAvailable");
        java.util.List<String> headers = java.util.List.of(getTranslation("factsheet.funding.chart.item"),
                getTranslation("factsheet.funding.chart.amount"), getTranslation("factsheet.funding.chart.share"));
        String title = getTranslation("factsheet.funding", String.valueOf(f.year()));
        var downloads = new org.protectioncases.shared.ui.ExportLinks("factsheet-" + f.year() + "-" + f.asOf() + "-funding",
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
            DonutChart donut = new DonutChart(getTranslation("factsheet.funding.chart.label"));
            donut.show(java.util.List.of(
                    new DonutChart.Slice(getTranslation("factsheet.funded") + percent(f.fundedPercent()), f.fundedPercent(), "#0072BC"),
                    new DonutChart.Slice(getTranslation("factsheet.unfunded") + percent(f.unfundedPercent()), f.unfundedPercent(), "#B2CDE8")),
                    "USD " + number(f.fundingRequirement()), getTranslation("factsheet.requirement"));
            layout.add(donut);
        }
        return layout;
    }

    /** A population figure by sex and age group: a table (for reading and copying) and the same numbers as a chart. */
    private Component breakdownSection(Factsheet f) {
        Div box = new Div(new H3(getTranslation("breakdown.title")));
        Select<org.protectioncases.reports.population.Population> population = new Select<>();
        population.setLabel(getTranslation("breakdown.population"));
        population.setItems(org.protectioncases.reports.population.Population.values());
        population.setItemLabelGenerator(p -> p == null ? "" : getTranslation(p.messageKey()));
        population.setValue(org.protectioncases.reports.population.Population.DISPLACED_WITHIN_KOSOVO);
        Div result = new Div();
        population.addValueChangeListener(e -> showBreakdown(result, e.getValue(), f));
        showBreakdown(result, population.getValue(), f);
        box.add(population, result);
        return box;
    }

    private void showBreakdown(Div result, org.protectioncases.reports.population.Population population, Factsheet f) {
        result.removeAll();
        var breakdown = service.breakdown(population, f.year(), f.asOf());
        java.util.List<org.protectioncases.reports.population.Breakdown.Row> rows = breakdown.rows();
        long[][] counts = rows.stream().map(r -> new long[] {r.female(), r.male(), r.other()}).toArray(long[][]::new);
        String file = "factsheet-" + f.year() + "-" + f.asOf() + "-" + population.name().toLowerCase(Locale.ROOT);
        result.add(new CountTable(getTranslation("breakdown.title") + ": " + getTranslation(population.messageKey()),
                getTranslation("breakdown.ageGroup"), rows.stream().map(this::ageLabel).toList(),
                java.util.List.of(getTranslation("sex.FEMALE"), getTranslation("sex.MALE"), getTranslation("sex.OTHER")),
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
    private com.vaadin.flow.component.html.Anchor drillDown(org.protectioncases.reports.population.Population population, LocalDate from,
                                                              LocalDate to) {
        var params = com.vaadin.flow.router.QueryParameters.simple(Map.of("population", population.name(),
                "rows", org.protectioncases.reports.population.Dimension.AGE_GROUP.name(), "columns", org.protectioncases.reports.population.Dimension.SEX.name(),
                "from", from.toString(), "to", to.toString()));
        var link = new com.vaadin.flow.component.html.Anchor(
                com.vaadin.flow.router.RouteConfiguration.forApplicationScope().getUrl(PopulationView.class) + "?" + params.getQueryString(),
                getTranslation("factsheet.drillDown", from.format(DATE), to.format(DATE)));
        link.addClassName("drill-down");
        return link;
    }

    /** A yearly series as a chart and, beside it, a table with the same numbers. */
    private Component perYear(String title, String file, java.util.List<org.protectioncases.reports.factsheet.YearCount> counts) {
        NumberFormat n = Formats.integers(getLocale());
        Grid<org.protectioncases.reports.factsheet.YearCount> grid = new Grid<>();
        grid.addColumn(org.protectioncases.reports.factsheet.YearCount::year).setHeader(getTranslation("factsheet.year")).setAutoWidth(true);
        grid.addColumn(c -> n.format(c.persons())).setHeader(getTranslation("factsheet.persons")).setAutoWidth(true);
        grid.setItems(counts);
        grid.setHeight("320px");
        grid.setAriaLabel(title);
        BarChart chart = new BarChart(getTranslation("factsheet.chartOf", title));
        chart.show(counts.stream().map(c -> String.valueOf(c.year())).toList(),
                java.util.List.of(new BarChart.Series(getTranslation("factsheet.persons"),
                        counts.stream().map(org.protectioncases.reports.factsheet.YearCount::persons).toList())));
        Div layout = new Div(grid, chart);
        layout.addClassName("breakdown");
        // A working table without a "for external sharing" switch: the yearly series has no total to protect against,
        // and what is published goes through the protected tables and the PDF.
        var downloads = new org.protectioncases.shared.ui.ExportLinks(file, title,
                table -> {
                    table.row(title);
                    table.header(java.util.List.of(getTranslation("factsheet.year"), getTranslation("factsheet.persons")));
                    for (var c : counts) {
                        table.row(c.year(), c.persons());
                    }
                });
        return new Div(new H3(title), downloads, layout);
    }

    private String ageLabel(org.protectioncases.reports.population.Breakdown.Row r) {
        return r.ageGroup() == null ? getTranslation("breakdown.ageUnknown") : getTranslation(r.ageGroup().messageKey());
    }

    private Component reportedFigures() {
        Div box = new Div(new H3(getTranslation("factsheet.reported")), new Paragraph(getTranslation("factsheet.reported.help")));
        Select<ReportedFigureKind> figure = new Select<>();
        figure.setLabel(getTranslation("factsheet.reported.figure"));
        figure.setItems(ReportedFigureKind.values());
        figure.setItemLabelGenerator(k -> k == null ? "" : getTranslation(k.messageKey()));
        IntegerField figureYear = new IntegerField(getTranslation("factsheet.year"));
        figureYear.setValue(year.getValue());
        BigDecimalField value = new BigDecimalField(getTranslation("factsheet.reported.value"));
        DatePicker validFrom = DateFields.date(getTranslation("factsheet.reported.validFrom"), LocalDate.now());
        validFrom.setMax(LocalDate.now());
        TextField source = new TextField(getTranslation("factsheet.reported.source"));
        source.setMaxLength(FactsheetService.SOURCE_MAX);
        Button save = new Button(getTranslation("factsheet.reported.save"), e -> {
            try {
                service.recordFigure(figure.getValue(), figureYear.getValue(), value.getValue(), validFrom.getValue(), source.getValue());
                Notifications.success(getTranslation("factsheet.reported.saved"));
                render();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("figure", figure, "year", figureYear, "value", value, "validFrom", validFrom,
                        "source", source), this);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        FlexLayout form = new FlexLayout(figure, figureYear, value, validFrom, source, save);
        form.addClassName("filters");
        Grid<ReportedFigure> grid = new Grid<>();
        grid.addColumn(r -> getTranslation(r.figure().messageKey())).setHeader(getTranslation("factsheet.reported.figure")).setAutoWidth(true);
        grid.addColumn(ReportedFigure::year).setHeader(getTranslation("factsheet.year")).setAutoWidth(true);
        grid.addColumn(r -> Formats.upTo(getLocale(), 2).format(r.value())).setHeader(getTranslation("factsheet.reported.value"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.validFrom().format(DATE)).setHeader(getTranslation("factsheet.reported.validFrom")).setAutoWidth(true);
        grid.addColumn(ReportedFigure::source).setHeader(getTranslation("factsheet.reported.source")).setFlexGrow(1);
        grid.addColumn(ReportedFigure::enteredBy).setHeader(getTranslation("factsheet.reported.enteredBy")).setAutoWidth(true);
        grid.setItems(service.reportedFigures());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("factsheet.reported"));
        box.add(form, grid);
        return box;
    }

    private Div tile(Figure figure, String label) {
        Span value = new Span(number(figure));
        Span caption = new Span(label);
        Span source = new Span(provenance(figure));
        source.addClassName("tile-source");
        Div tile = new Div(value, caption, source);
        tile.addClassName("tile");
        return tile;
    }

    private String number(Figure figure) {
        BigDecimal value = figure.value();
        return value == null ? getTranslation("factsheet.notAvailable") : Formats.integers(getLocale()).format(value);
    }

    private String provenance(Figure figure) {
        return getTranslation(figure.provenance().messageKey()) + (figure.source() == null ? "" : ": " + figure.source());
    }

    private String percent(@org.jspecify.annotations.Nullable Double value) {
        return value == null ? "" : " (" + Formats.percent(getLocale(), value) + ")";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.factsheet") + " | " + getTranslation("app.name");
    }
}
