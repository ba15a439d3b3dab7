package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * The UNHCR manager opens the 2019 factsheet as of 30 April 2019 and sees the figures, the table
 * by place of displacement with its chart, the funding donut, a breakdown drawn as a chart, and
 * downloads the publishable PDF; a coordinator sees their partner's
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
            // The publishable PDF: protected small counts by default, the 2019 figures, funding as the printed sheet shows it.
            assertThat(page.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Protect small counts in the PDF")))
                    .hasAttribute("checked", "");
            com.microsoft.playwright.Download pdf = page.waitForDownload(() -> page.locator("a")
                    .filter(new Locator.FilterOptions().setHasText("Download PDF")).click());
            org.assertj.core.api.Assertions.assertThat(pdf.suggestedFilename()).isEqualTo("factsheet-2019-as-of-2019-04-30.pdf");
            try (var document = org.apache.pdfbox.Loader.loadPDF(java.nio.file.Files.readAllBytes(pdf.path()))) {
                org.assertj.core.api.Assertions.assertThat(document.getNumberOfPages()).isBetween(1, 2);
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                // Figures other tests cannot change in this shared database (DemoFactsheetIT checks all of them on its own).
                org.assertj.core.api.Assertions.assertThat(text).contains("Factsheet 2019", "As of 30.04.2019", "320", "595",
                        "68,514", "USD 4.08 M", "Counted from individual records");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // The place-of-displacement table downloads as Excel, numbers typed.
            com.microsoft.playwright.Download places = page.waitForDownload(() -> page.locator("a")
                    .filter(new Locator.FilterOptions().setHasText("Download Excel (XLSX)")).first().click());
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(places.path()))) {
                var sheet = workbook.getSheetAt(0);
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Within Kosovo");
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(68_514d);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // The funding donut and the place chart are drawn, each next to its table.
            Locator donut = page.locator(".chart[aria-label^='Donut chart of the funding']");
            donut.scrollIntoViewIfNeeded();
            assertThat(donut.locator("canvas")).hasCount(1);
            donut.locator("xpath=..").screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "factsheet-funding.png")));
            Locator placeChart = page.locator(".chart[aria-label^='Bar chart of the population by place']");
            placeChart.scrollIntoViewIfNeeded();
            assertThat(placeChart.locator("canvas")).hasCount(1);
            placeChart.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "factsheet-places.png")));
            // For external sharing (the default) the table protects small counts and the chart waits.
            Locator external = page.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("For external sharing"));
            external.scrollIntoViewIfNeeded();
            assertThat(external).hasAttribute("checked", "");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator(".count-table a")
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
            // Five charts: places, funding, the breakdown, returns per year, asylum seekers per year (each drawn into a canvas).
            assertThat(page.locator(".chart")).hasCount(5);
            assertThat(page.locator(".chart canvas")).hasCount(5);
            Locator chart = page.locator(".count-table .chart").first();
            chart.scrollIntoViewIfNeeded();
            // ECharts drew into the element (a canvas), and the same numbers are in the table beside it.
            assertThat(chart.locator("canvas")).hasCount(1);
            Locator ageTable = page.locator(".breakdown").filter(new Locator.FilterOptions().setHasText("Age group"));
            assertThat(ageTable.locator("vaadin-grid")).containsText("18–59");
            ageTable.screenshot(new Locator.ScreenshotOptions()
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
