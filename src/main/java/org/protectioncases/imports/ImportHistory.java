package org.protectioncases.imports;

import static org.protectioncases.audit.AuditMessage.keys;
import static org.protectioncases.audit.AuditMessage.text;

import java.util.List;
import java.util.stream.Stream;
import org.protectioncases.audit.AuditMessage;

/**
 * The import's history entries as data (issue #13): message keys {@code history.import.*} with
 * their arguments, shown in the reader's language; the English text stays the entry's details.
 * File names are the user's text, kinds, modes and failures message keys; "SHA-256" goes with the
 * hash as an argument, so the Cyrillic bundle does not spell it in Cyrillic.
 */
final class ImportHistory {

    private ImportHistory() {
    }

    static AuditMessage uploaded(UploadedFile file) {
        int rows = file.table().rows().size();
        return new AuditMessage("history.import.uploaded", List.of(text(file.fileName()), String.valueOf(rows), "SHA-256 " + file.sha256()),
                file.fileName() + " sha256 " + file.sha256() + ", " + rows + " rows");
    }

    static AuditMessage dryRun(ImportKind kind, UploadedFile file, DryRunResult result) {
        long ready = result.count(DryRunResult.Status.READY);
        long errors = result.count(DryRunResult.Status.ERROR);
        long duplicates = result.count(DryRunResult.Status.DUPLICATE);
        return new AuditMessage("history.import.dryRun", List.of(keys(List.of(kind.messageKey())), text(file.fileName()),
                String.valueOf(ready), String.valueOf(errors), String.valueOf(duplicates), file.sha256()),
                kind + " " + file.fileName() + " sha256 " + file.sha256() + ": " + ready + " ready, " + errors + " with errors, "
                        + duplicates + " possible duplicates");
    }

    /** A batch imported; people may also be attached to someone already registered, cases and sessions never are. */
    static AuditMessage imported(ImportKind kind, long batchId, UploadedFile file, ImportMode mode, int created, int linked, int skipped) {
        String provenance = provenance(batchId, file);
        List<String> args = List.of(keys(List.of(kind.messageKey())), String.valueOf(batchId), text(file.fileName()),
                keys(List.of("history.import.mode." + mode.name())), String.valueOf(created));
        if (kind == ImportKind.PEOPLE) {
            return new AuditMessage("history.import.imported", concat(args, String.valueOf(linked), String.valueOf(skipped)),
                    provenance + ", mode " + mode + ": " + created + " created, " + linked + " linked, " + skipped + " skipped");
        }
        return new AuditMessage("history.import.importedRecords", concat(args, String.valueOf(skipped)),
                kind + " " + provenance + ", mode " + mode + ": " + created + " created, " + skipped + " skipped");
    }

    private static List<String> concat(List<String> first, String... more) {
        return Stream.concat(first.stream(), Stream.of(more)).toList();
    }

    static AuditMessage failed(UploadedFile file, ImportFailure failure) {
        return new AuditMessage("history.import.failed", List.of(text(file.fileName()), keys(List.of(failure.messageKey())), file.sha256()),
                file.fileName() + " sha256 " + file.sha256() + ": " + failure + ", nothing saved");
    }

    static AuditMessage undone(BatchSummary batch, int withdrawn) {
        String what = batch.kind() == ImportKind.PEOPLE ? "people" : ImportRepository.entityType(batch.kind()) + " records";
        return new AuditMessage("history.import.undone", List.of(text(batch.fileName()), keys(List.of(batch.kind().messageKey())),
                String.valueOf(withdrawn)), batch.fileName() + ": " + withdrawn + " " + what + " withdrawn");
    }

    /** The note on each record a batch creates (the modules cap their notes at 300 characters). */
    static String note(String provenance) {
        String note = "import " + provenance;
        return note.length() > 300 ? note.substring(0, 300) : note;
    }

    /** A record's own history entry: which row of which batch and file it came from. */
    static AuditMessage row(int row, long batchId, UploadedFile file) {
        return new AuditMessage("history.import.row", List.of(String.valueOf(row), String.valueOf(batchId), text(file.fileName()),
                "SHA-256 " + file.sha256().substring(0, 12)), "row " + row + " of " + provenance(batchId, file));
    }

    /** How the people, cases and sessions a batch creates name it (their notes and history details). */
    static String provenance(long batchId, UploadedFile file) {
        return "batch " + batchId + ", file " + file.fileName() + " (sha256 " + file.sha256().substring(0, 12) + ")";
    }
}
