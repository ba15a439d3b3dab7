package org.protectioncases.reports.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.SmallCells;

/**
 * A population figure by two dimensions at once (municipality × age group, community × sex, ...)
 * for a period, counted in one SQL query. A person counts once, in one cell.
 *
 * @param rowKeys    the row dimension's values in display order; null is "not recorded"
 * @param columnKeys the column dimension's values; every age group and sex is listed even when empty
 * @param counts     one list per row key, one count per column key
 */
public record CrossTable(Population population, Dimension rows, Dimension columns, LocalDate from, LocalDate to,
                         @Nullable String partnerCode, List<@Nullable String> rowKeys, List<@Nullable String> columnKeys,
                         List<List<Long>> counts) {

    public CrossTable {
        rowKeys = Collections.unmodifiableList(new ArrayList<>(rowKeys));
        columnKeys = Collections.unmodifiableList(new ArrayList<>(columnKeys));
        counts = counts.stream().map(List::copyOf).toList();
    }

    /** The counts as a matrix, rows by columns (what {@link SmallCells#protect} takes). */
    public long[][] matrix() {
        return counts.stream().map(r -> r.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new);
    }

    public long total() {
        return counts.stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
    }
}
