package org.protectioncases.reports.ui;

import static org.protectioncases.reports.ui.FigureTexts.number;
import static org.protectioncases.reports.ui.FigureTexts.provenance;
import static org.protectioncases.reports.ui.FigureTexts.tile;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.FactsheetPdfService;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.factsheet.Figure;
import org.protectioncases.security.Access;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.ExportLinks;
import org.protectioncases.shared.ui.FormErrors;

/**
 * The factsheet, live: the printed factsheet's sections computed from the records for a year as of
 * a date, each figure with what it was counted from. Coordinators see their partner's share.
 */
@Route("reports/factsheet")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR})
@Menu(order = 60, title = "nav.factsheet", icon = "vaadin:chart")
public class FactsheetView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private static final DateTimeFormatter DATE = Formats.DATE;

    final Select<Integer> year = new Select<>();
    final DatePicker asOf = DateFields.date();
    final Div content = new Div();
    final Checkbox protectPdf = new Checkbox();
    private final FactsheetService service;
    private final FactsheetPdfService pdfService;
    private final boolean recordsFigures;
    private final Clock clock;

    public FactsheetView(FactsheetService service, FactsheetPdfService pdfService, Access access, Clock clock) {
        this.service = service;
        this.pdfService = pdfService;
        this.recordsFigures = access.may(Permission.RECORD_REPORTED_FIGURES);
        this.clock = clock;
        addClassName("page");
        addClassName("factsheet");
        LocalDate today = LocalDate.now(clock);
        int current = today.getYear();
        year.setLabel(getTranslation("factsheet.year"));
        year.setItems(IntStream.rangeClosed(2000, current).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(current);
        asOf.setLabel(getTranslation("factsheet.asOf"));
        asOf.setMax(today);
        asOf.setValue(today);
        year.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                // A past year is usually wanted as it stood at its end.
                LocalDate end = LocalDate.of(e.getValue(), 12, 31);
                LocalDate now = LocalDate.now(clock);
                asOf.setValue(end.isBefore(now) ? end : now);
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
        add(new H1(getTranslation("nav.factsheet")), controls, content);
        render();
    }

    /** {@code ?year=2019&asOf=2019-04-30} opens a given factsheet (links can be shared). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        try {
            params.getSingleParameter("year").map(Integer::valueOf).filter(y -> year.getListDataView().contains(y)).ifPresent(year::setValue);
            params.getSingleParameter("asOf").map(LocalDate::parse).filter(d -> !d.isAfter(LocalDate.now(clock))).ifPresent(asOf::setValue);
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
                tile(this, f.asylumSeekers(), getTranslation("factsheet.asylumSeekers", String.valueOf(f.year()))),
                tile(this, f.asylumSeekersYearBefore(), getTranslation("factsheet.asylumSeekers", String.valueOf(f.year() - 1))),
                tile(this, f.atRiskOfStatelessness(), getTranslation("factsheet.stateless")),
                tile(this, f.returnsYearBefore(), getTranslation("factsheet.returnsYear", String.valueOf(f.year() - 1))),
                tile(this, f.returnsSince2000(), getTranslation("factsheet.returnsSince")));
        tiles.addClassName("tiles");
        content.add(tiles);

        content.add(new H3(getTranslation("factsheet.displaced")));
        record Row(String place, Figure figure, boolean total) {
        }
        Grid<Row> places = new Grid<>();
        places.addColumn(Row::place).setHeader(getTranslation("factsheet.place")).setAutoWidth(true);
        places.addColumn(r -> number(this, r.figure())).setHeader(getTranslation("factsheet.persons")).setAutoWidth(true)
                .setPartNameGenerator(r -> "number");
        places.addColumn(r -> provenance(this, r.figure())).setHeader(getTranslation("factsheet.source")).setFlexGrow(1);
        List<Row> rows = new ArrayList<>();
        for (DisplacementPlace place : Factsheet.PLACES) {
            rows.add(new Row(getTranslation(place.messageKey()), f.displaced().get(place), false));
        }
        rows.add(new Row(getTranslation("factsheet.total"), f.displacedTotal(), true));
        places.setItems(rows);
        places.setAllRowsVisible(true);
        places.setPartNameGenerator(r -> r.total() ? "total" : null);
        places.setAriaLabel(getTranslation("factsheet.displaced"));
        String notAvailable = getTranslation("factsheet.notAvailable");
        List<String> placeHeaders = List.of(getTranslation("factsheet.place"), getTranslation("factsheet.persons"),
                getTranslation("factsheet.source"));
        List<List<Object>> placeRows = rows.stream().map(r -> List.<Object>of(r.place(),
                r.figure().value() == null ? notAvailable : r.figure().value(), provenance(this, r.figure()))).toList();
        String placeTitle = getTranslation("factsheet.displaced") + " · " + f.asOf().format(DATE);
        content.add(places, new ExportLinks("factsheet-" + f.year() + "-" + f.asOf() + "-places",
                getTranslation("factsheet.place"), table -> {
                    table.row(placeTitle);
                    table.header(placeHeaders);
                    for (var row : placeRows) {
                        table.row(row);
                    }
                }));
        content.add(new Paragraph(getTranslation("factsheet.shelters", number(this, f.shelterPersons()), number(this, f.shelters()))));
        BarChart placeChart = new BarChart(getTranslation("factsheet.places.chart.label"));
        placeChart.setHeight("260px");
        placeChart.show(Factsheet.PLACES.stream().map(p -> getTranslation(p.messageKey())).toList(),
                List.of(new BarChart.Series(getTranslation("factsheet.persons"), Factsheet.PLACES.stream()
                        .map(p -> f.displaced().get(p).value() == null ? 0L : f.displaced().get(p).value().longValue()).toList())));
        content.add(new H3(getTranslation("factsheet.places.chart.title")), placeChart);

        content.add(new H3(getTranslation("factsheet.funding", String.valueOf(f.year()))));
        FlexLayout funding = new FlexLayout(
                tile(this, f.fundingRequirement(), getTranslation("factsheet.requirement")),
                tile(this, f.funded(), getTranslation("factsheet.funded") + FigureTexts.percent(this, f.fundedPercent())),
                tile(this, f.unfunded(), getTranslation("factsheet.unfunded") + FigureTexts.percent(this, f.unfundedPercent())));
        funding.addClassName("tiles");
        content.add(funding, FundingSection.of(this, f));

        content.add(new H3(getTranslation("factsheet.partners")));
        UnorderedList partners = new UnorderedList();
        f.partners().forEach(p -> partners.add(new ListItem(p)));
        content.add(partners);

        content.add(new H3(getTranslation("factsheet.presence")));
        FlexLayout presence = new FlexLayout(
                tile(this, f.staffNational(), getTranslation("reported.STAFF_NATIONAL")),
                tile(this, f.staffInternational(), getTranslation("reported.STAFF_INTERNATIONAL")),
                tile(this, f.interns(), getTranslation("reported.INTERNS")),
                tile(this, f.offices(), getTranslation("reported.OFFICES")));
        presence.addClassName("tiles");
        content.add(presence);

        content.add(new BreakdownSection(service, f));
        content.add(new YearSeriesSection(getTranslation("factsheet.returnsPerYear"), "returns-per-year-" + f.asOf(),
                service.returnsPerYear(f.asOf())));
        content.add(new YearSeriesSection(getTranslation("factsheet.asylumPerYear"), "asylum-seekers-per-year-" + f.asOf(),
                service.asylumSeekersPerYear(f.asOf())));
        content.add(new H3(getTranslation("factsheet.provenance")), new Paragraph(getTranslation("factsheet.provenance.text")));
        if (recordsFigures) {
            content.add(new ReportedFiguresSection(service, year.getValue(), LocalDate.now(clock), this::render));
        }
    }

    /** The factsheet as a PDF in the UI language, for the year and date chosen, protected as the checkbox says. */
    private Anchor pdfLink() {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                    Integer y = year.getValue();
                    LocalDate date = asOf.getValue();
                    if (y == null || date == null) {
                        return DownloadResponse.error(HttpStatusCode.BAD_REQUEST);
                    }
                    var out = new ByteArrayOutputStream();
                    try {
                        pdfService.writePdf(y, date, protectPdf.getValue(), event.getUI().getLocale(), out);
                    } catch (FieldValidationException e) {
                        return DownloadResponse.error(HttpStatusCode.BAD_REQUEST);
                    }
                    return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()),
                            "factsheet-" + y + "-as-of-" + date + ".pdf", "application/pdf", out.size());
                }), AttachmentType.DOWNLOAD, getTranslation("factsheetpdf.download"));
        link.addClassName("button-link");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.factsheet") + " | " + getTranslation("app.name");
    }
}
