package org.protectioncases.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.reports.population.Dimension;
import org.protectioncases.reports.population.Population;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Population statistics by two dimensions at once, opened from the factsheet with its figure, year
 * and "as of" date, protected for external sharing by default.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class PopulationViewTest extends SpringBrowserlessTest {

    /** A link with its query, as a browser follows it (the browserless navigate takes a path only). */
    private static Component open(String link) {
        String[] parts = link.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], QueryParameters.fromString(parts[1]));
        return UI.getCurrent().getCurrentView();
    }

    @Test
    @WithUserDetails("manager")
    void theFactsheetLinksToItsFigureForItsPeriod() {
        open("reports/factsheet?year=2019&asOf=2019-04-30");
        Anchor link = find(Anchor.class).all().stream().filter(a -> a.hasClassName("drill-down")).findFirst().orElseThrow();
        assertThat(link.getHref()).startsWith("reports/population?")
                .contains("population=DISPLACED_WITHIN_KOSOVO", "rows=AGE_GROUP", "columns=SEX", "from=2019-01-01", "to=2019-04-30");
        assertThat(link.getText()).contains("01.01.2019", "30.04.2019");

        PopulationView view = (PopulationView) open(link.getHref());
        assertThat(view.population.getValue()).isEqualTo(Population.DISPLACED_WITHIN_KOSOVO);
        assertThat(view.dimension.getValue()).isEqualTo(Dimension.AGE_GROUP);
        assertThat(view.columns.getValue()).isEqualTo(Dimension.SEX);
        assertThat(view.period.from()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(view.period.to()).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(find(CountTable.class).single().isExternal()).isTrue();
    }

    @Test
    @WithUserDetails("manager")
    void municipalityByAgeGroupAndTheSameDimensionTwiceIsRefused() {
        PopulationView view = (PopulationView) open("reports/population?population=RETURNED_IN_PERIOD&rows=MUNICIPALITY"
                + "&columns=AGE_GROUP&from=2018-01-01&to=2018-12-31");
        // A whole year shows as that year.
        assertThat(view.period.kind.getValue()).isEqualTo(PeriodPicker.Kind.YEAR);
        Grid<?> grid = find(Grid.class).from(find(CountTable.class).single()).single();
        assertThat(grid.getColumns().stream().map(c -> c.getHeaderText()).toList())
                .startsWith("Municipality", "0–4", "5–11", "12–17", "18–59", "60+");
        assertThat(test(grid).size()).isGreaterThan(2);

        test(view.columns).selectItem("Municipality");
        assertThat(view.columns.isInvalid()).isTrue();
        assertThat(view.columns.getErrorMessage()).isEqualTo("Choose something other than the rows");
        assertThat(find(CountTable.class).all()).isEmpty();
        test(view.columns).selectItem("Sex");
        assertThat(view.columns.isInvalid()).isFalse();
        Grid<?> bySex = find(Grid.class).from(find(CountTable.class).single()).single();
        assertThat(bySex.getColumns().stream().map(c -> c.getHeaderText()).toList()).containsExactly("Municipality", "Female", "Male", "Other / not stated", "Total");
    }
}
