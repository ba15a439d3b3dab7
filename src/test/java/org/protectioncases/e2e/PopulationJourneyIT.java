package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * The UNHCR manager breaks the displaced population of 2019 down by community for the second
 * quarter, downloads it as Excel, and a lawyer's case list export holds only their own cases.
 */
class PopulationJourneyIT extends BrowserTestBase {

    @Test
    void managerDisaggregatesByCommunityForAQuarterAndDownloadsExcel() {
        inBrowser(page -> {
            signIn(page, "manager", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/reports/population"));
            waitForVaadin(page);
            choose(page, "Period", "Quarter");
            choose(page, "Year", "2019");
            choose(page, "Quarter", "Q2");
            waitForVaadin(page);
            assertThat(page.locator("vaadin-date-picker:has(> label:text-is('To')) input"))
                    .hasValue(java.util.regex.Pattern.compile("6/30/2019|30\\.06\\.2019|2019-06-30"));
            Locator table = page.locator(".count-table vaadin-grid");
            assertThat(table).containsText("Roma");
            assertThat(table).containsText("Total");
            page.locator(".count-table").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "population-by-community.png")));
            Download download = page.waitForDownload(() -> page.locator("a")
                    .filter(new Locator.FilterOptions().setHasText("Download Excel (XLSX)")).click());
            try (var workbook = new XSSFWorkbook(Files.newInputStream(download.path()))) {
                var sheet = workbook.getSheetAt(0);
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                        .contains("Displaced within Kosovo", "Community");
                org.assertj.core.api.Assertions.assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Community");
                org.assertj.core.api.Assertions.assertThat(sheet.getLastRowNum()).isGreaterThan(3);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void aLawyerExportsTheirCaseListAsCsv() {
        inBrowser(page -> {
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/cases"));
            waitForVaadin(page);
            Download download = page.waitForDownload(() -> page.locator(".export-links a").first().click());
            String csv;
            try {
                csv = Files.readString(download.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Albanian is this lawyer's language; every data row is one of their cases.
            org.assertj.core.api.Assertions.assertThat(csv.lines().findFirst().orElseThrow()).contains("Numri i rastit");
            org.assertj.core.api.Assertions.assertThat(csv.lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",Vjosa Gashi,"));
        });
    }

    private static void choose(com.microsoft.playwright.Page page, String label, String option) {
        page.locator("vaadin-select:has(> label:text-is('" + label + "'))").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName(option).setExact(true)).click();
        waitForVaadin(page);
    }
}
