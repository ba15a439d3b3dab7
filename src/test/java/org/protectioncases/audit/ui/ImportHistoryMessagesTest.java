package org.protectioncases.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.imports.BatchSummary;
import org.protectioncases.imports.ColumnMapping;
import org.protectioncases.imports.ImportMode;
import org.protectioncases.imports.ImportService;
import org.protectioncases.imports.UploadedFile;
import org.protectioncases.reports.factsheet.FactsheetPdfService;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #13, the sibling of {@link HistoryMessagesTest} for imports and reports: an import's upload,
 * dry run, batch and undo, and a factsheet PDF export, are stored as message keys and arguments and
 * read in the reader's language, with no code values (PEOPLE, VALID_ROWS, UNPROTECTED); the English
 * text stays the entry's details.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.audit.ui")
class ImportHistoryMessagesTest extends SpringBrowserlessTest {

    @Autowired
    ImportService imports;
    @Autowired
    FactsheetPdfService pdfs;
    @Autowired
    SystemAccess system;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private <T> T coordinator(Supplier<T> work) {
        return system.runAsAccount("coordinator.crpk", work);
    }

    /** The entries of a record as stored (an uploaded file's id is its SHA-256). */
    private List<AuditEventDto> entries(String entityType, String entityId) {
        return jdbc.sql("select occurred_at, actor, action, details, message_key, message_args from audit_event"
                        + " where entity_type = :type and entity_id = :id order by id")
                .param("type", entityType).param("id", entityId)
                .query((rs, i) -> {
                    Array args = rs.getArray("message_args");
                    return new AuditEventDto(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                            rs.getString("details"), rs.getString("message_key"), args == null ? List.of() : List.of((String[]) args.getArray()));
                }).list();
    }

    private static String shown(List<AuditEventDto> entries, String action) {
        return AuditGrids.details(UI.getCurrent(), entries.stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow());
    }

    @Test
    void importHistoryReadsInTheReadersLanguage() {
        String family = "Historia" + ThreadLocalRandom.current().ints(7, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        byte[] csv = ("Emri,Mbiemri,Gjinia,Data e lindjes,Komuniteti,Komuna\r\nArta," + family + ",F,14.03.1985,Shqiptar,Prishtinë\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String name = family + ".csv";
        UploadedFile file = coordinator(() -> imports.read(name, new ByteArrayInputStream(csv), null));
        ColumnMapping mapping = coordinator(() -> imports.suggestMapping(file.table().headers()));
        coordinator(() -> imports.dryRun(file, mapping));
        BatchSummary batch = coordinator(() -> imports.importFile(file, mapping, Map.of(), ImportMode.VALID_ROWS, false));
        coordinator(() -> imports.undo(batch.id()));
        List<AuditEventDto> fileHistory = entries("import_file", file.sha256());
        List<AuditEventDto> batchHistory = entries("import_batch", String.valueOf(batch.id()));

        // Stored as data; the English text is still the details.
        AuditEventDto imported = batchHistory.stream().filter(e -> e.action().equals("IMPORT_BATCH_IMPORTED")).findFirst().orElseThrow();
        assertThat(imported.messageKey()).isEqualTo("history.import.imported");
        assertThat(imported.details()).contains("batch " + batch.id(), name, "VALID_ROWS", "1 created, 0 linked, 0 skipped");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        assertThat(shown(fileHistory, "IMPORT_UPLOADED")).isEqualTo("U ngarkua skedari " + name + ", rreshta: 1 (SHA-256 " + file.sha256() + ")");
        assertThat(shown(fileHistory, "IMPORT_DRY_RUN")).isEqualTo("Prova e " + name + " (Persona): gati: 1, me gabime: 0, dublikata të mundshme: 0");
        assertThat(shown(batchHistory, "IMPORT_BATCH_IMPORTED")).isEqualTo("Grupi " + batch.id() + ", skedari " + name
                + " (Persona), vetëm rreshtat që janë gati: të rinj: 1, të lidhur: 0, të lënë jashtë: 0");
        assertThat(shown(batchHistory, "IMPORT_BATCH_UNDONE")).isEqualTo("Importi i " + name + " u zhbë (Persona), të tërhequr: 1");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        assertThat(shown(batchHistory, "IMPORT_BATCH_IMPORTED")).isEqualTo("Paket " + batch.id() + ", datoteka " + name
                + " (Osobe), samo spremni redovi: novih: 1, povezanih: 0, izostavljenih: 0");
        assertThat(shown(batchHistory, "IMPORT_BATCH_UNDONE")).isEqualTo("Uvoz datoteke " + name + " je poništen (Osobe), povučeno: 1");
        assertThat(fileHistory.stream().map(e -> AuditGrids.details(UI.getCurrent(), e)))
                .hasSize(2).noneMatch(s -> s.contains("PEOPLE") || s.contains("ready") || s.contains("sha256"));
    }

    @Test
    void factsheetExportReadsInTheReadersLanguage() {
        system.runAsAccount("manager", () -> {
            pdfs.writePdf(2019, LocalDate.of(2019, 4, 30), false, Locale.forLanguageTag("sq"), OutputStream.nullOutputStream());
            return null;
        });
        List<AuditEventDto> history = entries("factsheet", "2019");
        AuditEventDto export = history.getLast();
        assertThat(export.action()).isEqualTo("EXPORT_PDF");
        assertThat(export.details()).isEqualTo("as of 2019-04-30, UNPROTECTED, language sq");
        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        assertThat(AuditGrids.details(UI.getCurrent(), export)).isEqualTo("PDF më 30.04.2019, numrat e vegjël JO të mbrojtur, gjuha: Shqip");
        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        assertThat(AuditGrids.details(UI.getCurrent(), export)).isEqualTo("PDF na dan 30.04.2019, mali brojevi NISU zaštićeni, jezik: Shqip");
    }
}
