package org.protectioncases.imports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What importing the file would do, row by row, with nothing saved. Errors and matches carry
 * message keys; the view renders them in the user's language.
 */
public record DryRunResult(List<RowResult> rows, List<String> ignoredColumns, List<ImportField> missingColumns) {

    public enum Status { READY, ERROR, DUPLICATE }

    /** One error: the file's row and column (header text; empty if the row as a whole) and a message key. */
    public record CellError(int row, String column, String messageKey, List<Object> arguments) {
    }

    /** A registry person ({@code personId}) or an earlier row of the file ({@code fileRow}) the row may be. */
    public record Match(@Nullable Long personId, @Nullable String registrationNo, String name, @Nullable Integer birthYear,
                        @Nullable Integer fileRow) {
    }

    /** {@code otherPartners}: how many close matches other partners registered (names not shown). */
    public record RowResult(int row, Status status, String name, List<CellError> errors, List<Match> matches, int otherPartners) {
    }

    public long count(Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    public List<CellError> errors() {
        return rows.stream().flatMap(r -> r.errors().stream()).toList();
    }
}
