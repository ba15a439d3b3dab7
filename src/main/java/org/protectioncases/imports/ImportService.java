package org.protectioncases.imports;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
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
 * {@link RecordImports}. Over 350 lines because it is the module's one public face: each use case's
 * permission, transaction, batch and audit entry stay together here, while the work is done by
 * {@link PeopleImports}, {@link RecordImports} and {@link UploadReader}.
 */
@Service
public class ImportService {

    public static final int UNDO_DAYS = 30;
    /** Rows per call of the registry's duplicate check, of the bulk registration and of the cases' and sessions' writes. */
    static final int CHUNK = 500;

    private final ImportRepository repository;
    private final ReferenceDataService reference;
    private final PeopleImports peopleImports;
    private final RecordImports recordImports;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final StatementTimeouts timeouts;
    private final int maxRows;
    private final long maxFileBytes;
    private final Clock clock;

    ImportService(ImportRepository repository, ReferenceDataService reference, PeopleImports peopleImports, RecordImports recordImports, CurrentUser currentUser, AuditService audit,
                  StatementTimeouts timeouts, Clock clock,
                  @Value("${app.import.max-rows:200000}") int maxRows,
                  @Value("${app.import.max-file-bytes:104857600}") long maxFileBytes) {
        this.repository = repository;
        this.reference = reference;
        this.peopleImports = peopleImports;
        this.recordImports = recordImports;
        this.currentUser = currentUser;
        this.audit = audit;
        this.timeouts = timeouts;
        this.clock = clock;
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
        UploadedFile file = UploadReader.read(name, content, charset, maxFileBytes, maxRows);
        audit.recordMessage("IMPORT_UPLOADED", "import_file", file.sha256(), ImportHistory.uploaded(file));
        return file;
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
        DryRunResult result = mapping.kind() == ImportKind.PEOPLE ? peopleImports.check(file, mapping, progress).result()
                : recordImports.check(file, mapping, progress).result();
        audit.recordMessage("IMPORT_DRY_RUN", "import_file", file.sha256(), ImportHistory.dryRun(mapping.kind(), file, result));
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
        PeopleImports.Checked checked = peopleImports.check(file, mapping, (done, all) -> progress.done(done / 2, all));
        Set<Integer> blocked = peopleImports.blocked(checked, decisions);
        if (mode == ImportMode.ALL_OR_NOTHING && !blocked.isEmpty()) {
            throw new ImportRefusedException(checked.result(), blocked.size());
        }
        long batchId = repository.insertBatch(partnerId, ImportKind.PEOPLE, file.fileName(), file.sha256(), total, mode, user.getUsername());
        PeopleImports.Written written = peopleImports.write(checked, decisions, blocked, batchId, file, progress, total);
        List<ImportRepository.RecordRow> records = written.records();
        int linked = written.linked();
        int created = written.importedIds().size();
        int skipped = total - created - linked;
        audit.recordEach("PERSON_IMPORTED", "person", written.importedIds(), written.importedDetails());
        audit.recordEach("PERSON_IMPORT_LINKED", "person", written.linkedIds(), written.linkedDetails());
        repository.insertRecords(batchId, partnerId, records);
        repository.setCounts(batchId, created, linked, skipped);
        audit.recordMessage("IMPORT_BATCH_IMPORTED", "import_batch", batchId,
                ImportHistory.imported(ImportKind.PEOPLE, batchId, file, mode, created, linked, skipped));
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
        audit.recordMessage("IMPORT_BATCH_FAILED", "import_batch", batchId, ImportHistory.failed(file, failure));
        return repository.find(batchId).orElseThrow();
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
        timeouts.useReportLimit(); // a batch of up to 200,000 people is withdrawn in a few statements
        BatchSummary batch = repository.findForUpdate(batchId).orElseThrow(() -> new UndoRefusedException("import.undo.notFound", List.of()));
        Optional<String> refusal = undoRefusal(batch);
        if (refusal.isPresent()) {
            throw new UndoRefusedException(refusal.get(), List.of());
        }
        if (batch.kind() != ImportKind.PEOPLE) {
            int withdrawn = recordImports.undo(batch.kind(), batchId, repository.records(batchId));
            repository.markUndone(batchId, currentUser.require().getUsername(), OffsetDateTime.now(clock));
            audit.recordMessage("IMPORT_BATCH_UNDONE", "import_batch", batchId, ImportHistory.undone(batch, withdrawn));
            return repository.find(batchId).orElseThrow();
        }
        int withdrawn = peopleImports.undo(batchId, repository.records(batchId));
        repository.markUndone(batchId, currentUser.require().getUsername(), OffsetDateTime.now(clock));
        audit.recordMessage("IMPORT_BATCH_UNDONE", "import_batch", batchId, ImportHistory.undone(batch, withdrawn));
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
        String provenance = ImportHistory.provenance(batchId, file);
        List<ImportRepository.RecordRow> written = recordImports.write(kind, checked.prepared(), ImportHistory.note(provenance), progress,
                total);
        String entityType = ImportRepository.entityType(kind);
        audit.recordEach(kind == ImportKind.CASES ? "CASE_IMPORTED" : "SESSION_IMPORTED", entityType,
                written.stream().map(ImportRepository.RecordRow::personId).toList(),
                written.stream().map(r -> ImportHistory.row(r.row(), batchId, file)).toList());
        repository.insertRecords(batchId, partnerId, kind, written);
        int created = written.size();
        repository.setCounts(batchId, created, 0, total - created);
        audit.recordMessage("IMPORT_BATCH_IMPORTED", "import_batch", batchId,
                ImportHistory.imported(kind, batchId, file, mode, created, 0, total - created));
        progress.done(total, total);
        return repository.find(batchId).orElseThrow();
    }
}
