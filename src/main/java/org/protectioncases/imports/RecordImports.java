package org.protectioncases.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountDto;
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

    /** The cell of the file a session's time may be given in after the date: "14.03.2024 10:30". */
    private static final Pattern TIME_SUFFIX = Pattern.compile("(.+?)[ T](\\d{1,2}):(\\d{2})(:\\d{2})?");
    /** The dialog's defaults for what a file may leave out. */
    static final int DEFAULT_DURATION = 30;
    static final SessionMode DEFAULT_MODE = SessionMode.OFFICE;

    private static final Map<CaseType, List<String>> CASE_TYPES = Map.of(
            CaseType.ASYLUM, List.of("azil", "azili", "asylum procedure"),
            CaseType.RETURN_REINTEGRATION, List.of("return", "kthim", "riintegrim", "povratak", "reintegracija"),
            CaseType.CIVIL_DOCUMENTATION, List.of("civil documents", "documents", "dokumente", "dokumenta", "dokumentacija"),
            CaseType.STATELESSNESS, List.of("pashtetesia", "apatridija", "apatridnost", "bez drzavljanstva"),
            CaseType.IDP_DURABLE_SOLUTIONS, List.of("idp", "durable solutions", "pzhbv", "irl", "trajna resenja"),
            CaseType.GENERAL_PROTECTION, List.of("general", "protection", "mbrojtje", "zastita"));
    private static final Map<CaseStatus, List<String>> STATUSES = Map.of(
            CaseStatus.OPEN, List.of("open", "new", "i hapur", "otvoren", "otvoreno"),
            CaseStatus.IN_PROGRESS, List.of("ongoing", "active", "ne proces", "aktiv", "u toku", "u radu"),
            CaseStatus.WAITING_FOR_AUTHORITY, List.of("waiting", "pending", "ne pritje", "ceka", "na cekanju"),
            CaseStatus.CLOSED, List.of("closed", "i mbyllur", "zatvoren", "zatvoreno"));
    private static final Map<LegalAidType, List<String>> AID_TYPES = Map.of(
            LegalAidType.INFORMATION, List.of("info", "informacion", "informisanje", "informacija"),
            LegalAidType.COUNSELLING, List.of("counseling", "advice", "keshille", "savet", "savetovanje"),
            LegalAidType.ASSISTANCE, List.of("assistance", "ndihme", "pomoc", "asistencija"),
            LegalAidType.REPRESENTATION, List.of("representation", "perfaqesim", "zastupanje"),
            LegalAidType.ACCOMPANIMENT, List.of("accompaniment", "shoqerim", "pratnja"));
    private static final Map<SessionTopic, List<String>> TOPICS = Map.of(
            SessionTopic.CIVIL_DOCUMENTATION, List.of("documents", "civil registration", "dokumente", "regjistrim civil", "dokumenta",
                    "civilna registracija"),
            SessionTopic.ASYLUM, List.of("azil", "azili"),
            SessionTopic.PROPERTY_HOUSING, List.of("property", "housing", "prona", "strehim", "imovina", "stanovanje"),
            SessionTopic.SOCIAL_ASSISTANCE, List.of("social", "pension", "ndihme sociale", "pensione", "socijalna pomoc", "penzija"),
            SessionTopic.EDUCATION, List.of("education", "arsim", "obrazovanje"),
            SessionTopic.HEALTH, List.of("health", "shendet", "zdravlje"),
            SessionTopic.FAMILY_LAW, List.of("family", "familje", "porodicno pravo", "porodica"),
            SessionTopic.SGBV, List.of("sgbv", "gbv", "dhune me baze gjinore", "rodno zasnovano nasilje"),
            SessionTopic.OTHER, List.of("other", "tjeter", "drugo"));
    private static final Map<SessionMode, List<String>> MODES = Map.of(
            SessionMode.OFFICE, List.of("office", "in person", "zyre", "kancelarija", "licno"),
            SessionMode.OUTREACH, List.of("outreach", "mobile", "terren", "na terenu"),
            SessionMode.PHONE, List.of("phone", "telephone", "telefon", "telefonom"),
            SessionMode.ONLINE, List.of("online", "video"));

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
    private final Map<String, CaseType> caseTypes;
    private final Map<String, CaseStatus> statuses;
    private final Map<String, CaseOutcome> outcomes;
    private final Map<String, LegalAidType> aidTypes;
    private final Map<String, SessionTopic> topics;
    private final Map<String, SessionMode> modes;

    RecordImports(CaseImportService cases, SessionImportService sessions, PersonService people, CurrentUser currentUser) {
        this.cases = cases;
        this.sessions = sessions;
        this.people = people;
        this.currentUser = currentUser;
        this.caseTypes = ValueMaps.enumMap(CaseType.values(), CaseType::messageKey, CASE_TYPES);
        this.statuses = ValueMaps.enumMap(CaseStatus.values(), CaseStatus::messageKey, STATUSES);
        this.outcomes = ValueMaps.enumMap(CaseOutcome.values(), CaseOutcome::messageKey, Map.of());
        this.aidTypes = ValueMaps.enumMap(LegalAidType.values(), LegalAidType::messageKey, AID_TYPES);
        this.topics = ValueMaps.enumMap(SessionTopic.values(), SessionTopic::messageKey, TOPICS);
        this.modes = ValueMaps.enumMap(SessionMode.values(), SessionMode::messageKey, MODES);
    }

    /** Every row of a cases or sessions file mapped and checked by its module's rules; saves nothing. */
    Checked check(UploadedFile file, ColumnMapping mapping, ImportProgress progress) {
        SourceTable table = file.table();
        Cells cells = new Cells(mapping, table.headers());
        Staff staff = new Staff(cases.caseworkers(), currentUser.require().getUsername());
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
        return new Checked(new DryRunResult(results, ignoredColumns(table, mapping), missingColumns(mapping)), prepared);
    }

    static List<String> ignoredColumns(SourceTable table, ColumnMapping mapping) {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            if (mapping.field(i) == null && !table.headers().get(i).isBlank()) {
                ignored.add(table.headers().get(i));
            }
        }
        return ignored;
    }

    static List<ImportField> missingColumns(ColumnMapping mapping) {
        return mapping.kind().fields().stream().filter(f -> f.required() && mapping.columnOf(f).isEmpty()).toList();
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
        String reason = "import batch " + batchId + " undone";
        if (kind == ImportKind.CASES) {
            cases.withdraw(expected.keySet(), reason);
        } else {
            sessions.withdraw(expected.keySet(), reason);
        }
        return expected.size();
    }

    private Map<String, Long> caseNumbers(SourceTable table, Cells cells) {
        List<String> numbers = table.rows().stream().map(r -> cells.text(r, ImportField.SESSION_CASE))
                .filter(n -> !n.isEmpty() && n.length() <= TextRules.FILTER && n.chars().noneMatch(Character::isISOControl)).distinct().toList();
        return numbers.isEmpty() ? Map.of() : cases.ownCaseIds(numbers);
    }

    private CaseImportService.@Nullable ImportedCase mapCase(SourceTable.Row row, Cells cells, Staff staff,
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
        CaseType type = cells.value(row, ImportField.CASE_TYPE, v -> ValueMaps.find(caseTypes, v), errors, true);
        CaseStatus status = cells.value(row, ImportField.CASE_STATUS, v -> ValueMaps.find(statuses, v), errors, false);
        CaseOutcome outcome = cells.value(row, ImportField.CASE_OUTCOME, v -> ValueMaps.find(outcomes, v), errors, false);
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

    private SessionImportService.@Nullable ImportedSession mapSession(SourceTable.Row row, Cells cells, Staff staff,
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
        LocalDateTime heldAt = heldAt(row, cells, errors);
        LegalAidType aid = cells.value(row, ImportField.SESSION_AID_TYPE, v -> ValueMaps.find(aidTypes, v), errors, true);
        SessionMode mode = cells.value(row, ImportField.SESSION_MODE, v -> ValueMaps.find(modes, v), errors, false);
        Set<SessionTopic> topicSet = EnumSet.noneOf(SessionTopic.class);
        String topicText = cells.text(row, ImportField.SESSION_TOPICS);
        for (String part : topicText.split("[,;|\\n]")) {
            if (!part.isBlank()) {
                ValueMaps.find(topics, part).ifPresentOrElse(topicSet::add,
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

    private static @Nullable LocalDateTime heldAt(SourceTable.Row row, Cells cells, List<DryRunResult.CellError> errors) {
        String text = cells.text(row, ImportField.SESSION_DATE);
        LocalTime time = LocalTime.MIDNIGHT;
        Matcher m = TIME_SUFFIX.matcher(text);
        if (m.matches() && Integer.parseInt(m.group(2)) < 24 && Integer.parseInt(m.group(3)) < 60) {
            time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            text = m.group(1).strip();
        }
        if (text.isEmpty()) {
            errors.add(cells.error(row.number(), ImportField.SESSION_DATE, "validation.required"));
            return null;
        }
        Optional<DateValues.Parsed> parsed = DateValues.parse(text);
        if (parsed.isEmpty() || parsed.get().precision() != BirthDatePrecision.EXACT) {
            errors.add(cells.error(row.number(), ImportField.SESSION_DATE, "import.value.date", cells.text(row, ImportField.SESSION_DATE)));
            return null;
        }
        return parsed.get().date().atTime(time);
    }

    /** The module's own rules; its field errors put on the file's columns. */
    private void moduleRules(int row, Cells cells, ImportKind kind, Object command, List<DryRunResult.CellError> errors) {
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
        } catch (org.protectioncases.people.PersonNotFoundException e) {
            errors.add(new DryRunResult.CellError(row, cells.column(fallback), "import.case.person", List.of("")));
        }
    }

    /** The file's cells by field. */
    static final class Cells {
        private final ColumnMapping mapping;
        private final List<String> headers;

        Cells(ColumnMapping mapping, List<String> headers) {
            this.mapping = mapping;
            this.headers = headers;
        }

        String column(ImportField field) {
            return mapping.columnOf(field).map(headers::get).orElse(field.name());
        }

        String text(SourceTable.Row row, ImportField field) {
            return mapping.columnOf(field).map(row::cell).map(String::strip).orElse("");
        }

        DryRunResult.CellError error(int row, ImportField field, String key, Object... args) {
            return new DryRunResult.CellError(row, column(field), key, List.of(args));
        }

        <T> @Nullable T value(SourceTable.Row row, ImportField field, Function<String, Optional<T>> lookup,
                              List<DryRunResult.CellError> errors, boolean required) {
            String text = text(row, field);
            if (text.isEmpty()) {
                if (required) {
                    errors.add(error(row.number(), field, "validation.required"));
                }
                return null;
            }
            Optional<T> value = lookup.apply(text);
            if (value.isEmpty()) {
                errors.add(error(row.number(), field, "import.value.unknown." + field.name(), text));
            }
            return value.orElse(null);
        }

        /** An exact date (a year or month alone is an error here, unlike a birth date). */
        @Nullable LocalDate date(SourceTable.Row row, ImportField field, List<DryRunResult.CellError> errors, boolean required) {
            String text = text(row, field);
            if (text.isEmpty()) {
                if (required) {
                    errors.add(error(row.number(), field, "validation.required"));
                }
                return null;
            }
            Optional<DateValues.Parsed> parsed = DateValues.parse(text);
            if (parsed.isEmpty() || parsed.get().precision() != BirthDatePrecision.EXACT) {
                errors.add(error(row.number(), field, "import.value.date", text));
                return null;
            }
            return parsed.get().date();
        }

        @Nullable String longText(SourceTable.Row row, ImportField field, int max, List<DryRunResult.CellError> errors) {
            String text = text(row, field);
            if (text.length() > max) {
                errors.add(error(row.number(), field, "validation.tooLong"));
                return null;
            }
            return text.isEmpty() ? null : text;
        }
    }

    /** The partner's lawyers and coordinators by username and by full name, compared folded; an empty cell: the importing user. */
    static final class Staff {
        private final Map<String, String> byUsername = new HashMap<>();
        private final Map<String, @Nullable String> byName = new HashMap<>();
        private final String self;

        Staff(List<UserAccountDto> accounts, String self) {
            this.self = self;
            for (UserAccountDto a : accounts) {
                byUsername.put(a.username().toLowerCase(Locale.ROOT), a.username());
                String name = TextFolding.fold(a.fullName());
                // Two colleagues of the same name: neither is meant by it, the username must be used.
                byName.put(name, byName.containsKey(name) ? null : a.username());
            }
        }

        @Nullable String resolve(SourceTable.Row row, Cells cells, ImportField field, List<DryRunResult.CellError> errors) {
            String text = cells.text(row, field);
            if (text.isEmpty()) {
                return self;
            }
            String username = byUsername.get(text.toLowerCase(Locale.ROOT));
            if (username != null) {
                return username;
            }
            String folded = TextFolding.fold(text);
            if (byName.containsKey(folded)) {
                String named = byName.get(folded);
                if (named == null) {
                    errors.add(cells.error(row.number(), field, "import.value.staffAmbiguous", text));
                }
                return named;
            }
            errors.add(cells.error(row.number(), field, "import.value.staff", text));
            return null;
        }
    }
}
