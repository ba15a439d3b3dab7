package org.protectioncases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadersTest {

    @TempDir
    Path dir;

    private static final List<String> HEADERS = List.of("Emri", "Mbiemri", "Gjinia", "Komuna");

    @Test
    void csvInUtf8WithBomAndSemicolons() {
        byte[] bytes = TestFiles.csv(List.of(HEADERS, List.of("Vjosë", "Krasniqi", "Femër", "Prishtinë")), ';', StandardCharsets.UTF_8, true);
        SourceTable table = CsvTableReader.read(bytes, null, 10);
        assertThat(table.headers()).containsExactlyElementsOf(HEADERS);
        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(2);
            assertThat(r.cells()).containsExactly("Vjosë", "Krasniqi", "Femër", "Prishtinë");
        });
    }

    @Test
    void csvInWindows1250IsDetectedFromSerbianLetters() {
        byte[] bytes = TestFiles.csv(List.of(List.of("Ime", "Prezime", "Pol"), List.of("Đorđe", "Čolić", "Muški")), ',',
                CsvTableReader.WINDOWS_1250, false);
        assertThat(CsvTableReader.detect(bytes)).isEqualTo(CsvTableReader.WINDOWS_1250);
        assertThat(CsvTableReader.read(bytes, null, 10).rows().getFirst().cells()).containsExactly("Đorđe", "Čolić", "Muški");
    }

    @Test
    void csvInWindows1252WithAlbanianLettersAndCommas() {
        byte[] bytes = TestFiles.csv(List.of(HEADERS, List.of("Blerinë", "Çeku", "F", "Ferizaj")), ',', CsvTableReader.WINDOWS_1252, false);
        assertThat(CsvTableReader.read(bytes, null, 10).rows().getFirst().cells()).containsExactly("Blerinë", "Çeku", "F", "Ferizaj");
    }

    @Test
    void csvEncodingChosenByTheUserWins() {
        byte[] bytes = TestFiles.csv(List.of(List.of("Ime"), List.of("Šćepan")), ',', CsvTableReader.WINDOWS_1250, false);
        assertThat(CsvTableReader.read(bytes, CsvTableReader.WINDOWS_1250, 10).rows().getFirst().cells()).containsExactly("Šćepan");
    }

    @Test
    void csvWithMoreRowsThanTheMaximumIsRefused() {
        byte[] bytes = TestFiles.utf8Csv(List.of(List.of("Emri"), List.of("a"), List.of("b"), List.of("c")));
        assertThatThrownBy(() -> CsvTableReader.read(bytes, null, 2)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows"));
    }

    @Test
    void xlsxStreamedSkipsHiddenSheetsTakesCachedFormulaValuesAndDates() throws Exception {
        Path file = dir.resolve("people.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet hidden = wb.createSheet("Old");
            hidden.createRow(0).createCell(0).setCellValue("do not read");
            wb.setSheetVisibility(0, SheetVisibility.HIDDEN);
            Sheet sheet = wb.createSheet("People");
            Row header = sheet.createRow(0);
            for (int i = 0; i < 5; i++) {
                header.createCell(i).setCellValue(List.of("Emri", "Mbiemri", "Data e lindjes", "Telefoni", "Mosha").get(i));
            }
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            Row row = sheet.createRow(2); // an empty row 2 in between is skipped
            row.createCell(0).setCellValue("Arta");
            row.createCell(1).setCellFormula("\"Ber\"&\"isha\"");
            row.createCell(2).setCellValue(LocalDate.of(1985, 3, 14));
            row.getCell(2).setCellStyle(dateStyle);
            row.createCell(3).setCellValue(38344123456d);
            row.createCell(4).setCellFormula("[1]Other!A1*2"); // an external link: never evaluated
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 1));
            wb.setForceFormulaRecalculation(false);
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(1));
            wb.write(out);
        }
        SourceTable table = XlsxTableReader.read(file, 10);
        assertThat(table.headers()).containsExactly("Emri", "Mbiemri", "Data e lindjes", "Telefoni", "Mosha");
        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(3);
            assertThat(r.cells().subList(0, 4)).containsExactly("Arta", "Berisha", "1985-03-14", "38344123456");
        });
    }

    @Test
    void aFileRenamedXlsxThatIsNoSpreadsheetIsRefused() throws Exception {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "Emri,Mbiemri\nA,B\n");
        assertThatThrownBy(() -> XlsxTableReader.read(file, 10)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.file.notXlsx"));
        Path zip = dir.resolve("other.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> XlsxTableReader.read(zip, 10)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.file.notXlsx"));
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws Exception {
        // A real workbook whose sheet part is 60 MB of spaces: it compresses over 1000:1, beyond POI's inflate ratio limit.
        Path bomb = withSheet("bomb.xlsx", xml -> {
            int at = xml.indexOf("<sheetData>");
            return xml.substring(0, at) + " ".repeat(60 * 1024 * 1024) + xml.substring(at);
        });
        assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> XlsxTableReader.read(bomb, 10)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.file.tooLarge"));
    }

    @Test
    void aSheetWithAnExternalEntityIsRefusedWithoutReadingIt() throws Exception {
        // XXE: the sheet declares an entity pointing at a local file and uses it in a cell; the parser must not resolve it.
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-CONTENT");
        Path file = withSheet("xxe.xlsx", xml -> {
            int declEnd = xml.indexOf("?>") + 2;
            String doctype = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
            int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
            String cell = "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>";
            return xml.substring(0, declEnd) + doctype + xml.substring(declEnd, data) + cell + xml.substring(data);
        });
        assertThatThrownBy(() -> XlsxTableReader.read(file, 10)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.file.notXlsx"));
    }

    /** A one-column workbook written by POI with its sheet XML changed by {@code change}. */
    private Path withSheet(String name, UnaryOperator<String> change) throws Exception {
        byte[] workbook = TestFiles.xlsx(List.of(List.of("Emri"), List.of("A")));
        Path plain = dir.resolve("plain-" + name);
        Path changed = dir.resolve(name);
        Files.write(plain, workbook);
        try (var in = new ZipFile(plain.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(changed))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content;
                try (var entryIn = in.getInputStream(entry)) {
                    content = entryIn.readAllBytes();
                }
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
            }
        }
        return changed;
    }

    @Test
    void xlsxWithMoreRowsThanTheMaximumIsRefused() throws Exception {
        Path file = dir.resolve("many.xlsx");
        Files.write(file, TestFiles.xlsx(List.of(List.of("Emri"), List.of("a"), List.of("b"), List.of("c"))));
        assertThatThrownBy(() -> XlsxTableReader.read(file, 2)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.file.tooManyRows"));
    }
}
