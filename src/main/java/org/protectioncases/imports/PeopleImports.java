package org.protectioncases.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.people.DuplicateCheck;
import org.protectioncases.people.DuplicateProbe;
import org.protectioncases.people.PersonBulkService;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonWithdrawalService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.stereotype.Component;

/**
 * The people side of the import: every row through the registration form's rules and the
 * registry's duplicate search, the registration in chunks (rows decided to be someone already
 * there are linked instead), and the withdrawal on undo. {@link ImportService} keeps the batch,
 * the modes, the audit and the permissions, as for {@link RecordImports}.
 */
@Component
class PeopleImports {


    /** What writing a people file did: the batch's records, and per person the detail its history keeps. */
    record Written(List<ImportRepository.RecordRow> records, List<Long> importedIds, List<AuditMessage> importedDetails,
                   List<Long> linkedIds, List<AuditMessage> linkedDetails, int linked) {
    }

    private final PersonService people;
    private final PersonBulkService bulk;
    private final PersonFileService personFiles;
    private final PersonWithdrawalService withdrawals;
    private final ReferenceDataService reference;

    PeopleImports(PersonService people, PersonBulkService bulk, PersonFileService personFiles, PersonWithdrawalService withdrawals,
                  ReferenceDataService reference) {
        this.people = people;
        this.bulk = bulk;
        this.personFiles = personFiles;
        this.withdrawals = withdrawals;
        this.reference = reference;
    }

    /** The rows that may not be imported: those with errors, and possible duplicates without a fitting decision. */
    Set<Integer> blocked(Checked checked, Map<Integer, Decision> decisions) {
        Set<Integer> blocked = new HashSet<>();
        for (DryRunResult.RowResult r : checked.result().rows()) {
            if (r.status() == DryRunResult.Status.ERROR
                    || (r.status() == DryRunResult.Status.DUPLICATE && !decisionFits(r, decisions.get(r.row())))) {
                blocked.add(r.row());
            }
        }
        return blocked;
    }

    private static boolean decisionFits(DryRunResult.RowResult row, @Nullable Decision decision) {
        return switch (decision) {
            case null -> false;
            case Decision.DifferentPerson d -> true;
            case Decision.SamePerson s -> row.matches().stream().anyMatch(m -> Objects.equals(m.personId(), s.personId()));
            case Decision.SameAsRow s -> row.matches().stream().anyMatch(m -> Objects.equals(m.fileRow(), s.row()));
        };
    }


    /** Registers the rows not blocked, in chunks, then links those decided to be someone already there. */
    Written write(Checked checked, Map<Integer, Decision> decisions, Set<Integer> blocked, long batchId, UploadedFile file,
                  ImportProgress progress, int total) {
        String provenance = ImportHistory.provenance(batchId, file);
        Map<Integer, DryRunResult.RowResult> results = new HashMap<>();
        checked.result().rows().forEach(r -> results.put(r.row(), r));
        // First everybody the file registers, in chunks; then the rows that are someone already there
        // (a registered person, or an earlier row: by then that row's person exists, or the row was left out).
        List<PeopleRows.Prepared> toCreate = new ArrayList<>();
        List<PeopleRows.Prepared> toLink = new ArrayList<>();
        for (PeopleRows.Prepared row : checked.prepared()) {
            if (!blocked.contains(row.row())) {
                Decision decision = results.get(row.row()).status() == DryRunResult.Status.DUPLICATE ? decisions.get(row.row()) : null;
                (decision instanceof Decision.SamePerson || decision instanceof Decision.SameAsRow ? toLink : toCreate).add(row);
            }
        }
        Map<Integer, Long> personOfRow = new HashMap<>();
        List<ImportRepository.RecordRow> records = new ArrayList<>();
        List<Long> importedIds = new ArrayList<>();
        List<AuditMessage> importedDetails = new ArrayList<>();
        String note = ImportHistory.note(provenance);
        for (int from = 0; from < toCreate.size(); from += ImportService.CHUNK) {
            List<PeopleRows.Prepared> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + ImportService.CHUNK));
            List<PersonBulkService.Registration> registrations = chunk.stream().map(row -> new PersonBulkService.Registration(row.form(),
                    results.get(row.row()).matches().stream().map(DryRunResult.Match::personId).filter(Objects::nonNull).toList(),
                    row.group(), row.groupSince(), row.displacedFrom())).toList();
            List<PersonBulkService.Registered> registered = bulk.registerAll(registrations, note);
            for (int i = 0; i < chunk.size(); i++) {
                PersonBulkService.Registered person = registered.get(i);
                int row = chunk.get(i).row();
                personOfRow.put(row, person.id());
                records.add(new ImportRepository.RecordRow(row, person.id(), "CREATED", person.version(), person.groups()));
                importedIds.add(person.id());
                importedDetails.add(ImportHistory.row(row, batchId, file));
            }
            progress.done(total / 2 + (int) ((long) (total - total / 2) * (from + chunk.size()) / Math.max(1, toCreate.size())), total);
        }
        List<Long> linkedIds = new ArrayList<>();
        List<AuditMessage> linkedDetails = new ArrayList<>();
        int linked = 0;
        for (PeopleRows.Prepared row : toLink) {
            Long personId = switch (decisions.get(row.row())) {
                case Decision.SamePerson same -> same.personId();
                case Decision.SameAsRow sameRow -> personOfRow.get(sameRow.row());
                case null, default -> null;
            };
            if (personId == null) {
                continue; // that row was not imported (VALID_ROWS mode): neither is this one
            }
            if (decisions.get(row.row()) instanceof Decision.SamePerson) {
                linkedIds.add(personId);
                linkedDetails.add(ImportHistory.row(row.row(), batchId, file));
            }
            personOfRow.put(row.row(), personId);
            records.add(new ImportRepository.RecordRow(row.row(), personId, "LINKED", 0, 0));
            linked++;
        }
        return new Written(records, importedIds, importedDetails, linkedIds, linkedDetails, linked);
    }

    /**
     * Withdraws the people the batch created, unless any was changed or linked to since: then
     * refuses with the rows that keep it. The number withdrawn.
     */
    int undo(long batchId, List<ImportRepository.RecordRow> records) {
        Map<Long, PersonWithdrawalService.Expected> expected = new LinkedHashMap<>();
        Map<Long, Integer> rowOf = new HashMap<>();
        for (ImportRepository.RecordRow r : records) {
            if (r.action().equals("CREATED")) {
                expected.put(r.personId(), new PersonWithdrawalService.Expected(r.version(), r.groups()));
                rowOf.put(r.personId(), r.row());
            }
        }
        if (!expected.isEmpty()) {
            Map<Long, PersonWithdrawalService.Blocker> blockers = withdrawals.blockers(expected);
            if (!blockers.isEmpty()) {
                List<UndoRefusedException.Blocker> named = blockers.entrySet().stream().limit(100)
                        .map(e -> new UndoRefusedException.Blocker(rowOf.get(e.getKey()), e.getKey(), e.getValue().name())).toList();
                throw new UndoRefusedException("import.undo.blocked", named);
            }
            withdrawals.withdraw(expected.keySet(), batchId);
        }
        return expected.size();
    }

    record Checked(DryRunResult result, List<PeopleRows.Prepared> prepared) {
    }

    /** Every row of a people file through the registration rules and the duplicate search; saves nothing. */
    Checked check(UploadedFile file, ColumnMapping mapping, ImportProgress progress) {
        SourceTable table = file.table();
        PeopleRows rows = new PeopleRows(mapping, table.headers(), valueMaps());
        List<String> ignored = ImportCells.ignoredColumns(table, mapping);
        List<ImportField> missing = ImportCells.missingColumns(mapping);
        // Every row through the form's rules (in Java, cheap); then the duplicate rule for all rows
        // without errors at once: among the file's own rows, and against the registry in chunks.
        List<@Nullable List<DryRunResult.CellError>> errorsOfRow = new ArrayList<>(table.rows().size());
        List<PeopleRows.Prepared> prepared = new ArrayList<>(table.rows().size());
        List<PeopleRows.Prepared> all = new ArrayList<>(table.rows().size());
        for (SourceTable.Row row : table.rows()) {
            List<DryRunResult.CellError> errors = new ArrayList<>();
            PeopleRows.Prepared p = rows.map(row, errors);
            if (errors.isEmpty()) {
                serviceRules(rows, p, errors);
            }
            all.add(p);
            errorsOfRow.add(errors.isEmpty() ? null : errors);
            if (errors.isEmpty()) {
                prepared.add(p);
            }
        }
        int total = table.rows().size();
        progress.done(total / 10, total);
        List<DuplicateProbe> probes = prepared.stream().map(p -> new DuplicateProbe(limit(p.form().givenName()), limit(p.form().familyName()),
                birthYear(p))).toList();
        // Both duplicate checks; an import right after its dry run gets the dry run's answers again
        // when the rows' names and the registry are unchanged (PersonBulkService.checkFile).
        PersonBulkService.FileDuplicates duplicates = bulk.checkFile(probes, done -> progress.done(
                total / 10 + (int) ((long) (total - total / 10) * done / Math.max(1, probes.size())), total));
        List<List<Integer>> inFile = duplicates.within();
        List<DuplicateCheck> registry = duplicates.registry();
        List<DryRunResult.RowResult> results = new ArrayList<>(total);
        int k = 0;
        for (int r = 0; r < total; r++) {
            PeopleRows.Prepared p = all.get(r);
            String name = displayName(p);
            List<DryRunResult.CellError> errors = errorsOfRow.get(r);
            if (errors != null) {
                results.add(new DryRunResult.RowResult(p.row(), DryRunResult.Status.ERROR, name, errors, List.of(), 0));
                continue;
            }
            List<DryRunResult.Match> matches = new ArrayList<>();
            for (int earlier : inFile.get(k)) {
                PeopleRows.Prepared e = prepared.get(earlier);
                matches.add(new DryRunResult.Match(null, null, displayName(e), birthYear(e), e.row()));
            }
            DuplicateCheck found = registry.get(k);
            found.visible().forEach(m -> matches.add(new DryRunResult.Match(m.id(), m.registrationNo(),
                    m.givenName() + " " + m.familyName(), m.birthYear(), null)));
            results.add(new DryRunResult.RowResult(p.row(), matches.isEmpty() ? DryRunResult.Status.READY : DryRunResult.Status.DUPLICATE,
                    name, List.of(), List.copyOf(matches), found.otherPartners()));
            k++;
        }
        return new Checked(new DryRunResult(results, ignored, missing), prepared);
    }

    private static String displayName(PeopleRows.Prepared p) {
        String name = (p.form().givenName() + " " + p.form().familyName()).strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static @Nullable Integer birthYear(PeopleRows.Prepared p) {
        return p.form().birthDate() == null ? null : p.form().birthDate().getYear();
    }

    /** Names longer than a form allows are errors already; the cut only keeps a probe within its bounds. */
    private static String limit(String name) {
        return name.length() > TextRules.NAME ? name.substring(0, TextRules.NAME) : name;
    }

    /** The people service's own rules, errors put on the file's columns. */
    private void serviceRules(PeopleRows rows, PeopleRows.Prepared p, List<DryRunResult.CellError> errors) {
        try {
            people.checkRegistration(p.form());
        } catch (FieldValidationException e) {
            e.fieldErrors().forEach((field, key) -> errors.add(new DryRunResult.CellError(p.row(), rows.column(FORM_FIELDS
                    .getOrDefault(field, ImportField.GIVEN_NAME)), key, List.of(e.arguments(field)))));
        }
        if (p.group() != null) {
            try {
                personFiles.checkGroup(p.group(), p.groupSince(), null, p.displacedFrom());
            } catch (FieldValidationException e) {
                e.fieldErrors().forEach((field, key) -> errors.add(new DryRunResult.CellError(p.row(), rows.column(
                        field.equals("displacementPlace") ? ImportField.DISPLACED_FROM : ImportField.GROUP_SINCE), key,
                        List.of(e.arguments(field)))));
            }
        } else if (p.groupSince() != null) {
            errors.add(rows.error(p.row(), ImportField.POPULATION_GROUP, "validation.required"));
        }
    }

    private static final Map<String, ImportField> FORM_FIELDS = Map.ofEntries(
            Map.entry("givenName", ImportField.GIVEN_NAME), Map.entry("familyName", ImportField.FAMILY_NAME),
            Map.entry("fatherName", ImportField.FATHER_NAME), Map.entry("otherNames", ImportField.OTHER_NAMES),
            Map.entry("sex", ImportField.SEX), Map.entry("birthDate", ImportField.BIRTH_DATE),
            Map.entry("birthPrecision", ImportField.BIRTH_DATE), Map.entry("placeOfBirth", ImportField.PLACE_OF_BIRTH),
            Map.entry("citizenshipStatus", ImportField.CITIZENSHIP_STATUS), Map.entry("citizenshipCountry", ImportField.CITIZENSHIP_COUNTRY),
            Map.entry("community", ImportField.COMMUNITY), Map.entry("languages", ImportField.LANGUAGES),
            Map.entry("phone", ImportField.PHONE), Map.entry("address", ImportField.ADDRESS),
            Map.entry("municipalityCode", ImportField.MUNICIPALITY), Map.entry("municipality", ImportField.MUNICIPALITY));

    private ValueMaps valueMaps() {
        Map<Language, List<ReferenceItem>> municipalities = new EnumMap<>(Language.class);
        Map<Language, List<ReferenceItem>> countries = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            municipalities.put(language, reference.municipalities(language.locale()));
            countries.put(language, reference.countries(language.locale()));
        }
        return new ValueMaps(municipalities, countries);
    }
}
