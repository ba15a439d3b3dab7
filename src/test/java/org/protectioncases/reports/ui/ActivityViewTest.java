package org.protectioncases.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The activity page per role, the period picker's errors, and small-cell protection on screen. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class ActivityViewTest extends SpringBrowserlessTest {

    private List<String> tables() {
        return find(Div.class).all().stream().filter(d -> d.hasClassName("activity-table"))
                .map(d -> d.getElement().getAttribute("data-table")).toList();
    }

    private Div section(String key) {
        return find(Div.class).all().stream().filter(d -> key.equals(d.getElement().getAttribute("data-table"))).findFirst().orElseThrow();
    }

    private static long number(String shown) {
        return shown.equals("<5") ? 0 : Long.parseLong(shown.replace(",", ""));
    }

    @Test
    @WithUserDetails("manager")
    void managerSeesEveryTableWithDownloadsAndThreeCharts() {
        ActivityView view = navigate(ActivityView.class);
        // The partner ranking first, then the rest; protected for external sharing unless unticked, as on every report page.
        assertThat(tables()).containsExactly("sessionsByPartner", "personsReached", "activityByMonth", "sessionsByType", "sessionsByTopic",
                "visitsByLocationType", "borderByMonth", "referrals", "casesByType", "casesByOutcome", "civilDocuments", "hoursByKind");
        assertThat(view.external.getValue()).isTrue();
        // A contents list links to every table.
        assertThat(find(Anchor.class).all().stream().map(a -> a.getHref()).filter(h -> h.startsWith("#activity-")).toList())
                .hasSize(12).first().isEqualTo("#activity-sessionsByPartner");
        Grid<?> ranking = find(Grid.class).from(section("sessionsByPartner")).single();
        for (int row = 1; row < test(ranking).size() - 1; row++) {
            assertThat(number(test(ranking).getCellText(row, 1))).isLessThanOrEqualTo(number(test(ranking).getCellText(row - 1, 1)));
        }
        // Sessions by partner, activity by month, hours by kind of work.
        assertThat(find(Div.class).all().stream().filter(d -> d.hasClassName("chart")).toList())
                .hasSize(3)
                .allSatisfy(c -> {
                    assertThat(c.getElement().getAttribute("role")).isEqualTo("img");
                    assertThat(c.getElement().getAttribute("aria-label")).startsWith("Bar chart: ").endsWith("in the table below.");
                });
        // Two downloads (CSV, Excel) per table.
        assertThat(find(Anchor.class).all().stream().filter(a -> a.getText().startsWith("Download")).count()).isEqualTo(2L * 12);
        // This year so far (the picker ends a period today): one row per month and a total.
        Grid<?> overTime = find(Grid.class).from(section("activityByMonth")).single();
        assertThat(test(overTime).size()).isEqualTo(LocalDate.now().getMonthValue() + 1);

        // A custom period ending before it starts is refused next to the "To" field, and nothing is shown.
        test(view.picker.kind).selectItem("Custom range");
        test(view.picker.from).setValue(LocalDate.of(2019, 5, 1));
        test(view.picker.to).setValue(LocalDate.of(2019, 4, 1));
        assertThat(view.picker.to.isInvalid()).isTrue();
        assertThat(view.picker.to.getErrorMessage()).isEqualTo("The end cannot be before the start");
        assertThat(tables()).isEmpty();
        test(view.picker.from).setValue(LocalDate.of(2019, 4, 1));
        test(view.picker.to).setValue(LocalDate.of(2019, 6, 30));
        assertThat(view.picker.to.isInvalid()).isFalse();
        Grid<?> byMonth = find(Grid.class).from(section("activityByMonth")).single();
        assertThat(test(byMonth).size()).isEqualTo(4); // April, May, June and the total
    }

    @Test
    @WithUserDetails("lawyer.krct")
    void lawyerSeesOnlyTheirOwnSections() {
        navigate(ActivityView.class);
        assertThat(tables()).containsExactly("activityByMonth", "sessionsByType", "sessionsByTopic", "personsReached", "referrals",
                "casesByType", "casesByOutcome", "civilDocuments", "hoursByKind");
    }

    @Test
    @WithUserDetails("monitor.krct")
    void monitorSeesVisitsAndBorderCountsWithProtectedPersonCounts() {
        ActivityView view = navigate(ActivityView.class);
        assertThat(tables()).containsExactly("activityByMonth", "visitsByLocationType", "borderByMonth", "personsReached", "referrals");
        assertThat(view.external.getValue()).isTrue();
        // Person counts from 1 to 4 never show as numbers while shared outside.
        Grid<?> persons = find(Grid.class).all().get(3);
        for (int row = 0; row < test(persons).size(); row++) {
            String cell = test(persons).getCellText(row, 1);
            assertThat(cell).isNotIn("1", "2", "3", "4");
        }
    }
}
