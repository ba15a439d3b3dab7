package org.protectioncases.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableWriterTest {

    @Test
    void xlsxKeepsNumbersAndDatesTypedAcrossTheStreamingWindow() throws IOException {
        var out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(ExportFormat.XLSX, out, "Cases: 2019/20")) {
            writer.header(List.of("No", "Name", "Opened", "Note"));
            for (int i = 1; i <= 1_000; i++) {
                writer.row((long) i, "Đorđe Petrović " + i, LocalDate.of(2019, 1, 1).plusDays(i), null);
            }
            assertThat(writer.rows()).isEqualTo(1_001);
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).doesNotContain(":", "/");
            assertThat(sheet.getLastRowNum()).isEqualTo(1_000);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Name");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
            var last = sheet.getRow(1_000);
            assertThat(last.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(last.getCell(0).getNumericCellValue()).isEqualTo(1_000d);
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("Đorđe Petrović 1000");
            assertThat(DateUtil.isCellDateFormatted(last.getCell(2))).isTrue();
            assertThat(last.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2019, 1, 1).plusDays(1_000));
            assertThat(last.getCell(3)).isNull();
        }
    }

    @Test
    void csvHasAByteOrderMarkAndQuotesWhatNeedsQuoting() throws IOException {
        var out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(ExportFormat.CSV, out, "ignored")) {
            writer.header(List.of("Name", "Count"));
            writer.row("Fushë Kosovë, \"centre\"", 3L);
            writer.row(null, LocalDate.of(2019, 4, 30));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFName,Count\r\n")
                .contains("\"Fushë Kosovë, \"\"centre\"\"\",3\r\n")
                .endsWith(",2019-04-30\r\n");
    }

    /** Text as a person or caseworker might have typed it, each of which a spreadsheet would run as a formula. */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+1+2", "-1+2",
            "@SUM(A1:A2)", "\t=1+2", "\r=1+2");

    @Test
    void csvNeutralisesTextThatASpreadsheetWouldRunAsAFormulaButNotNumbers() throws IOException {
        var out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(ExportFormat.CSV, out, "ignored")) {
            writer.header(List.of("=Header", "Value"));
            for (String formula : FORMULAS) {
                writer.row(formula, -3L);
            }
            writer.row("Fushë Kosovë = Kosovo Polje", new BigDecimal("-2.5"), LocalDate.of(2019, 4, 30), -7);
        }
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(out.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records.getFirst().get(0)).isEqualTo("'=Header");
        for (int i = 0; i < FORMULAS.size(); i++) {
            CSVRecord record = records.get(i + 1);
            assertThat(record.get(0)).isEqualTo("'" + FORMULAS.get(i));
            assertThat(record.get(1)).isEqualTo("-3");
        }
        // Text with "=" further in, negative numbers and dates are written as they are.
        assertThat(records.getLast().toList()).containsExactly("Fushë Kosovë = Kosovo Polje", "-2.5", "2019-04-30", "-7");
    }

    @Test
    void xlsxKeepsFormulaLikeTextAsQuotePrefixedTextAndNegativeNumbersAsNumbers() throws IOException {
        var out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(ExportFormat.XLSX, out, "Cases")) {
            writer.header(List.of("@Header", "Value"));
            for (String formula : FORMULAS) {
                writer.row(formula, -3L);
            }
            writer.row("Prishtinë", new BigDecimal("-2.5"));
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
            for (int i = 0; i < FORMULAS.size(); i++) {
                var row = sheet.getRow(i + 1);
                // A string cell with the value as recorded, never a formula, and marked to stay text when edited.
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(FORMULAS.get(i));
                assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).as(FORMULAS.get(i)).isTrue();
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-3d);
                assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
            }
            var plain = sheet.getRow(FORMULAS.size() + 1);
            assertThat(plain.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(plain.getCell(1).getNumericCellValue()).isEqualTo(-2.5d);
        }
    }

    @Test
    void refusesToWriteACorruptOversizedSheet() {
        assertThat(XlsxTableWriter.MAX_ROWS).isEqualTo(1_048_576);
        assertThatThrownBy(() -> TableWriter.open(ExportFormat.valueOf("PDF"), new ByteArrayOutputStream(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
