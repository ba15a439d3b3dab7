package org.protectioncases.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo spreadsheets shipped for coordinators to try the import (docs/import.md) read as documented. */
class DemoFilesTest {

    static final Path DEMO = Path.of("src", "main", "resources", "demo", "import");

    @Test
    void albanianXlsxHasSixPeople() {
        SourceTable table = XlsxTableReader.read(DEMO.resolve("demo-people-sq.xlsx"), 100);
        assertThat(table.headers()).startsWith("Emri", "Mbiemri", "Emri i babait");
        assertThat(table.rows()).hasSize(6);
        assertThat(table.rows().getFirst().cells()).startsWith("Shpresa", "Demiri");
    }

    @Test
    void serbianCsvIsWindows1250WithSemicolons() throws Exception {
        byte[] bytes = Files.readAllBytes(DEMO.resolve("demo-people-sr-windows-1250.csv"));
        assertThat(CsvTableReader.detect(bytes)).isEqualTo(CsvTableReader.WINDOWS_1250);
        SourceTable table = CsvTableReader.read(bytes, null, 100);
        assertThat(table.headers()).contains("Datum rođenja", "Opština");
        assertThat(table.rows()).hasSize(4);
        assertThat(table.rows().getFirst().cells()).startsWith("Đorđe", "Petrović", "Živko");
    }
}
