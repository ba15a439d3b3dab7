package org.protectioncases.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Streaming XLSX (POI's SXSSF): only the last {@value #WINDOW} rows live in memory, older ones
 * go to a compressed temporary file that is deleted when the writer closes. Text cells are string
 * cells (never formulas); one that starts like a formula also gets Excel's "quote prefix" style,
 * what Excel itself stores when a user types {@code '=...}: it stays text even when edited and
 * re-entered, and the value is exactly what was recorded ({@link FormulaGuard}).
 */
final class XlsxTableWriter implements TableWriter {

    private static final int WINDOW = 200;
    /** Excel's hard limit; a larger export would be a corrupt file. */
    static final int MAX_ROWS = 1_048_576;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle textStyle;
    private final CellStyle headerTextStyle;
    private int rows;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        // Callers pass any title: POI cuts it to Excel's 31 characters and replaces : / ? * [ ].
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        short dateFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd");
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        this.dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        this.textStyle = workbook.createCellStyle();
        textStyle.setQuotePrefixed(true);
        this.headerTextStyle = workbook.createCellStyle();
        headerTextStyle.setFont(bold);
        headerTextStyle.setQuotePrefixed(true);
    }

    @Override
    public void header(List<String> titles) {
        Row row = next();
        for (int i = 0; i < titles.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles.get(i));
            cell.setCellStyle(FormulaGuard.triggers(titles.get(i)) ? headerTextStyle : headerStyle);
        }
        if (rows == 1) {
            sheet.createFreezePane(0, 1);
        }
    }

    @Override
    public void row(List<? extends @Nullable Object> cells) {
        Row row = next();
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (value) {
                case Integer n -> cell.setCellValue(n);
                case Long n -> cell.setCellValue(n);
                case BigDecimal n -> cell.setCellValue(n.doubleValue());
                case Number n -> cell.setCellValue(n.doubleValue());
                case LocalDate d -> {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateStyle);
                }
                case LocalDateTime d -> {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateTimeStyle);
                }
                case OffsetDateTime d -> {
                    cell.setCellValue(d.toLocalDateTime());
                    cell.setCellStyle(dateTimeStyle);
                }
                case Boolean b -> cell.setCellValue(b);
                default -> {
                    String text = value.toString();
                    cell.setCellValue(text);
                    if (FormulaGuard.triggers(text)) {
                        cell.setCellStyle(textStyle);
                    }
                }
            }
        }
    }

    private Row next() {
        if (rows >= MAX_ROWS) {
            throw new IllegalStateException("An XLSX sheet holds at most " + MAX_ROWS + " rows");
        }
        return sheet.createRow(rows++);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close(); // also deletes the temporary files (POI 5.x)
        }
    }
}
