package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * The UNHCR manager opens the 2019 factsheet as of 30 April 2019 and sees the figures, the table
 * by place of displacement and a breakdown drawn as a chart; a coordinator sees their partner's
 * share; a lawyer cannot open it.
 */
class FactsheetJourneyIT extends BrowserTestBase {

    @Test
    void managerSeesTheFactsheetWithAChartCoordinatorTheirShareLawyerNothing() {
        inBrowser(page -> {
            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/reports/factsheet?year=2019&asOf=2019-04-30"));
            waitForVaadin(page);
            assertThat(page.getByText("All partners, as the records stood on 30.04.2019.")).isVisible();
            assertThat(page.locator(".tile").filter(new Locator.FilterOptions().setHasText("asylum seekers in 2019"))).containsText("320");
            assertThat(page.locator("vaadin-grid").first()).containsText("68,514");
            // For external sharing (the default) the table protects small counts and the chart waits.
            Locator external = page.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("For external sharing"));
            external.scrollIntoViewIfNeeded();
            assertThat(external).hasAttribute("checked", "");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("a")
                    .filter(new Locator.FilterOptions().setHasText("Download CSV")).click());
            String csv;
            try {
                csv = java.nio.file.Files.readString(download.path(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            org.assertj.core.api.Assertions.assertThat(csv).contains("Displaced within Kosovo", "Age group,Female,Male,Other / not stated,Total",
                    "18–59,", "Counts from 1 to 4 are shown as <5");
            external.locator("input").click();
            waitForVaadin(page);
            // Three charts: the breakdown, returns per year, asylum seekers per year (each drawn into a canvas).
            assertThat(page.locator(".chart")).hasCount(3);
            assertThat(page.locator(".chart canvas")).hasCount(3);
            Locator chart = page.locator(".chart").first();
            chart.scrollIntoViewIfNeeded();
            // ECharts drew into the element (a canvas), and the same numbers are in the table beside it.
            assertThat(chart.locator("canvas")).hasCount(1);
            assertThat(page.locator(".breakdown vaadin-grid").first()).containsText("18–59");
            page.locator(".breakdown").first().screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "factsheet-breakdown.png")));
            signOut(page, "Log out");
        });
        inBrowser(page -> {
            signIn(page, "coordinator.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/reports/factsheet?year=2019&asOf=2019-04-30"));
            waitForVaadin(page);
            assertThat(page.getByText("Only the people of your organisation (KRCT), as the records stood on 30.04.2019.")).isVisible();
        });
        inBrowser(page -> {
            signIn(page, "lawyer.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/reports/factsheet"));
            waitForVaadin(page);
            assertThat(page.locator(".factsheet")).hasCount(0);
        });
    }
}
