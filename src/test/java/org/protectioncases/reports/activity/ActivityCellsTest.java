package org.protectioncases.reports.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an activity table publishes, with and without small-cell protection. */
class ActivityCellsTest {

    private static ActivityTable table(boolean rowTotals, boolean personCounts, List<Long> totals, List<List<Long>> rows) {
        List<String> columns = rows.getFirst().stream().map(v -> "c").toList();
        return new ActivityTable("t", ActivityTable.Dimension.PARTNER, columns,
                rows.stream().map(r -> new ActivityTable.Row("r" + rows.indexOf(r), r)).toList(), totals, rowTotals, personCounts);
    }

    @Test
    void internalUseShowsEveryNumberAndTheServiceTotals() {
        ActivityTable persons = table(false, true, List.of(14L), List.of(List.of(3L), List.of(5L), List.of(8L)));
        assertThat(ActivityCells.publish(persons, false)).containsExactly(List.of(3L), List.of(5L), List.of(8L), List.of(14L));
    }

    /** Found when external sharing became the default: a period in which no partner reached anyone. */
    @Test
    void aTableWithNoRowsPublishesItsTotal() {
        ActivityTable none = new ActivityTable("t", ActivityTable.Dimension.PARTNER, List.of("c"), List.of(), List.of(0L), false, true);
        assertThat(ActivityCells.publish(none, true)).containsExactly(List.of(0L));
        ActivityTable small = new ActivityTable("t", ActivityTable.Dimension.PARTNER, List.of("c"), List.of(), List.of(3L), false, true);
        assertThat(ActivityCells.publish(small, true)).containsExactly(List.of("<5"));
        // A cross table (hours by kind with row totals) in which no one worked: the total row, zeros.
        ActivityTable noHours = new ActivityTable("t", ActivityTable.Dimension.STAFF, List.of("a", "b"), List.of(), List.of(0L, 0L), true, false);
        assertThat(ActivityCells.publish(noHours, false)).containsExactly(List.of(0L, 0L, 0L));
        assertThat(ActivityCells.publish(noHours, true)).containsExactly(List.of(0L, 0L, 0L));
    }

    @Test
    void activityCountsAreNotProtectedEvenForExternalSharing() {
        ActivityTable sessions = table(false, false, List.of(10L), List.of(List.of(2L), List.of(8L)));
        assertThat(ActivityCells.publish(sessions, true)).containsExactly(List.of(2L), List.of(8L), List.of(10L));
    }

    @Test
    void smallPersonCountsAreHiddenAndCannotBeWorkedOutFromTheTotal() {
        // Persons reached: 3, 10 and 12 by partner, 24 distinct in all (one person reached by two partners).
        ActivityTable persons = table(false, true, List.of(24L), List.of(List.of(3L), List.of(10L), List.of(12L)));
        List<List<Object>> published = ActivityCells.publish(persons, true);
        assertThat(published.get(0)).containsExactly(ActivityCells.SMALL);
        // A second cell is hidden too, so 3 is not "total minus the others".
        long hiddenOthers = published.subList(1, 4).stream().filter(r -> r.getFirst() instanceof String).count();
        assertThat(hiddenOthers).isPositive();
        assertThat(published).flatExtracting(r -> r).doesNotContain(1L, 2L, 3L, 4L);
    }

    @Test
    void aCrossTableIsProtectedWithItsRowAndColumnTotals() {
        // Referrals: target A 2 sent, 0 accepted; target B 7 sent, 8 accepted.
        ActivityTable referrals = table(true, true, List.of(9L, 8L), List.of(List.of(2L, 0L), List.of(7L, 8L)));
        List<List<Object>> open = ActivityCells.publish(referrals, false);
        assertThat(open).containsExactly(List.of(2L, 0L, 2L), List.of(7L, 8L, 15L), List.of(9L, 8L, 17L));
        List<List<Object>> published = ActivityCells.publish(referrals, true);
        assertThat(published.get(0).get(0)).isEqualTo(ActivityCells.SMALL);
        assertThat(published.get(0).get(2)).isEqualTo(ActivityCells.SMALL);
        assertThat(published).flatExtracting(r -> r).doesNotContain(1L, 2L, 3L, 4L);
        // The 2 is not recoverable as column total minus the other row: something else in its column is hidden.
        assertThat(List.of(published.get(1).get(0), published.get(2).get(0))).anyMatch(c -> c instanceof String);
        // Every hidden cell is published the same way: "<5", never "x".
        assertThat(published).flatExtracting(r -> r).filteredOn(String.class::isInstance).containsOnly("<5");
    }
}
