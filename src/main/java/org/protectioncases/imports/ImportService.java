package org.protectioncases.imports;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.DuplicateCheck;
import org.protectioncases.people.DuplicateProbe;
import org.protectioncases.people.PersonBulkService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonWithdrawalService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.db.StatementTimeouts;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of people, cases and counselling sessions ({@link ImportKind}) by a partner's
 * coordinator: read a file, map its columns, dry-run every row through the owning module's own
 * rules (for people also its duplicate search), then import the rows as one batch (one
 * transaction: the batch is wholly there or wholly absent) that its coordinator may undo within
 * {@value #UNDO_DAYS} days while nobody has touched its records. Cases and sessions go through
 * {@link RecordImports}.
 */
@Service
public class ImportService {

    public static final int UNDO_DAYS = 30;

    private final ImportRepository repository;
    private final PersonService people;
    private final PersonBulkService bulk;
    private final PersonFileService personFiles;
    private final PersonWithdrawalService withdrawals;
    private final ReferenceDataService reference;
    private final RecordImports recordImports;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final StatementTimeouts timeouts;
    private final int maxRows;
    private final long maxFileBytes;
    Clock clock = Clock.systemUTC();

    ImportService(ImportRepository repository, PersonService people, PersonBulkService bulk, PersonFileService personFiles, PersonWithdrawalService withdrawals,
                  ReferenceDataService reference, RecordImports recordImports, CurrentUser currentUser, AuditService audit,
                  StatementTimeouts timeouts,
                  @Value("${app.import.max-rows:200000}") int maxRows,
                  @Value("${app.import.max-file-bytes:104857600}") long maxFileBytes) {
        this.repository = repository;
        this.people = people;
        this.bulk = bulk;
        this.personFiles = personFiles;
        this.withdrawals = withdrawals;
        this.reference = reference;
        this.recordImports = recordImports;
        this.currentUser = currentUser;
        this.audit = audit;
        this.timeouts = timeouts;
        this.maxRows = maxRows;
        this.maxFileBytes = maxFileBytes;
    }

    /** The most data rows a file may have (property {@code app.import.max-rows}). */
    @Allowed(Permission.IMPORT_RECORDS)
    public int maxRows() {
        return maxRows;
    }

    /**
     * Reads an uploaded XLSX or CSV file ({@code charset}: a CSV's encoding, or null to detect it).
     * Refuses with {@link ImportFileException} what cannot be imported at all; saves nothing but
     * the audit entry of the upload.
     */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public UploadedFile read(@Size(max = 255) @SingleLine String fileName, InputStream content, @Nullable Charset charset) {
        String name = fileName.strip().isEmpty() ? "upload" : fileName.strip();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        Path temp = null;
        try {
            temp = Files.createTempFile("import-", ".upload");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(temp)) {
                size = copyAtMost(in, out, maxFileBytes);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            if (size == 0) {
                throw new ImportFileException("import.file.empty");
            }
            SourceTable table = readTable(name, temp, charset);
            checkHeaders(table);
            audit.record("IMPORT_UPLOADED", "import_file", null, name + " sha256 " + hash + ", " + table.rows().size() + " rows");
            return new UploadedFile(name, hash, table);
        } catch (IOException e) {
            throw new ImportFileException("import.file.unreadable");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the operating system's temporary directory is cleaned anyway
                }
            }
        }
    }

    private SourceTable readTable(String name, Path file, @Nullable Charset charset) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean zip = n >= 2 && head[0] == 'P' && head[1] == 'K';
        boolean ole2 = n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0;
        String lower = name.toLowerCase(Locale.ROOT);
        if (ole2 || lower.endsWith(".xls")) {
            throw new ImportFileException("import.file.oldExcel");
        }
        if (zip || lower.endsWith(".xlsx")) {
            if (!zip) {
                throw new ImportFileException("import.file.notXlsx");
            }
            return XlsxTableReader.read(file, maxRows);
        }
        return CsvTableReader.read(Files.readAllBytes(file), charset, maxRows);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > max) {
                throw new ImportFileException("import.file.tooLarge");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static void checkHeaders(SourceTable table) {
        Set<String> seen = new HashSet<>();
        for (String header : table.headers()) {
            String folded = TextFolding.fold(header);
            if (!folded.isEmpty() && !seen.add(folded)) {
                throw new ImportFileException("import.file.duplicateHeader", header);
            }
        }
        if (table.rows().isEmpty()) {
            throw new ImportFileException("import.file.noRows");
        }
    }

    /** {@link #suggestMapping(ImportKind, List)} for a people file. */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional(readOnly = true)
    public ColumnMapping suggestMapping(@Size(max = ColumnMapping.MAX_COLUMNS) List<@Size(max = TextRules.FILTER) @SingleLine String> headers) {
        return suggestMapping(ImportKind.PEOPLE, headers);
    }

    /**
     * The columns of a file of this kind mapped to fields: first as this partner saved them last
     * time, then by the header texts every language knows ({@link ImportField}), then by the fields'
     * own labels.
     */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional(readOnly = true)
    public ColumnMapping suggestMapping(ImportKind kind,
                                        @Size(max = ColumnMapping.MAX_COLUMNS) List<@Size(max = TextRules.FILTER) @SingleLine String> headers) {
        Map<String, ImportField> saved = repository.mappings(kind);
        Map<String, ImportField> known = knownHeaders(kind);
        List<@Nullable ImportField> columns = new ArrayList<>();
        Set<ImportField> used = new HashSet<>();
        for (String header : headers) {
            String folded = TextFolding.fold(header);
            ImportField field = saved.getOrDefault(folded, known.get(folded));
            if (field != null && !used.add(field)) {
                field = null;
            }
            columns.add(field);
        }
        return new ColumnMapping(kind, columns);
    }

    private static Map<String, ImportField> knownHeaders(ImportKind kind) {
        Map<String, ImportField> known = new HashMap<>();
        for (ImportField field : kind.fields()) {
            field.headers().forEach(h -> known.putIfAbsent(TextFolding.fold(h), field));
            for (Language language : Language.values()) {
                known.putIfAbsent(TextFolding.fold(AppI18NProvider.text(language.locale(), field.messageKey())), field);
            }
        }
        return known;
    }

    /** Remembers this mapping for the partner's next file with the same headers. */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public void saveMapping(@Size(max = ColumnMapping.MAX_COLUMNS) List<@Size(max = TextRules.FILTER) @SingleLine String> headers,
                            ColumnMapping mapping) {
        AppUser user = currentUser.require();
        Map<String, ImportField> known = knownHeaders(mapping.kind());
        for (int i = 0; i < headers.size() && i < ColumnMapping.MAX_COLUMNS; i++) {
            ImportField field = mapping.field(i);
            String folded = TextFolding.fold(headers.get(i));
            if (field != null && !folded.isEmpty() && folded.length() <= 200 && known.get(folded) != field) {
                repository.saveMapping(Objects.requireNonNull(user.partnerId()), folded, field, user.getUsername());
            }
        }
    }

    /** What importing the file would do, row by row; saves nothing but the audit entry. */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public DryRunResult dryRun(UploadedFile file, ColumnMapping mapping) {
        return dryRun(file, mapping, ImportProgress.NONE);
    }

    /** {@link #dryRun(UploadedFile, ColumnMapping)}, telling {@code progress} how far it is. */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public DryRunResult dryRun(UploadedFile file, ColumnMapping mapping, ImportProgress progress) {
        // A background job over up to 200,000 rows: each statement handles a chunk of them, so it
        // gets the time limit of reports, not the interactive one.
        timeouts.useReportLimit();
        DryRunResult result = mapping.kind() == ImportKind.PEOPLE ? check(file, mapping, progress).result()
                : recordImports.check(file, mapping, progress).result();
        audit.record("IMPORT_DRY_RUN", "import_file", null, mapping.kind() + " " + file.fileName() + " sha256 " + file.sha256() + ": "
                + result.count(DryRunResult.Status.READY) + " ready, " + result.count(DryRunResult.Status.ERROR) + " with errors, "
                + result.count(DryRunResult.Status.DUPLICATE) + " possible duplicates");
        return result;
    }

    /** The batch of this partner already imported from a file with the same content, if any (and not undone). */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional(readOnly = true)
    public Optional<BatchSummary> importedBefore(@Size(max = 64) @SingleLine String sha256) {
        return repository.latestByHash(sha256);
    }

    /**
     * Imports the file as one batch. {@code decisions}: per row number, what a possible duplicate
     * is. ALL_OR_NOTHING refuses the file ({@link ImportRefusedException}) if any row has an error
     * or an undecided match; VALID_ROWS imports the others. A file imported before is refused
     * ({@link AlreadyImportedException}) unless {@code evenIfImportedBefore}. Either way nothing is
     * saved unless the whole batch is.
     */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public BatchSummary importFile(UploadedFile file, ColumnMapping mapping, Map<Integer, Decision> decisions, ImportMode mode,
                                   boolean evenIfImportedBefore) {
        return importFile(file, mapping, decisions, mode, evenIfImportedBefore, ImportProgress.NONE);
    }

    /**
     * {@link #importFile(UploadedFile, ColumnMapping, Map, ImportMode, boolean)}, telling
     * {@code progress} how far it is: the checks count as the first half of the rows, the writing as
     * the second.
     */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public BatchSummary importFile(UploadedFile file, ColumnMapping mapping, Map<Integer, Decision> decisions, ImportMode mode,
                                   boolean evenIfImportedBefore, ImportProgress progress) {
        AppUser user = currentUser.require();
        long partnerId = Objects.requireNonNull(user.partnerId());
        timeouts.useReportLimit(); // as for the dry run
        if (!repository.tryLockPartner(partnerId)) {
            throw new ImportBusyException();
        }
        if (!evenIfImportedBefore) {
            Optional<BatchSummary> before = repository.latestByHash(file.sha256());
            if (before.isPresent()) {
                throw new AlreadyImportedException(before.get());
            }
        }
        int total = file.table().rows().size();
        if (mapping.kind() != ImportKind.PEOPLE) {
            return importRecords(user, partnerId, file, mapping, mode, progress);
        }
        Checked checked = check(file, mapping, (done, all) -> progress.done(done / 2, all));
        Map<Integer, DryRunResult.RowResult> results = new HashMap<>();
        checked.result().rows().forEach(r -> results.put(r.row(), r));
        Set<Integer> blocked = new HashSet<>();
        for (DryRunResult.RowResult r : checked.result().rows()) {
            if (r.status() == DryRunResult.Status.ERROR
                    || (r.status() == DryRunResult.Status.DUPLICATE && !decisionFits(r, decisions.get(r.row())))) {
                blocked.add(r.row());
            }
        }
        if (mode == ImportMode.ALL_OR_NOTHING && !blocked.isEmpty()) {
            throw new ImportRefusedException(checked.result(), blocked.size());
        }
        long batchId = repository.insertBatch(partnerId, ImportKind.PEOPLE, file.fileName(), file.sha256(), total, mode, user.getUsername());
        String provenance = "batch " + batchId + ", file " + file.fileName() + " (sha256 " + file.sha256().substring(0, 12) + ")";
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
        List<String> importedDetails = new ArrayList<>();
        String note = "import " + provenance;
        note = note.length() > 300 ? note.substring(0, 300) : note;
        for (int from = 0; from < toCreate.size(); from += CHUNK) {
            List<PeopleRows.Prepared> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + CHUNK));
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
                importedDetails.add("row " + row + " of " + provenance);
            }
            progress.done(total / 2 + (int) ((long) (total - total / 2) * (from + chunk.size()) / Math.max(1, toCreate.size())), total);
        }
        List<Long> linkedIds = new ArrayList<>();
        List<String> linkedDetails = new ArrayList<>();
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
                linkedDetails.add("row " + row.row() + " of " + provenance);
            }
            personOfRow.put(row.row(), personId);
            records.add(new ImportRepository.RecordRow(row.row(), personId, "LINKED", 0, 0));
            linked++;
        }
        int created = importedIds.size();
        int skipped = total - created - linked;
        audit.recordEachWithDetails("PERSON_IMPORTED", "person", importedIds, importedDetails);
        audit.recordEachWithDetails("PERSON_IMPORT_LINKED", "person", linkedIds, linkedDetails);
        repository.insertRecords(batchId, partnerId, records);
        repository.setCounts(batchId, created, linked, skipped);
        audit.record("IMPORT_BATCH_IMPORTED", "import_batch", batchId, provenance + ", mode " + mode + ": " + created + " created, "
                + linked + " linked, " + skipped + " skipped");
        progress.done(total, total);
        return repository.find(batchId).orElseThrow();
    }

    /**
     * Records that an import of the file failed and why, in a transaction of its own (the import's
     * rolled back, so nothing else of it exists): the partner's batch list shows it.
     */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public BatchSummary recordFailure(UploadedFile file, ImportMode mode, ImportFailure failure) {
        return recordFailure(ImportKind.PEOPLE, file, mode, failure);
    }

    /** {@link #recordFailure(UploadedFile, ImportMode, ImportFailure)} for a file of this kind. */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public BatchSummary recordFailure(ImportKind kind, UploadedFile file, ImportMode mode, ImportFailure failure) {
        AppUser user = currentUser.require();
        long batchId = repository.insertFailedBatch(Objects.requireNonNull(user.partnerId()), kind, file.fileName(), file.sha256(),
                file.table().rows().size(), mode, user.getUsername(), failure);
        audit.record("IMPORT_BATCH_FAILED", "import_batch", batchId, file.fileName() + " sha256 " + file.sha256() + ": " + failure
                + ", nothing saved");
        return repository.find(batchId).orElseThrow();
    }

    private static boolean decisionFits(DryRunResult.RowResult row, @Nullable Decision decision) {
        return switch (decision) {
            case null -> false;
            case Decision.DifferentPerson d -> true;
            case Decision.SamePerson s -> row.matches().stream().anyMatch(m -> Objects.equals(m.personId(), s.personId()));
            case Decision.SameAsRow s -> row.matches().stream().anyMatch(m -> Objects.equals(m.fileRow(), s.row()));
        };
    }

    /** The partner's batches, newest first (one page). */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional(readOnly = true)
    public List<BatchSummary> batches(int offset, int limit) {
        return repository.page(Math.max(0, offset), Math.clamp(limit, 1, 200));
    }

    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional(readOnly = true)
    public long countBatches() {
        return repository.count();
    }

    /** Whether the current user may undo this batch now (the view shows the button accordingly). */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional(readOnly = true)
    public boolean mayUndo(long batchId) {
        return repository.find(batchId).filter(b -> undoRefusal(b).isEmpty()).isPresent();
    }

    private Optional<String> undoRefusal(BatchSummary batch) {
        if (batch.failure() != null) {
            return Optional.of("import.undo.failed");
        }
        if (batch.undone()) {
            return Optional.of("import.undo.alreadyUndone");
        }
        if (!batch.createdBy().equals(currentUser.require().getUsername())) {
            return Optional.of("import.undo.notYours");
        }
        if (batch.createdAt().toInstant().isBefore(clock.instant().minus(Duration.ofDays(UNDO_DAYS)))) {
            return Optional.of("import.undo.tooOld");
        }
        return Optional.empty();
    }

    /**
     * Undoes a batch: deletes the people it created. Refused ({@link UndoRefusedException}) when
     * it is not the user's batch, older than {@value #UNDO_DAYS} days, or any of its people was
     * changed or linked to since (the refusal names them).
     */
    @Allowed(Permission.IMPORT_RECORDS)
    @Transactional
    public BatchSummary undo(long batchId) {
        BatchSummary batch = repository.findForUpdate(batchId).orElseThrow(() -> new UndoRefusedException("import.undo.notFound", List.of()));
        Optional<String> refusal = undoRefusal(batch);
        if (refusal.isPresent()) {
            throw new UndoRefusedException(refusal.get(), List.of());
        }
        if (batch.kind() != ImportKind.PEOPLE) {
            int withdrawn = recordImports.undo(batch.kind(), batchId, repository.records(batchId));
            repository.markUndone(batchId, currentUser.require().getUsername(), OffsetDateTime.now(clock));
            audit.record("IMPORT_BATCH_UNDONE", "import_batch", batchId, batch.fileName() + ": " + withdrawn + " "
                    + ImportRepository.entityType(batch.kind()) + " records withdrawn");
            return repository.find(batchId).orElseThrow();
        }
        Map<Long, PersonWithdrawalService.Expected> expected = new LinkedHashMap<>();
        Map<Long, Integer> rowOf = new HashMap<>();
        for (ImportRepository.RecordRow r : repository.records(batchId)) {
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
            withdrawals.withdraw(expected.keySet(), "import batch " + batchId + " undone");
        }
        repository.markUndone(batchId, currentUser.require().getUsername(), OffsetDateTime.now(clock));
        audit.record("IMPORT_BATCH_UNDONE", "import_batch", batchId, batch.fileName() + ": " + expected.size() + " people withdrawn");
        return repository.find(batchId).orElseThrow();
    }

    /** The rows of the file that did not import cleanly with an error column, as XLSX, in the user's language. */
    @Allowed(Permission.IMPORT_RECORDS)
    public void writeErrorFile(UploadedFile file, DryRunResult result, Locale locale, OutputStream out) throws IOException {
        ErrorFileWriter.write(file.table(), result, locale, out);
    }

    /** The people template: the columns in the user's language and the allowed values on a second sheet. */
    @Allowed(Permission.IMPORT_RECORDS)
    public void writeTemplate(Locale locale, OutputStream out) throws IOException {
        writeTemplate(ImportKind.PEOPLE, locale, out);
    }

    /** The template of a kind: the columns in the user's language and the allowed values on a second sheet. */
    @Allowed(Permission.IMPORT_RECORDS)
    public void writeTemplate(ImportKind kind, Locale locale, OutputStream out) throws IOException {
        if (kind == ImportKind.PEOPLE) {
            TemplateWriter.write(locale, reference.municipalities(locale), out);
        } else {
            TemplateWriter.writeRecords(kind, locale, out);
        }
    }

    /** A cases or sessions file: checked by {@link RecordImports}, written through the cases or counselling module. */
    private BatchSummary importRecords(AppUser user, long partnerId, UploadedFile file, ColumnMapping mapping, ImportMode mode,
                                       ImportProgress progress) {
        int total = file.table().rows().size();
        RecordImports.Checked checked = recordImports.check(file, mapping, (done, all) -> progress.done(done / 2, all));
        long errors = checked.result().count(DryRunResult.Status.ERROR);
        if (mode == ImportMode.ALL_OR_NOTHING && errors > 0) {
            throw new ImportRefusedException(checked.result(), (int) errors);
        }
        ImportKind kind = mapping.kind();
        long batchId = repository.insertBatch(partnerId, kind, file.fileName(), file.sha256(), total, mode, user.getUsername());
        String provenance = "batch " + batchId + ", file " + file.fileName() + " (sha256 " + file.sha256().substring(0, 12) + ")";
        String note = "import " + provenance;
        note = note.length() > 300 ? note.substring(0, 300) : note;
        List<ImportRepository.RecordRow> written = recordImports.write(kind, checked.prepared(), note, progress, total);
        String entityType = ImportRepository.entityType(kind);
        audit.recordEachWithDetails(kind == ImportKind.CASES ? "CASE_IMPORTED" : "SESSION_IMPORTED", entityType,
                written.stream().map(ImportRepository.RecordRow::personId).toList(),
                written.stream().map(r -> "row " + r.row() + " of " + provenance).toList());
        repository.insertRecords(batchId, partnerId, kind, written);
        int created = written.size();
        repository.setCounts(batchId, created, 0, total - created);
        audit.record("IMPORT_BATCH_IMPORTED", "import_batch", batchId, kind + " " + provenance + ", mode " + mode + ": " + created
                + " created, " + (total - created) + " skipped");
        progress.done(total, total);
        return repository.find(batchId).orElseThrow();
    }

    private record Checked(DryRunResult result, List<PeopleRows.Prepared> prepared) {
    }

    private Checked check(UploadedFile file, ColumnMapping mapping, ImportProgress progress) {
        SourceTable table = file.table();
        PeopleRows rows = new PeopleRows(mapping, table.headers(), valueMaps());
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            if (mapping.field(i) == null && !table.headers().get(i).isBlank()) {
                ignored.add(table.headers().get(i));
            }
        }
        List<ImportField> missing = RecordImports.missingColumns(mapping);
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
        List<List<Integer>> inFile = bulk.findDuplicatesAmong(probes);
        List<DuplicateCheck> registry = new ArrayList<>(probes.size());
        for (int from = 0; from < probes.size(); from += CHUNK) {
            registry.addAll(bulk.findDuplicates(probes.subList(from, Math.min(probes.size(), from + CHUNK))));
            progress.done(total / 10 + (int) ((long) (total - total / 10) * Math.min(probes.size(), from + CHUNK) / Math.max(1, probes.size())),
                    total);
        }
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

    /** Rows per call of the registry's duplicate check and of the bulk registration. */
    static final int CHUNK = 500;

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
