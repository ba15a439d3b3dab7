package org.protectioncases;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.apitokens.ApiTokenService;
import org.protectioncases.apitokens.TokenOwner;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.cases.CaseExportService;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionFilter;
import org.protectioncases.counselling.SessionRow;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.SpecificNeed;
import org.protectioncases.reports.factsheet.FactsheetPdfService;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.export.ExportFormat;
import org.protectioncases.support.RestrictedRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Restricted data in every channel: a UNHCR manager reads the record of an SGBV survivor with a
 * confidential case note and a confidential session note, and gets none of them, nor a sign that
 * they exist, in the pages' DTOs, the case export (CSV and XLSX), the reporting API, the factsheet
 * PDF or the histories; the access log says what was withheld. The holding partner's staff get
 * all of it, which shows the checks look at the right places.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestrictedDataIT {

    @LocalServerPort
    int port;
    @Autowired
    PersonService people;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    CounsellingService sessions;
    @Autowired
    CaseExportService exports;
    @Autowired
    FactsheetPdfService pdfs;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SystemAccess system;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    RestrictedRecord record;

    @BeforeEach
    void createRecord() {
        record = RestrictedRecord.create(system, people, personFiles, caseWorkflow, sessions);
    }

    private <T> T asManager(java.util.function.Supplier<T> work) {
        return system.runAsAccount("manager", work);
    }

    /** Words that would tell a reader the person is a survivor or that a confidential note exists. */
    private List<String> tells() {
        List<String> tells = new ArrayList<>(record.secrets());
        tells.addAll(List.of("SGBV", "TORTURE", "restricted", "confidential", "Confidential", "Restricted"));
        return tells;
    }

    private void assertNoTell(String channel, String text) {
        // A DTO's empty note field says nothing; its name is not a tell.
        String shown = text.replace("confidentialNote=null", "");
        for (String tell : tells()) {
            assertThat(shown).as(channel + " must not contain " + tell).doesNotContain(tell);
        }
    }

    private static String historyText(List<AuditEventDto> history) {
        StringBuilder text = new StringBuilder();
        history.forEach(h -> text.append(h.action()).append(' ').append(h.details()).append('\n'));
        return text.toString();
    }

    @Test
    void theManagersPagesAndHistoriesHoldNoRestrictedDataNorHintOfIt() {
        // The person page: profile, needs tab, history tab.
        assertThat(asManager(() -> people.get(record.personId()))).isPresent();
        var file = asManager(() -> personFiles.file(record.personId()));
        assertThat(file.needs()).extracting(n -> n.need()).containsExactly(SpecificNeed.DISABILITY);
        assertNoTell("person file", file.toString());
        List<AuditEventDto> personHistory = asManager(() -> people.history(record.personId()));
        assertThat(personHistory).filteredOn(h -> h.action().equals("NEED_RECORDED")).extracting(AuditEventDto::details)
                .containsExactly("DISABILITY");
        assertNoTell("person history", historyText(personHistory));
        assertNoTell("people list", asManager(() -> people.list(new PersonFilter(null, record.registrationNo(), null, null, null),
                PageRequest.of(0, 10))).toString());

        // The case page and its history.
        var c = asManager(() -> cases.get(record.caseId())).orElseThrow();
        assertThat(c.confidentialNote()).isNull();
        assertNoTell("case page", c.toString());
        List<AuditEventDto> caseHistory = asManager(() -> cases.history(record.caseId()));
        assertThat(caseHistory).extracting(AuditEventDto::action).contains("CASE_OPENED").doesNotContain("CASE_CONFIDENTIAL_NOTE");
        assertNoTell("case history", historyText(caseHistory));

        // The session page, the case's session timeline, the session list and the session's history.
        var s = asManager(() -> sessions.get(record.sessionId())).orElseThrow();
        assertThat(s.form().confidentialNote()).isNull();
        assertNoTell("session page", s.toString());
        assertNoTell("session timeline", asManager(() -> sessions.forCase(record.caseId())).toString());
        assertNoTell("session list", asManager(() -> sessions.list(new SessionFilter("lawyer.crpk",
                s.heldAt().toLocalDate(), s.heldAt().toLocalDate(), null, null), PageRequest.of(0, 500))).toString());
        // The SGBV topic is not shown, and filtering on it does not list the session either.
        assertThat(s.form().topics()).containsExactly(SessionTopic.CIVIL_DOCUMENTATION);
        assertThat(asManager(() -> sessions.list(new SessionFilter(null, s.heldAt().toLocalDate(), s.heldAt().toLocalDate(), null,
                SessionTopic.SGBV), PageRequest.of(0, 500)))).extracting(SessionRow::id).doesNotContain(record.sessionId());
        List<AuditEventDto> sessionHistory = asManager(() -> sessions.history(record.sessionId()));
        // The other change made with the note stays visible; that the note changed does not.
        assertThat(sessionHistory).anySatisfy(h -> assertThat(h.details()).isEqualTo("durationMinutes: 45 → 60"));
        assertThat(sessionHistory).extracting(AuditEventDto::action).doesNotContain("SESSION_CONFIDENTIAL_NOTE");
        assertNoTell("session history", historyText(sessionHistory));

        // The audit trail itself never holds the texts.
        for (String secret : record.secrets()) {
            assertThat(jdbc.sql("select count(*) from audit_event where details like :s").param("s", "%" + secret + "%")
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void theHoldingPartnerSeesAllOfItAndItsHistory() {
        var file = system.runAsAccount("coordinator.crpk", () -> personFiles.file(record.personId()));
        assertThat(file.needs()).extracting(n -> n.need()).containsExactlyInAnyOrder(SpecificNeed.DISABILITY, SpecificNeed.SGBV_SURVIVOR);
        assertThat(system.runAsAccount("coordinator.crpk", () -> people.history(record.personId())))
                .anySatisfy(h -> {
                    assertThat(h.details()).isEqualTo("restricted need"); // the English text (the log file's) does not name it
                    assertThat(h.messageKey()).isEqualTo("history.person.need");
                    assertThat(h.messageArgs()).containsExactly("#need.SGBV_SURVIVOR");
                });
        assertThat(system.runAsAccount("coordinator.crpk", () -> cases.get(record.caseId())).orElseThrow().confidentialNote())
                .isEqualTo(record.caseNote());
        assertThat(system.runAsAccount("coordinator.crpk", () -> cases.history(record.caseId())))
                .extracting(AuditEventDto::action).contains("CASE_CONFIDENTIAL_NOTE");
        assertThat(system.runAsAccount("coordinator.crpk", () -> sessions.get(record.sessionId())).orElseThrow().form().confidentialNote())
                .isEqualTo(record.sessionNote());
        assertThat(system.runAsAccount("coordinator.crpk", () -> sessions.history(record.sessionId())))
                .extracting(AuditEventDto::action).contains("SESSION_UPDATED", "SESSION_CONFIDENTIAL_NOTE", "SESSION_RESTRICTED_TOPICS");
        var own = system.runAsAccount("coordinator.crpk", () -> sessions.get(record.sessionId())).orElseThrow();
        assertThat(own.form().topics()).contains(SessionTopic.SGBV);
        assertThat(system.runAsAccount("coordinator.crpk", () -> sessions.list(new SessionFilter(null, own.heldAt().toLocalDate(),
                own.heldAt().toLocalDate(), null, SessionTopic.SGBV), PageRequest.of(0, 500))))
                .filteredOn(r -> r.id() == record.sessionId()).singleElement()
                .satisfies(r -> assertThat(r.topics()).contains(SessionTopic.SGBV));
        // Another partner still sees nothing at all.
        assertThat(system.runAsAccount("lawyer.at", () -> people.get(record.personId()))).isEmpty();
    }

    @Test
    void theAccessLogSaysWhatWasWithheldFromTheManager() {
        asManager(() -> people.get(record.personId()));
        asManager(() -> cases.get(record.caseId()));
        asManager(() -> sessions.get(record.sessionId()));
        system.runAsAccount("coordinator.crpk", () -> people.get(record.personId()));
        system.runAsAccount("coordinator.crpk", () -> cases.get(record.caseId()));
        system.runAsAccount("coordinator.crpk", () -> sessions.get(record.sessionId()));

        assertThat(withheld("person", record.personId(), "manager")).containsExactly("restricted needs");
        assertThat(withheld("case", record.caseId(), "manager")).containsExactly("confidential note");
        assertThat(withheld("session", record.sessionId(), "manager")).containsExactly("confidential note");
        assertThat(withheld("person", record.personId(), "coordinator.crpk")).containsExactly((String) null);
        assertThat(withheld("case", record.caseId(), "coordinator.crpk")).containsExactly((String) null);
        assertThat(withheld("session", record.sessionId(), "coordinator.crpk")).containsExactly((String) null);
        // Readers of the access log (managers) are not told what was withheld: the entry has no such field.
        assertThat(asManager(() -> people.accessLog(record.personId())).toString()).doesNotContain("restricted");
    }

    private List<String> withheld(String type, long id, String username) {
        return jdbc.sql("select withheld from record_access where entity_type = :t and entity_id = :id and username = :u and granted order by id")
                .param("t", type).param("id", id).param("u", username).query((rs, i) -> rs.getString(1)).list();
    }

    @Test
    void theManagersCaseExportsHoldNone() throws Exception {
        CaseFilter onlyThis = new CaseFilter(false, null, null, null, false, record.personId());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        assertThat(asManager(() -> exports.export(onlyThis, ExportFormat.CSV, csv, Locale.ENGLISH))).isEqualTo(1);
        String csvText = csv.toString(StandardCharsets.UTF_8);
        assertThat(csvText).contains(record.caseNo());
        assertNoTell("CSV export", csvText);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        assertThat(asManager(() -> exports.export(onlyThis, ExportFormat.XLSX, xlsx, Locale.ENGLISH))).isEqualTo(1);
        StringBuilder cells = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(formatter.formatCellValue(cell)).append('\t');
                    }
                }
            }
        }
        assertThat(cells.toString()).contains(record.caseNo());
        assertNoTell("XLSX export", cells.toString());
    }

    @Test
    void theReportingApiAndTheFactsheetPdfHoldNone() throws Exception {
        LocalDate today = LocalDate.now();
        String token = asManager(() -> {
            TokenOwner owner = tokens.owners().stream().filter(o -> o.username().equals("manager")).findFirst().orElseThrow();
            return tokens.create(owner.id(), "RestrictedDataIT", today.plusDays(30)).secret();
        });
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/v1/reports/factsheet?year=" + today.getYear(),
                "/api/v1/reports/breakdown?population=IN_SHELTERS&year=" + today.getYear(),
                "/api/v1/reports/returns-per-year", "/api/v1/reports/asylum-seekers-per-year")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            assertNoTell("API " + path, response.body());
        }

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        asManager(() -> {
            pdfs.writePdf(today.getYear(), today, false, Locale.ENGLISH, pdf);
            return null;
        });
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(String.valueOf(today.getYear()));
            assertNoTell("factsheet PDF", text);
        }
    }
}
