package org.protectioncases.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Spreadsheets and CSV files made for tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** An XLSX with one sheet: the first list is the header row. */
    static byte[] xlsx(List<List<String>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("People");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(List<List<String>> rows, char separator, Charset charset, boolean bom) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : rows) {
            s.append(String.join(String.valueOf(separator), row.stream().map(v -> v.contains(String.valueOf(separator)) ? '"' + v + '"' : v).toList()))
                    .append("\r\n");
        }
        byte[] body = s.toString().getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    static byte[] utf8Csv(List<List<String>> rows) {
        return csv(rows, ',', StandardCharsets.UTF_8, false);
    }
}
