package org.protectioncases.reports.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.people.Community;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.population.CrossTable;
import org.protectioncases.reports.population.Dimension;
import org.protectioncases.reports.population.Population;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.FormErrors;

/**
 * Population statistics: any population figure of the factsheet by two dimensions at once (rows and
 * columns: age group, community, municipality, registering partner, sex), for a year, quarter,
 * month or custom period. Coordinators see their partner's people only (the service scopes).
 * {@code ?population=...&rows=...&columns=...&from=...&to=...} opens a given table: the factsheet
 * links here with its year and "as of" date, so the figures drilled into are the factsheet's.
 */
@Route("reports/population")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR})
@Menu(order = 61, title = "nav.population", icon = "vaadin:users")
public class PopulationView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private static final DateTimeFormatter DATE = Formats.DATE;

    final Select<Population> population = new Select<>();
    final Select<Dimension> dimension = new Select<>();
    final Select<Dimension> columns = new Select<>();
    final PeriodPicker period;
    final Div result = new Div();
    private final FactsheetService service;
    private final ReferenceDataService reference;
    private boolean opening;

    public PopulationView(FactsheetService service, ReferenceDataService reference, Clock clock) {
        this.service = service;
        this.period = new PeriodPicker(clock);
        this.reference = reference;
        addClassName("page");
        addClassName("factsheet");
        population.setLabel(getTranslation("breakdown.population"));
        population.setItems(Population.values());
        population.setItemLabelGenerator(p -> p == null ? "" : getTranslation(p.messageKey()));
        population.setValue(Population.DISPLACED_WITHIN_KOSOVO);
        dimension.setLabel(getTranslation("dimension.label"));
        dimension.setItems(Dimension.values());
        dimension.setItemLabelGenerator(d -> d == null ? "" : getTranslation(d.messageKey()));
        dimension.setValue(Dimension.COMMUNITY);
        columns.setLabel(getTranslation("dimension.columns"));
        columns.setItems(Dimension.values());
        columns.setItemLabelGenerator(d -> d == null ? "" : getTranslation(d.messageKey()));
        columns.setValue(Dimension.SEX);
        population.addValueChangeListener(e -> render());
        dimension.addValueChangeListener(e -> render());
        columns.addValueChangeListener(e -> render());
        period.addChangeListener(this::render);
        FlexLayout controls = new FlexLayout(population, dimension, columns, period);
        controls.addClassName("filters");
        add(new H1(getTranslation("nav.population")), new Paragraph(getTranslation("population.help")), controls, result);
        render();
    }

    /** Opens the table a link names (the factsheet's drill-down); a malformed link keeps the defaults. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        if (params.getParameters().isEmpty()) {
            return;
        }
        opening = true;
        try {
            params.getSingleParameter("population").map(Population::valueOf).ifPresent(population::setValue);
            params.getSingleParameter("rows").map(Dimension::valueOf).ifPresent(dimension::setValue);
            params.getSingleParameter("columns").map(Dimension::valueOf).ifPresent(columns::setValue);
            var from = params.getSingleParameter("from").map(LocalDate::parse);
            var to = params.getSingleParameter("to").map(LocalDate::parse);
            if (from.isPresent() && to.isPresent()) {
                period.setRange(from.get(), to.get());
            }
        } catch (RuntimeException e) {
            // Defaults stay.
        } finally {
            opening = false;
        }
        render();
    }

    private void render() {
        if (opening) {
            return;
        }
        result.removeAll();
        if (population.getValue() == null || dimension.getValue() == null || columns.getValue() == null) {
            return;
        }
        CrossTable d;
        try {
            d = service.crossTabulate(population.getValue(), dimension.getValue(), columns.getValue(), period.from(), period.to());
        } catch (FieldValidationException e) {
            Map<String, HasValidation> fields = new HashMap<>(period.fields());
            fields.put("columns", columns);
            FormErrors.show(e, fields, this);
            return;
        }
        period.fields().values().forEach(f -> f.setInvalid(false));
        columns.setInvalid(false);
        String scope = d.partnerCode() == null ? getTranslation("population.scope.all", d.from().format(DATE), d.to().format(DATE))
                : getTranslation("population.scope.partner", d.partnerCode(), d.from().format(DATE), d.to().format(DATE));
        if (d.total() == 0) {
            result.add(new Paragraph(scope), new Paragraph(getTranslation("population.none")));
            return;
        }
        Map<String, String> municipalities = d.rows() == Dimension.MUNICIPALITY || d.columns() == Dimension.MUNICIPALITY
                ? reference.municipalities(getLocale()).stream().collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name))
                : Map.of();
        List<String> rowLabels = d.rowKeys().stream().map(k -> label(d.rows(), k, municipalities)).toList();
        List<String> columnLabels = d.columnKeys().stream().map(k -> label(d.columns(), k, municipalities)).toList();
        String title = getTranslation(d.population().messageKey()) + " · " + getTranslation(d.rows().messageKey())
                + " × " + getTranslation(d.columns().messageKey());
        String file = "population-" + d.population().name().toLowerCase(Locale.ROOT) + "-"
                + d.rows().name().toLowerCase(Locale.ROOT) + "-by-" + d.columns().name().toLowerCase(Locale.ROOT)
                + "-" + d.from() + "-" + d.to();
        result.add(new Paragraph(scope), new CountTable(title, getTranslation(d.rows().messageKey()), rowLabels, columnLabels,
                d.matrix(), file, true));
    }

    private String label(Dimension dimension, @Nullable String key, Map<String, String> municipalities) {
        if (key == null) {
            return getTranslation(dimension == Dimension.AGE_GROUP ? "breakdown.ageUnknown" : "population.notRecorded");
        }
        return switch (dimension) {
            case AGE_GROUP -> getTranslation(AgeGroup.valueOf(key).messageKey());
            case COMMUNITY -> getTranslation(Community.valueOf(key).messageKey());
            case MUNICIPALITY -> municipalities.getOrDefault(key, key);
            case PARTNER -> key;
            case SEX -> getTranslation("sex." + key);
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.population") + " | " + getTranslation("app.name");
    }
}
