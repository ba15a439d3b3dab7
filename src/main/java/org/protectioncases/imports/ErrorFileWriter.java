package org.protectioncases.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.protectioncases.shared.i18n.AppI18NProvider;

/**
 * The file's rows that did not come through clean (errors and undecided matches), cells as they
 * were, plus a last column saying why in the user's language: fix it and upload it again. Every
 * cell is written as text (quote prefix), so nothing in a row becomes a formula.
 */
final class ErrorFileWriter {

    private ErrorFileWriter() {
    }

    static void write(SourceTable table, DryRunResult result, Locale locale, OutputStream out) throws IOException {
        Map<Integer, DryRunResult.RowResult> byRow = new HashMap<>();
        result.rows().forEach(r -> byRow.put(r.row(), r));
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet(AppI18NProvider.text(locale, "import.errorFile.sheet"));
            CellStyle text = workbook.createCellStyle();
            text.setQuotePrefixed(true);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(AppI18NProvider.text(locale, "import.errorFile.row"));
            for (int i = 0; i < table.headers().size(); i++) {
                header.createCell(i + 1).setCellValue(table.headers().get(i));
            }
            header.createCell(table.headers().size() + 1).setCellValue(AppI18NProvider.text(locale, "import.errorFile.errors"));
            header.forEach(c -> c.setCellStyle(bold));
            int next = 1;
            for (SourceTable.Row row : table.rows()) {
                DryRunResult.RowResult r = byRow.get(row.number());
                if (r == null || r.status() == DryRunResult.Status.READY) {
                    continue;
                }
                Row out2 = sheet.createRow(next++);
                out2.createCell(0).setCellValue(row.number());
                for (int i = 0; i < row.cells().size(); i++) {
                    var cell = out2.createCell(i + 1);
                    cell.setCellValue(row.cells().get(i));
                    cell.setCellStyle(text);
                }
                var why = out2.createCell(table.headers().size() + 1);
                why.setCellValue(describe(r, locale));
                why.setCellStyle(text);
            }
            workbook.write(out);
        }
    }

    /** "Column: message; ..." or, for a possible duplicate, the matches. */
    static String describe(DryRunResult.RowResult r, Locale locale) {
        if (r.status() == DryRunResult.Status.DUPLICATE) {
            return AppI18NProvider.text(locale, "import.errorFile.duplicate", r.matches().stream()
                    .map(m -> m.registrationNo() != null ? m.registrationNo() + " " + m.name()
                            : AppI18NProvider.text(locale, "import.result.fileRow", m.fileRow()))
                    .collect(Collectors.joining(", ")));
        }
        return r.errors().stream().map(e -> e.column() + ": " + message(e, locale)).collect(Collectors.joining("; "));
    }

    static String message(DryRunResult.CellError e, Locale locale) {
        List<Object> args = e.arguments();
        return AppI18NProvider.text(locale, e.messageKey(), args.toArray());
    }
}
