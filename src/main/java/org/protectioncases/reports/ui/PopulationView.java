package org.protectioncases.reports.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.people.Community;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.reports.Dimension;
import org.protectioncases.reports.Disaggregation;
import org.protectioncases.reports.FactsheetService;
import org.protectioncases.reports.Population;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.i18n.Formats;

/**
 * Population statistics: any population figure of the factsheet by age group, community,
 * municipality or registering partner, each by sex, for a year, quarter, month or custom period.
 * Coordinators see their partner's people only (the service scopes).
 */
@Route("reports/population")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR})
@Menu(order = 61, title = "nav.population", icon = "vaadin:users")
public class PopulationView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = Formats.DATE;

    final Select<Population> population = new Select<>();
    final Select<Dimension> dimension = new Select<>();
    final PeriodPicker period = new PeriodPicker();
    final Div result = new Div();
    private final FactsheetService service;
    private final ReferenceDataService reference;

    public PopulationView(FactsheetService service, ReferenceDataService reference) {
        this.service = service;
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
        population.addValueChangeListener(e -> render());
        dimension.addValueChangeListener(e -> render());
        period.addChangeListener(this::render);
        FlexLayout controls = new FlexLayout(population, dimension, period);
        controls.addClassName("filters");
        add(new H2(getTranslation("nav.population")), new Paragraph(getTranslation("population.help")), controls, result);
        render();
    }

    private void render() {
        result.removeAll();
        if (population.getValue() == null || dimension.getValue() == null) {
            return;
        }
        Disaggregation d;
        try {
            d = service.disaggregate(population.getValue(), dimension.getValue(), period.from(), period.to());
        } catch (FieldValidationException e) {
            FormErrors.show(e, period.fields(), this);
            return;
        }
        period.fields().values().forEach(f -> f.setInvalid(false));
        String scope = d.partnerCode() == null ? getTranslation("population.scope.all", d.from().format(DATE), d.to().format(DATE))
                : getTranslation("population.scope.partner", d.partnerCode(), d.from().format(DATE), d.to().format(DATE));
        if (d.rows().isEmpty()) {
            result.add(new Paragraph(scope), new Paragraph(getTranslation("population.none")));
            return;
        }
        Map<String, String> municipalities = dimension.getValue() == Dimension.MUNICIPALITY
                ? reference.municipalities(getLocale()).stream().collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name))
                : Map.of();
        List<String> labels = d.rows().stream().map(r -> label(d.dimension(), r.key(), municipalities)).toList();
        long[][] counts = d.rows().stream().map(r -> new long[] {r.female(), r.male(), r.other()}).toArray(long[][]::new);
        String title = getTranslation(d.population().messageKey()) + " · " + getTranslation(d.dimension().messageKey());
        String file = "population-" + d.population().name().toLowerCase(Locale.ROOT) + "-"
                + d.dimension().name().toLowerCase(Locale.ROOT) + "-" + d.from() + "-" + d.to();
        result.add(new Paragraph(scope), new CountTable(title, getTranslation(d.dimension().messageKey()), labels,
                List.of(getTranslation("sex.FEMALE"), getTranslation("sex.MALE"), getTranslation("sex.OTHER")),
                counts, file, true));
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
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.population") + " | " + getTranslation("app.name");
    }
}
