package org.protectioncases.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the file holds ({@code kind}) and which field each of its columns fills; {@code null} for a
 * column that is ignored. Every field is one of the kind's.
 */
public record ColumnMapping(ImportKind kind, List<@Nullable ImportField> columns) {

    public static final int MAX_COLUMNS = 200;

    public ColumnMapping {
        if (columns.size() > MAX_COLUMNS) {
            throw new ImportFileException("import.file.tooManyColumns", MAX_COLUMNS);
        }
        for (ImportField field : columns) {
            if (field != null && field.kind() != kind) {
                throw new IllegalArgumentException(field + " is not a column of " + kind);
            }
        }
        columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    /** A mapping of a people file. */
    public ColumnMapping(List<@Nullable ImportField> columns) {
        this(ImportKind.PEOPLE, columns);
    }

    public Optional<Integer> columnOf(ImportField field) {
        int i = columns.indexOf(field);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    public @Nullable ImportField field(int column) {
        return column < columns.size() ? columns.get(column) : null;
    }

    /** The same mapping with {@code column} mapped to {@code field} (and no other column to it). */
    public ColumnMapping with(int column, @Nullable ImportField field) {
        List<@Nullable ImportField> copy = new ArrayList<>(columns);
        if (field != null) {
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i) == field) {
                    copy.set(i, null);
                }
            }
        }
        copy.set(column, field);
        return new ColumnMapping(kind, copy);
    }
}
