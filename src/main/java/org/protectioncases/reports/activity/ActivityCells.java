package org.protectioncases.reports.activity;

import java.util.ArrayList;
import java.util.List;
import org.protectioncases.reports.SmallCells;

/**
 * An activity table as it is published: numbers, or for a table of person counts shared outside,
 * {@link SmallCells} protection: "&lt;5" ({@link SmallCells#MARKER}) for counts 1 to 4 and for the
 * cells hidden so the small ones cannot be worked out. The screen and both export formats use this, so they cannot disagree.
 */
public final class ActivityCells {

    public static final String SMALL = SmallCells.MARKER;

    private ActivityCells() {
    }

    /**
     * One list per row and then the total row; each holds the column cells and, for tables with
     * row totals, the row total last. A cell is a {@code Long} or one of the two markers.
     */
    public static List<List<Object>> publish(ActivityTable table, boolean external) {
        int rows = table.rows().size();
        int cols = table.columns().size();
        long[][] inner = new long[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                inner[r][c] = table.rows().get(r).values().get(c);
            }
        }
        boolean protect = external && table.personCounts();
        List<List<Object>> out = new ArrayList<>();
        if (table.rowTotals() && rows == 0) {
            // A cross table with nothing counted (no hours worked in the period): its total row, zeros.
            List<Object> zeros = new ArrayList<>();
            for (int c = 0; c <= cols; c++) {
                zeros.add(0L);
            }
            return List.of(zeros);
        }
        if (table.rowTotals()) {
            // A cross table: every count is part of a row and a column total, protected together.
            SmallCells.Result result = SmallCells.protect(inner);
            for (int r = 0; r <= rows; r++) {
                List<Object> line = new ArrayList<>();
                for (int c = 0; c <= cols; c++) {
                    line.add(cell(result, r, c, protect));
                }
                out.add(line);
            }
            return out;
        }
        // Columns that do not add up across (opened and closed, visits and persons observed): each
        // column is its own table with its total.
        List<SmallCells.Result> columns = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            long[][] column = new long[rows][1];
            for (int r = 0; r < rows; r++) {
                column[r][0] = inner[r][c];
            }
            columns.add(SmallCells.protect(column));
        }
        for (int r = 0; r < rows; r++) {
            List<Object> line = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                line.add(cell(columns.get(c), r, 0, protect));
            }
            out.add(line);
        }
        List<Object> totals = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            long total = table.totals().get(c);
            SmallCells.Result column = columns.get(c);
            // The published total may be distinct (persons reached through two partners once), so it
            // is hidden when the column's sum would be, and when it is small itself.
            // A table with no rows (no partner reached anyone in the period) has only its total.
            boolean hidden = protect && ((rows > 0 && column.isHidden(rows, 1)) || (total > 0 && total < SmallCells.THRESHOLD));
            totals.add(!hidden ? (Object) total : SMALL);
        }
        out.add(totals);
        return out;
    }

    private static Object cell(SmallCells.Result result, int row, int col, boolean protect) {
        if (protect && result.isHidden(row, col)) {
            return SMALL;
        }
        return result.values()[row][col];
    }
}
