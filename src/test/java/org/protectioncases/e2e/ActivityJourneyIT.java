package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * The UNHCR manager opens this year's activity statistics: the two charts are drawn (canvas), and
 * the sessions-by-type table downloads as an Excel file with the same numbers as on screen.
 */
class ActivityJourneyIT extends BrowserTestBase {

    @Test
    void managerSeesChartsAndDownloadsATableAsExcel() {
        inBrowser(page -> {
            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/reports/activity"));
            waitForVaadin(page);
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("Counselling sessions by type of legal aid"))).isVisible();
            // The partner ranking is the first table, and the contents list at the top links to it.
            assertThat(page.locator(".activity-table").first()).hasAttribute("data-table", "sessionsByPartner");
            assertThat(page.locator(".report-contents a").first()).hasAttribute("href", "#activity-sessionsByPartner");
            // Activity over time, sessions by type, hours by kind of work (the demo sessions have durations).
            assertThat(page.locator(".chart")).hasCount(3);
            assertThat(page.locator(".chart canvas")).hasCount(3);
            assertThat(page.locator(".chart").first()).hasAttribute("role", "img");

            Locator section = page.locator("[data-table=sessionsByType]");
            section.scrollIntoViewIfNeeded();
            Download download = page.waitForDownload(() -> section.locator("a")
                    .filter(new Locator.FilterOptions().setHasText("Download Excel")).click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).startsWith("activity-sessionsByType-").endsWith(".xlsx");
            try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                XSSFSheet sheet = workbook.getSheetAt(0);
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Type of legal aid");
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Sessions");
                // Five types of legal aid, then the total, which the demo lawyers' sessions make positive; numbers stay numbers.
                org.assertj.core.api.Assertions.assertThat(sheet.getLastRowNum()).isEqualTo(6);
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Total");
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(6).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                double sum = 0;
                for (int r = 1; r <= 5; r++) {
                    sum += sheet.getRow(r).getCell(1).getNumericCellValue();
                }
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(sum).isPositive();
                // The grid shows the same total.
                assertThat(section.locator("vaadin-grid")).containsText(String.format(java.util.Locale.UK, "%,d", (long) sum));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.locator(".activity-chart").first().screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "activity-over-time.png")));

            // Hours by kind of work: a manager gets one row per partner (no staff), in hours, the Excel file too.
            Locator hours = page.locator("[data-table=hoursByKind]");
            hours.scrollIntoViewIfNeeded();
            assertThat(hours.locator("h2")).hasText("Hours by kind of work");
            assertThat(hours.locator("vaadin-grid")).containsText("CRPK");
            Download hoursFile = page.waitForDownload(() -> hours.locator("a")
                    .filter(new Locator.FilterOptions().setHasText("Download Excel")).click());
            try (InputStream in = Files.newInputStream(hoursFile.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                XSSFSheet sheet = workbook.getSheetAt(0);
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Partner");
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Counselling sessions");
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Total");
                int last = sheet.getLastRowNum();
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(last).getCell(0).getStringCellValue()).isEqualTo("Total");
                double counselling = 0;
                for (int r = 1; r < last; r++) {
                    counselling += sheet.getRow(r).getCell(1).getNumericCellValue();
                }
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(last).getCell(1).getNumericCellValue())
                        .isCloseTo(counselling, org.assertj.core.data.Offset.offset(0.01 * last)).isPositive();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hours.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "activity-hours-by-kind.png")));
        });
    }
}
