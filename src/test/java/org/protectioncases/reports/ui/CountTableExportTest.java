package org.protectioncases.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A report table's downloads: a row label that a spreadsheet would run as a formula (a place name
 * typed as {@code =HYPERLINK(...)}) arrives as inert text, and the counts stay numbers.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class CountTableExportTest extends SpringBrowserlessTest {

    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    private byte[] download(CountTable table, String linkText) {
        Anchor link = find(Anchor.class).from(table).all().stream().filter(a -> a.getText().equals(linkText)).findFirst().orElseThrow();
        var out = new ByteArrayOutputStream();
        test(link).download(out);
        return out.toByteArray();
    }

    /** For external sharing (the default), the page, the CSV and the Excel file show every hidden cell as "<5", never "x". */
    @Test
    @WithUserDetails("manager")
    void hiddenCellsAreShownAsLessThanFiveEverywhere() throws IOException {
        CountTable table = new CountTable("Returns", "Municipality", List.of("Prishtinë", "Pejë", "Gjakovë"), List.of("Female", "Male"),
                new long[][] {{2, 30}, {40, 50}, {60, 70}}, "returns", true);
        UI.getCurrent().add(table);
        assertThat(table.isExternal()).isTrue();
        Grid<?> grid = find(Grid.class).from(table).single();
        List<String> shown = new ArrayList<>();
        for (int r = 0; r < test(grid).size(); r++) {
            for (int c = 1; c <= 3; c++) {
                shown.add(test(grid).getCellText(r, c));
            }
        }
        assertThat(shown).contains("<5").doesNotContain("x", "2");

        String csvText = new String(download(table, table.getTranslation("export.csv")), StandardCharsets.UTF_8);
        List<CSVRecord> csv = CSVFormat.DEFAULT.parse(new StringReader(csvText.substring(1))).getRecords();
        List<String> cells = csv.subList(2, 6).stream().flatMap(r -> r.toList().subList(1, 4).stream()).toList();
        assertThat(cells).contains("<5").doesNotContain("x", "2");
        // The hidden cells are those shown on the page.
        assertThat(cells).containsExactlyElementsOf(shown.stream().map(s -> s.replace(",", "")).toList());
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download(table, table.getTranslation("export.xlsx"))))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("<5");
            for (int r = 2; r <= 5; r++) {
                for (int c = 1; c <= 3; c++) {
                    var cell = sheet.getRow(r).getCell(c);
                    if (cell.getCellType() == CellType.STRING) {
                        assertThat(cell.getStringCellValue()).isEqualTo("<5");
                    }
                }
            }
        }
    }

    @Test
    @WithUserDetails("manager")
    void formulaLikeLabelsAreNeutralisedInBothDownloads() throws IOException {
        CountTable table = new CountTable("@Places", "Municipality", List.of(FORMULA, "Prishtinë"), List.of("Female", "Male"),
                new long[][] {{7, 8}, {9, 10}}, "places", false);
        UI.getCurrent().add(table);

        String csvText = new String(download(table, table.getTranslation("export.csv")), StandardCharsets.UTF_8);
        List<CSVRecord> csv = CSVFormat.DEFAULT.parse(new StringReader(csvText.substring(1))).getRecords();
        assertThat(csv.getFirst().get(0)).isEqualTo("'@Places");
        assertThat(csv.get(2).toList()).containsExactly("'" + FORMULA, "7", "8", "15");
        assertThat(csv.get(3).toList()).containsExactly("Prishtinë", "9", "10", "19");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download(table, table.getTranslation("export.xlsx"))))) {
            var row = workbook.getSheetAt(0).getRow(2);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(FORMULA);
            assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(7d);
            assertThat(workbook.getSheetAt(0).getRow(3).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }
}
