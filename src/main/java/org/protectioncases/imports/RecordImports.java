package org.protectioncases.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseImportService;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionImportService;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.PersonNotFoundException;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.stereotype.Component;

/**
 * The cases and sessions side of the import: a row to the cases module's {@link CaseImportService.ImportedCase}
 * or the counselling module's {@link SessionImportService.ImportedSession} (values mapped in any UI
 * language, a person by registration number, a case by number, a caseworker by username or full
 * name), checked by those modules' own rules, written in chunks and withdrawn on undo.
 * {@link ImportService} keeps the batch, the modes, the audit and the permissions.
 */
@Component
class RecordImports {

    /** A row that passed every check: its row number and the module's command. */
    record Prepared(int row, Object command) {
    }

    record Checked(DryRunResult result, List<Prepared> prepared) {
    }

    /** The dialog's defaults for what a file may leave out. */
    static final int DEFAULT_DURATION = 30;
    static final SessionMode DEFAULT_MODE = SessionMode.OFFICE;

    private static final Map<String, ImportField> CASE_FIELDS = Map.of(
            "personId", ImportField.CASE_PERSON, "type", ImportField.CASE_TYPE, "status", ImportField.CASE_STATUS,
            "openedOn", ImportField.CASE_OPENED_ON, "closedOn", ImportField.CASE_CLOSED_ON, "outcome", ImportField.CASE_OUTCOME,
            "summary", ImportField.CASE_SUMMARY, "assignTo", ImportField.CASE_CASEWORKER, "caseworker", ImportField.CASE_CASEWORKER);
    private static final Map<String, ImportField> SESSION_FIELDS = Map.of(
            "case", ImportField.SESSION_CASE, "heldAt", ImportField.SESSION_DATE, "durationMinutes", ImportField.SESSION_DURATION,
            "mode", ImportField.SESSION_MODE, "aidType", ImportField.SESSION_AID_TYPE, "topics", ImportField.SESSION_TOPICS,
            "summary", ImportField.SESSION_SUMMARY, "counsellor", ImportField.SESSION_COUNSELLOR);

    private final CaseImportService cases;
    private final SessionImportService sessions;
    private final PersonService people;
    private final CurrentUser currentUser;
    private final RecordValues values = new RecordValues();

    RecordImports(CaseImportService cases, SessionImportService sessions, PersonService people, CurrentUser currentUser) {
        this.cases = cases;
        this.sessions = sessions;
        this.people = people;
        this.currentUser = currentUser;
    }

    /** Every row of a cases or sessions file mapped and checked by its module's rules; saves nothing. */
    Checked check(UploadedFile file, ColumnMapping mapping, ImportProgress progress) {
        SourceTable table = file.table();
        ImportCells cells = new ImportCells(mapping, table.headers());
        StaffNames staff = new StaffNames(cases.caseworkers(), currentUser.require().getUsername());
        Map<String, Optional<Long>> personOfNumber = new HashMap<>();
        Map<String, Long> caseOfNumber = mapping.kind() == ImportKind.SESSIONS ? caseNumbers(table, cells) : Map.of();
        List<DryRunResult.RowResult> results = new ArrayList<>(table.rows().size());
        List<Prepared> prepared = new ArrayList<>();
        int total = table.rows().size();
        int done = 0;
        for (SourceTable.Row row : table.rows()) {
            List<DryRunResult.CellError> errors = new ArrayList<>();
            String name;
            Object command;
            if (mapping.kind() == ImportKind.CASES) {
                name = cells.text(row, ImportField.CASE_PERSON);
                command = mapCase(row, cells, staff, personOfNumber, errors);
            } else {
                name = cells.text(row, ImportField.SESSION_CASE);
                command = mapSession(row, cells, staff, caseOfNumber, errors);
            }
            if (command != null && errors.isEmpty()) {
                moduleRules(row.number(), cells, mapping.kind(), command, errors);
            }
            name = name.length() > 120 ? name.substring(0, 120) : name;
            if (errors.isEmpty() && command != null) {
                prepared.add(new Prepared(row.number(), command));
                results.add(new DryRunResult.RowResult(row.number(), DryRunResult.Status.READY, name, List.of(), List.of(), 0));
            } else {
                results.add(new DryRunResult.RowResult(row.number(), DryRunResult.Status.ERROR, name, List.copyOf(errors), List.of(), 0));
            }
            if (++done % 100 == 0) {
                progress.done(done, total);
            }
        }
        return new Checked(new DryRunResult(results, ImportCells.ignoredColumns(table, mapping), ImportCells.missingColumns(mapping)), prepared);
    }

    /** Writes the rows through their module in chunks; the records (row, id, version) for the batch. */
    List<ImportRepository.RecordRow> write(ImportKind kind, List<Prepared> rows, String note, ImportProgress progress, int total) {
        List<ImportRepository.RecordRow> records = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += ImportService.CHUNK) {
            List<Prepared> chunk = rows.subList(from, Math.min(rows.size(), from + ImportService.CHUNK));
            if (kind == ImportKind.CASES) {
                List<CaseImportService.Opened> opened = cases.openAll(chunk.stream()
                        .map(p -> (CaseImportService.ImportedCase) p.command()).toList(), note);
                for (int i = 0; i < chunk.size(); i++) {
                    records.add(new ImportRepository.RecordRow(chunk.get(i).row(), opened.get(i).id(), "CREATED", opened.get(i).version(), 0));
                }
            } else {
                List<SessionImportService.Logged> logged = sessions.logAll(chunk.stream()
                        .map(p -> (SessionImportService.ImportedSession) p.command()).toList(), note);
                for (int i = 0; i < chunk.size(); i++) {
                    records.add(new ImportRepository.RecordRow(chunk.get(i).row(), logged.get(i).id(), "CREATED", logged.get(i).version(), 0));
                }
            }
            progress.done(total / 2 + (int) ((long) (total - total / 2) * (from + chunk.size()) / Math.max(1, rows.size())), total);
        }
        return records;
    }

    /**
     * Withdraws what the batch created (cases or sessions), unless any was changed or linked to since:
     * then refuses with the rows that keep it.
     */
    int undo(ImportKind kind, long batchId, List<ImportRepository.RecordRow> records) {
        Map<Long, Long> expected = new LinkedHashMap<>();
        Map<Long, Integer> rowOf = new HashMap<>();
        for (ImportRepository.RecordRow r : records) {
            if (r.action().equals("CREATED")) {
                expected.put(r.personId(), r.version());
                rowOf.put(r.personId(), r.row());
            }
        }
        if (expected.isEmpty()) {
            return 0;
        }
        Map<Long, String> blockers = new LinkedHashMap<>();
        if (kind == ImportKind.CASES) {
            cases.blockers(expected).forEach((id, b) -> blockers.put(id, b.name()));
        } else {
            sessions.blockers(expected).forEach((id, b) -> blockers.put(id, b.name()));
        }
        if (!blockers.isEmpty()) {
            throw new UndoRefusedException("import.undo.blocked", blockers.entrySet().stream().limit(100)
                    .map(e -> new UndoRefusedException.Blocker(rowOf.get(e.getKey()), e.getKey(), e.getValue())).toList());
        }
        if (kind == ImportKind.CASES) {
            cases.withdraw(expected.keySet(), batchId);
        } else {
            sessions.withdraw(expected.keySet(), batchId);
        }
        return expected.size();
    }

    private Map<String, Long> caseNumbers(SourceTable table, ImportCells cells) {
        List<String> numbers = table.rows().stream().map(r -> cells.text(r, ImportField.SESSION_CASE))
                .filter(n -> !n.isEmpty() && n.length() <= TextRules.FILTER && n.chars().noneMatch(Character::isISOControl)).distinct().toList();
        return numbers.isEmpty() ? Map.of() : cases.ownCaseIds(numbers);
    }

    private CaseImportService.@Nullable ImportedCase mapCase(SourceTable.Row row, ImportCells cells, StaffNames staff,
                                                             Map<String, Optional<Long>> personOfNumber, List<DryRunResult.CellError> errors) {
        int n = row.number();
        String number = cells.text(row, ImportField.CASE_PERSON);
        Long personId = null;
        if (number.isEmpty()) {
            errors.add(cells.error(n, ImportField.CASE_PERSON, "validation.required"));
        } else {
            String key = number.toUpperCase(Locale.ROOT);
            Optional<Long> found = key.length() > TextRules.REGISTRATION_NO || key.chars().anyMatch(Character::isISOControl) ? Optional.empty()
                    : personOfNumber.computeIfAbsent(key, people::findVisibleByRegistrationNo);
            if (found.isEmpty()) {
                errors.add(cells.error(n, ImportField.CASE_PERSON, "import.case.person", number));
            }
            personId = found.orElse(null);
        }
        CaseType type = cells.value(row, ImportField.CASE_TYPE, values::caseType, errors, true);
        CaseStatus status = cells.value(row, ImportField.CASE_STATUS, values::status, errors, false);
        CaseOutcome outcome = cells.value(row, ImportField.CASE_OUTCOME, values::outcome, errors, false);
        LocalDate opened = cells.date(row, ImportField.CASE_OPENED_ON, errors, true);
        LocalDate closed = cells.date(row, ImportField.CASE_CLOSED_ON, errors, false);
        String summary = cells.longText(row, ImportField.CASE_SUMMARY, NewCase.SUMMARY_MAX, errors);
        String caseworker = staff.resolve(row, cells, ImportField.CASE_CASEWORKER, errors);
        if (status == null && errors.isEmpty()) {
            // No status column: a case with a closing date or an outcome is closed, any other open.
            status = closed != null || outcome != null ? CaseStatus.CLOSED : CaseStatus.OPEN;
        }
        if (!errors.isEmpty() || personId == null || type == null || opened == null || caseworker == null) {
            return null;
        }
        return new CaseImportService.ImportedCase(personId, type, Objects.requireNonNull(status), opened, closed, outcome, summary, caseworker);
    }

    private SessionImportService.@Nullable ImportedSession mapSession(SourceTable.Row row, ImportCells cells, StaffNames staff,
                                                                      Map<String, Long> caseOfNumber, List<DryRunResult.CellError> errors) {
        int n = row.number();
        String number = cells.text(row, ImportField.SESSION_CASE);
        Long caseId = null;
        if (number.isEmpty()) {
            errors.add(cells.error(n, ImportField.SESSION_CASE, "validation.required"));
        } else {
            caseId = caseOfNumber.get(number.toUpperCase(Locale.ROOT));
            if (caseId == null) {
                errors.add(cells.error(n, ImportField.SESSION_CASE, "import.session.case", number));
            }
        }
        LocalDateTime heldAt = cells.dateTime(row, ImportField.SESSION_DATE, errors);
        LegalAidType aid = cells.value(row, ImportField.SESSION_AID_TYPE, values::aidType, errors, true);
        SessionMode mode = cells.value(row, ImportField.SESSION_MODE, values::mode, errors, false);
        Set<SessionTopic> topicSet = EnumSet.noneOf(SessionTopic.class);
        String topicText = cells.text(row, ImportField.SESSION_TOPICS);
        for (String part : topicText.split("[,;|\\n]")) {
            if (!part.isBlank()) {
                values.topic(part).ifPresentOrElse(topicSet::add,
                        () -> errors.add(cells.error(n, ImportField.SESSION_TOPICS, "import.value.unknown.SESSION_TOPICS", part.strip())));
            }
        }
        Integer duration = DEFAULT_DURATION;
        String durationText = cells.text(row, ImportField.SESSION_DURATION);
        if (!durationText.isEmpty()) {
            try {
                duration = (int) Math.round(Double.parseDouble(durationText.replace(',', '.')));
            } catch (NumberFormatException e) {
                errors.add(cells.error(n, ImportField.SESSION_DURATION, "import.value.number", durationText));
                duration = null;
            }
        }
        String summary = cells.longText(row, ImportField.SESSION_SUMMARY, SessionForm.TEXT_MAX, errors);
        String counsellor = staff.resolve(row, cells, ImportField.SESSION_COUNSELLOR, errors);
        if (!errors.isEmpty() || caseId == null || heldAt == null || aid == null || duration == null || counsellor == null) {
            return null;
        }
        // No topics: the module's rule names it ("at least one topic").
        return new SessionImportService.ImportedSession(caseId, heldAt, duration, mode == null ? DEFAULT_MODE : mode, aid, topicSet,
                summary, counsellor);
    }

    /** The module's own rules; its field errors put on the file's columns. */
    private void moduleRules(int row, ImportCells cells, ImportKind kind, Object command, List<DryRunResult.CellError> errors) {
        Map<String, ImportField> fields = kind == ImportKind.CASES ? CASE_FIELDS : SESSION_FIELDS;
        ImportField fallback = kind == ImportKind.CASES ? ImportField.CASE_PERSON : ImportField.SESSION_CASE;
        try {
            if (command instanceof CaseImportService.ImportedCase c) {
                cases.check(c);
            } else {
                sessions.check((SessionImportService.ImportedSession) command);
            }
        } catch (FieldValidationException e) {
            e.fieldErrors().forEach((field, key) -> errors.add(new DryRunResult.CellError(row,
                    cells.column(fields.getOrDefault(field, fallback)), key, List.of(e.arguments(field)))));
        } catch (ConstraintViolationException e) {
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                String path = v.getPropertyPath().toString();
                String field = path.substring(path.lastIndexOf('.') + 1);
                errors.add(new DryRunResult.CellError(row, cells.column(fields.getOrDefault(field, fallback)), "validation.invalid", List.of()));
            }
        } catch (PersonNotFoundException e) {
            errors.add(new DryRunResult.CellError(row, cells.column(fallback), "import.case.person", List.of("")));
        }
    }
}
