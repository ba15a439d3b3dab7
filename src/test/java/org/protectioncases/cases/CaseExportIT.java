package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.export.ExportFormat;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Case list exports: who gets which rows and columns, and that every export is logged. */
@SpringBootTest
class CaseExportIT extends ActingUsers {

    @Autowired
    CaseExportService exports;
    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    CaseloadService caseloads;
    @Autowired
    PersonService people;
    @Autowired
    AuditService audit;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private List<List<String>> xlsx(Supplier<Long> export, ByteArrayOutputStream out) throws IOException {
        export.get();
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                rows.add(cells);
            }
        }
        return rows;
    }

    private List<List<String>> exportAs(Role role, String partnerCode, CaseFilter filter) throws IOException {
        var out = new ByteArrayOutputStream();
        return xlsx(() -> as(role, partnerCode, () -> exports.export(filter, ExportFormat.XLSX, out, Locale.ENGLISH)), out);
    }

    @Test
    void eachRoleExportsWhatItMaySeeAndEveryExportIsLogged() throws IOException {
        PersonDetails p = as(Role.PARTNER_LAWYER, "AT", () -> people.register(PersonForm.of("Export", "Shkurtë", Sex.FEMALE,
                LocalDate.of(1988, 5, 5), BirthDatePrecision.EXACT, Community.ROMA, "PRI"), List.of()));
        CaseDetails mine = as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION,
                CasePriority.HIGH, "ID card", DocumentType.ID_CARD, null, null)));
        CaseDetails other = as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION,
                CasePriority.LOW, "Birth certificate", DocumentType.BIRTH_CERTIFICATE, null, null)));
        as(Role.PARTNER_COORDINATOR, "AT", () -> caseloads.assign(mine.id(), mine.version(), "lawyer.at"));
        CaseFilter ofPerson = new CaseFilter(false, null, null, null, false, p.id());

        // The coordinator: the partner's cases, with the person columns.
        List<List<String>> coordinator = exportAs(Role.PARTNER_COORDINATOR, "AT", ofPerson);
        assertThat(coordinator.getFirst()).contains("Case number", "Registration number", "Person");
        assertThat(coordinator).hasSize(3);
        assertThat(coordinator.subList(1, 3)).allSatisfy(r -> assertThat(r).contains(p.registrationNo(), "Export Shkurtë", "AT"));
        // Newest first, like the list's default order.
        assertThat(coordinator.get(1).getFirst()).isEqualTo(other.summary().caseNo());
        // The caseworker by name, not by username (issue 13).
        assertThat(coordinator.getFirst()).contains("Caseworker");
        assertThat(coordinator.get(2)).contains("Milica Jovanović");
        assertThat(coordinator.toString()).doesNotContain("lawyer.at");

        // A lawyer: only the cases assigned to them, even without "my cases" ticked.
        var out = new ByteArrayOutputStream();
        List<List<String>> lawyer = xlsx(() -> system.runAsAccount("lawyer.at",
                () -> exports.export(ofPerson, ExportFormat.XLSX, out, Locale.ENGLISH)), out);
        assertThat(lawyer).hasSize(2);
        assertThat(lawyer.get(1).getFirst()).isEqualTo(mine.summary().caseNo());

        // A manager: every partner's cases, but no names or registration numbers.
        List<List<String>> manager = exportAs(Role.UNHCR_MANAGER, "UNHCR", ofPerson);
        assertThat(manager).hasSize(3);
        assertThat(manager.getFirst()).doesNotContain("Registration number", "Person");
        assertThat(manager.toString()).doesNotContain("Shkurtë", p.registrationNo());

        // Another partner gets nothing of AT's; monitors and ADMIN may not export.
        assertThat(exportAs(Role.PARTNER_COORDINATOR, "CRPK", ofPerson)).hasSize(1);
        assertThatThrownBy(() -> as(Role.PROTECTION_MONITOR, "AT",
                () -> exports.export(ofPerson, ExportFormat.CSV, new ByteArrayOutputStream(), Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> system.runAsAdmin(
                () -> exports.export(ofPerson, ExportFormat.CSV, new ByteArrayOutputStream(), Locale.ENGLISH)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> audit.latest("case-list", List.of("EXPORTED"), 10)))
                .anyMatch(e -> "lawyer.at".equals(e.actor()) && e.details().contains("person=" + p.id()) && e.details().endsWith("rows=1"))
                .anyMatch(e -> e.details().startsWith("XLSX; partner=" + partner("AT")) && e.details().endsWith("rows=2"));
    }

    @Test
    void aNameTypedAsAFormulaIsExportedAsInertTextInCsvAndXlsx() throws IOException {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        String dde = "=cmd|' /C calc'!A0";
        PersonDetails p = as(Role.PARTNER_LAWYER, "AT", () -> people.register(PersonForm.of(formula, dde, Sex.MALE,
                LocalDate.of(1979, 9, 9), BirthDatePrecision.EXACT, Community.ROMA, "PRI"), List.of()));
        as(Role.PARTNER_LAWYER, "AT", () -> caseWorkflow.open(new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION,
                CasePriority.NORMAL, null, DocumentType.ID_CARD, null, null)));
        // Stored as typed.
        assertThat(jdbc.sql("select given_name || ' ' || family_name from person where id = :id").param("id", p.id())
                .query(String.class).single()).isEqualTo(formula + " " + dde);
        CaseFilter ofPerson = new CaseFilter(false, null, null, null, false, p.id());

        var csvOut = new ByteArrayOutputStream();
        as(Role.PARTNER_COORDINATOR, "AT", () -> exports.export(ofPerson, ExportFormat.CSV, csvOut, Locale.ENGLISH));
        List<org.apache.commons.csv.CSVRecord> csv = org.apache.commons.csv.CSVFormat.DEFAULT
                .parse(new java.io.StringReader(csvOut.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        int nameColumn = csv.getFirst().toList().indexOf("Person");
        String exportedName = csv.get(1).get(nameColumn);
        assertThat(exportedName).isEqualTo("'" + formula + " " + dde);
        assertThat(csv.get(1).toList()).noneMatch(cell -> cell.startsWith("="));

        var xlsxOut = new ByteArrayOutputStream();
        as(Role.PARTNER_COORDINATOR, "AT", () -> exports.export(ofPerson, ExportFormat.XLSX, xlsxOut, Locale.ENGLISH));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxOut.toByteArray()))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            var cell = row.getCell(nameColumn);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo(formula + " " + dde);
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA));
        }
    }

    @Test
    void aWholePartnerExportHasEveryCaseOnceInCsv() {
        var out = new ByteArrayOutputStream();
        long rows = as(Role.PARTNER_COORDINATOR, "CRPK",
                () -> exports.export(CaseFilter.all(), ExportFormat.CSV, out, Locale.forLanguageTag("sq")));
        long expected = jdbc.sql("select count(*) from protection_case where owning_partner = :p")
                .param("p", partner("CRPK")).query(Long.class).single();
        assertThat(rows).isEqualTo(expected).isPositive();
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(expected + 1);
        assertThat(csv).startsWith("\uFEFF");
    }
}
