package org.protectioncases.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.BirthDatePrecision;

/**
 * A file's cells by field and the one place their values are read: text, a value from a list
 * (sexes, communities, case types, codes) or a date, each failure an error on the file's column.
 * Used for people, cases and sessions alike.
 */
final class ImportCells {

    /** The cell of the file a session's time may be given in after the date: "14.03.2024 10:30". */
    private static final Pattern TIME_SUFFIX = Pattern.compile("(.+?)[ T](\\d{1,2}):(\\d{2})(:\\d{2})?");

    private final ColumnMapping mapping;
    private final List<String> headers;

    ImportCells(ColumnMapping mapping, List<String> headers) {
        this.mapping = mapping;
        this.headers = headers;
    }

    /** The header of the column mapped to {@code field}, or the field's name if no column is. */
    String column(ImportField field) {
        return mapping.columnOf(field).map(headers::get).orElse(field.name());
    }

    String text(SourceTable.Row row, ImportField field) {
        return mapping.columnOf(field).map(row::cell).map(String::strip).orElse("");
    }

    DryRunResult.CellError error(int row, ImportField field, String key, Object... args) {
        return new DryRunResult.CellError(row, column(field), key, List.of(args));
    }

    /** A value looked up in a list ({@code lookup}); an unknown one is an error naming the text. */
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

    /** A date of any precision (a birth date may be a year or a month alone). */
    DateValues.@Nullable Parsed anyDate(SourceTable.Row row, ImportField field, List<DryRunResult.CellError> errors) {
        String text = text(row, field);
        if (text.isEmpty()) {
            return null;
        }
        Optional<DateValues.Parsed> parsed = DateValues.parse(text);
        if (parsed.isEmpty()) {
            errors.add(error(row.number(), field, "import.value.date", text));
        }
        return parsed.orElse(null);
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
        return exact(text).orElseGet(() -> {
            errors.add(error(row.number(), field, "import.value.date", text));
            return null;
        });
    }

    /** An exact date with an optional time after it ("14.03.2024 10:30"); midnight if there is none. */
    @Nullable LocalDateTime dateTime(SourceTable.Row row, ImportField field, List<DryRunResult.CellError> errors) {
        String text = text(row, field);
        LocalTime time = LocalTime.MIDNIGHT;
        Matcher m = TIME_SUFFIX.matcher(text);
        if (m.matches() && Integer.parseInt(m.group(2)) < 24 && Integer.parseInt(m.group(3)) < 60) {
            time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            text = m.group(1).strip();
        }
        if (text.isEmpty()) {
            errors.add(error(row.number(), field, "validation.required"));
            return null;
        }
        Optional<LocalDate> date = exact(text);
        if (date.isEmpty()) {
            errors.add(error(row.number(), field, "import.value.date", text(row, field)));
            return null;
        }
        return date.get().atTime(time);
    }

    private static Optional<LocalDate> exact(String text) {
        return DateValues.parse(text).filter(p -> p.precision() == BirthDatePrecision.EXACT).map(DateValues.Parsed::date);
    }

    @Nullable String longText(SourceTable.Row row, ImportField field, int max, List<DryRunResult.CellError> errors) {
        String text = text(row, field);
        if (text.length() > max) {
            errors.add(error(row.number(), field, "validation.tooLong"));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** The file's headers that no field is mapped to (the dry run lists them as ignored). */
    static List<String> ignoredColumns(SourceTable table, ColumnMapping mapping) {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            if (mapping.field(i) == null && !table.headers().get(i).isBlank()) {
                ignored.add(table.headers().get(i));
            }
        }
        return ignored;
    }

    /** The required fields no column is mapped to. */
    static List<ImportField> missingColumns(ColumnMapping mapping) {
        return mapping.kind().fields().stream().filter(f -> f.required() && mapping.columnOf(f).isEmpty()).toList();
    }
}
