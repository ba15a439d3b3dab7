package org.protectioncases.reports.activity;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.population.Dimension;

/**
 * One activity statistic as a table of counts: rows along one dimension (partner, month, type...),
 * one or more count columns, and the column totals as the service counted them. Keys, not
 * labels, so a view translates them and an API can hand them out as they are.
 *
 * @param key          names the statistic: caption {@code activity.table.<key>}, file name
 * @param dimension    what the row keys are and how to label them
 * @param columns      message keys of the count columns
 * @param totals       one per column; not always the sum of the rows (a person reached through two
 *                     partners counts once in the total, a session with two topics once)
 * @param rowTotals    whether a row's cells add up to something meaningful (a cross table such as
 *                     referrals by target and status), shown as a last column
 * @param personCounts whether the cells count persons or their cases and referrals, which small-cell
 *                     protection applies to when the table is shared outside
 * @param unit         what a cell holds: a count, or minutes (shown and exported as hours)
 */
public record ActivityTable(String key, Dimension dimension, List<String> columns, List<Row> rows, List<Long> totals,
                            boolean rowTotals, boolean personCounts, Unit unit) {

    public ActivityTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }

    /** A table of counts. */
    public ActivityTable(String key, Dimension dimension, List<String> columns, List<Row> rows, List<Long> totals,
                         boolean rowTotals, boolean personCounts) {
        this(key, dimension, columns, rows, totals, rowTotals, personCounts, Unit.COUNT);
    }

    /** The same table, its cells being minutes. */
    public ActivityTable inMinutes() {
        return new ActivityTable(key, dimension, columns, rows, totals, rowTotals, personCounts, Unit.MINUTES);
    }

    /** What the cells are. Minutes are summed exactly and turned into hours only when shown. */
    public enum Unit {
        COUNT, MINUTES
    }

    /** A row: its key along the dimension (enum name, partner code, {@code yyyy-MM}) and one count per column. */
    public record Row(String key, List<Long> values) {

        public Row {
            values = List.copyOf(values);
        }

        public long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The counts of one column, in row order. */
    public List<Long> column(int index) {
        return rows.stream().map(r -> r.values().get(index)).toList();
    }

    /** The row with the key, if any. */
    public Optional<Row> row(String rowKey) {
        return rows.stream().filter(r -> r.key().equals(rowKey)).findFirst();
    }

    /** What the row keys of a table are; enum dimensions label rows with {@code messagePrefix + key}. */
    public enum Dimension {
        PARTNER(null), MONTH(null), AID_TYPE("session.aid."), TOPIC("session.topic."), LOCATION_TYPE("locationType."),
        REFERRAL_TARGET("referralTarget."), CASE_TYPE("caseType."), OUTCOME("outcome."), DOCUMENT_TYPE("document."),
        /** A member of staff: the row key is the username, shown as the person's name. */
        STAFF(null);

        private final @Nullable String messagePrefix;

        Dimension(@Nullable String messagePrefix) {
            this.messagePrefix = messagePrefix;
        }

        /** Null when the row key is shown as it is (partner codes, months) or looked up (staff names). */
        public @Nullable String messagePrefix() {
            return messagePrefix;
        }
    }
}
