package org.protectioncases.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Small-cell protection for a table published with its row, column and grand totals.
 * <p>
 * Primary suppression hides every count from 1 to 4 (shown as "&lt;5"), including totals.
 * Secondary suppression then hides further cells until no hidden value can be recomputed from
 * what is published: a hidden value is safe when some other table, consistent with every
 * published number and with what a reader knows about hidden cells (a "&lt;5" cell holds 1 to 4,
 * any other hidden cell holds 0 or at least 5), differs in that cell. Such a table is found by
 * moving an amount around a cycle of hidden cells (a +k/-k change along a row, then a column,
 * and so on keeps every total). The search is exact within {@link #STEP_BUDGET}; a table that needs more
 * is published with only its grand total (never an unsafe table, never a search that does not end).
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;

    /**
     * How every hidden cell is published, on pages, in CSV/XLSX and in the PDF: one marker for the
     * small counts and the cells hidden to protect them, so the two cannot be told apart (and the
     * reports never show two symbols for "hidden"). The footnote says so.
     */
    public static final String MARKER = "<5";

    /**
     * Steps the cycle search may take for one table (each step tries one hidden cell). The search is
     * exponential in the number of hidden cells; a large table with many small counts (a cross table
     * of 38 municipalities by community for a quiet month) would never finish. Past the budget the
     * table is published with every cell hidden but the grand total, which is always safe.
     */
    static final long STEP_BUDGET = 1_000_000;

    private static final class Budget {
        long steps;

        void step() {
            if (++steps > STEP_BUDGET) {
                throw new OverBudget();
            }
        }
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    private SmallCells() {
    }

    /** A protected table: the values (inner cells, then totals) and which of them are hidden. */
    public record Result(long[][] values, boolean[][] hidden) {

        public boolean isHidden(int row, int col) {
            return hidden[row][col];
        }

        /** True if the cell was hidden because it is 1 to 4 (as opposed to hidden to protect one); both publish as {@link #MARKER}. */
        public boolean isSmall(int row, int col) {
            return hidden[row][col] && values[row][col] > 0 && values[row][col] < THRESHOLD;
        }
    }

    /**
     * Protects an R x C table of counts. The result has R+1 rows and C+1 columns: the last column
     * holds the row totals, the last row the column totals, the corner the grand total.
     */
    public static Result protect(long[][] inner) {
        int rows = inner.length;
        int cols = rows == 0 ? 0 : inner[0].length;
        long[][] v = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r][c] = inner[r][c];
                v[r][cols] += inner[r][c];
                v[rows][c] += inner[r][c];
                v[rows][cols] += inner[r][c];
            }
        }
        boolean[][] hidden = new boolean[rows + 1][cols + 1];
        boolean[][] small = new boolean[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                small[r][c] = v[r][c] > 0 && v[r][c] < THRESHOLD;
                hidden[r][c] = small[r][c];
            }
        }
        // Secondary suppression: hide the least informative extra cells until every hidden one is safe.
        Budget budget = new Budget();
        try {
            for (int guard = 0; guard < (rows + 1) * (cols + 1); guard++) {
                int[] exposed = firstExposed(v, hidden, small, budget);
                if (exposed == null) {
                    break;
                }
                int[] extra = bestExtra(v, hidden, small, exposed, budget);
                hidden[extra[0]][extra[1]] = true;
            }
        } catch (OverBudget e) {
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    hidden[r][c] = !(r == rows && c == cols) && (rows * cols > 1 || v[r][c] > 0);
                }
            }
        }
        return new Result(v, hidden);
    }

    /** The first hidden cell whose value the published numbers still reveal, or null. */
    static int[] firstExposed(long[][] v, boolean[][] hidden, boolean[][] small) {
        return firstExposed(v, hidden, small, new Budget());
    }

    private static int[] firstExposed(long[][] v, boolean[][] hidden, boolean[][] small, Budget budget) {
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[0].length; c++) {
                if (hidden[r][c] && !safe(v, hidden, small, r, c, budget)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** The visible cell to hide next: one that makes the exposed cell safe, smallest value first; else the smallest in its row or column. */
    private static int[] bestExtra(long[][] v, boolean[][] hidden, boolean[][] small, int[] exposed, Budget budget) {
        List<int[]> candidates = new ArrayList<>();
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[0].length; c++) {
                if (!hidden[r][c]) {
                    candidates.add(new int[] {r, c});
                }
            }
        }
        // Prefer non-zero inner cells (hiding a structural zero protects little), then small values.
        candidates.sort(Comparator.<int[]>comparingInt(x -> v[x[0]][x[1]] == 0 ? 1 : 0)
                .thenComparingInt(x -> x[0] == v.length - 1 || x[1] == v[0].length - 1 ? 1 : 0)
                .thenComparingLong(x -> v[x[0]][x[1]]));
        for (int[] candidate : candidates) {
            hidden[candidate[0]][candidate[1]] = true;
            boolean helps = safe(v, hidden, small, exposed[0], exposed[1], budget);
            hidden[candidate[0]][candidate[1]] = false;
            if (helps) {
                return candidate;
            }
        }
        for (int[] candidate : candidates) {
            if (candidate[0] == exposed[0] || candidate[1] == exposed[1]) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    /**
     * Whether another table consistent with everything published differs in this cell: some cycle
     * of hidden cells through it along which an amount can move with every hidden cell staying
     * plausible.
     */
    static boolean safe(long[][] v, boolean[][] hidden, boolean[][] small, int r0, int c0) {
        return safe(v, hidden, small, r0, c0, new Budget());
    }

    private static boolean safe(long[][] v, boolean[][] hidden, boolean[][] small, int r0, int c0, Budget budget) {
        // A cycle starts at the cell, moves within its column, then within a row, and so on, and
        // closes when a column move lands in the start's row (that cell and the start share the row).
        List<int[]> path = new ArrayList<>();
        path.add(new int[] {r0, c0});
        return columnMove(v, hidden, small, path, r0, c0, r0, budget);
    }

    private static boolean columnMove(long[][] v, boolean[][] hidden, boolean[][] small, List<int[]> path, int r, int c, int startRow,
                                      Budget budget) {
        for (int r2 = 0; r2 < v.length; r2++) {
            if (r2 == r || !hidden[r2][c] || contains(path, r2, c)) {
                continue;
            }
            budget.step();
            path.add(new int[] {r2, c});
            boolean found = r2 == startRow ? feasible(v, small, path) : rowMove(v, hidden, small, path, r2, c, startRow, budget);
            path.remove(path.size() - 1);
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean rowMove(long[][] v, boolean[][] hidden, boolean[][] small, List<int[]> path, int r, int c, int startRow,
                                   Budget budget) {
        for (int c2 = 0; c2 < v[0].length; c2++) {
            if (c2 == c || !hidden[r][c2] || contains(path, r, c2)) {
                continue;
            }
            budget.step();
            path.add(new int[] {r, c2});
            boolean found = columnMove(v, hidden, small, path, r, c2, startRow, budget);
            path.remove(path.size() - 1);
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<int[]> path, int r, int c) {
        for (int[] p : path) {
            if (p[0] == r && p[1] == c) {
                return true;
            }
        }
        return false;
    }

    /** Whether moving some amount k (either direction) around the cycle keeps every cell plausible. */
    private static boolean feasible(long[][] v, boolean[][] small, List<int[]> cycle) {
        int rows = v.length;
        int cols = v[0].length;
        // Amounts worth trying: small steps, and each cell's whole value (a cell may go to exactly 0).
        TreeSet<Long> amounts = new TreeSet<>();
        for (long k = 1; k <= 50; k++) {
            amounts.add(k);
        }
        for (int[] cell : cycle) {
            amounts.add(v[cell[0]][cell[1]]);
            amounts.add(v[cell[0]][cell[1]] - THRESHOLD + 1);
        }
        for (int direction : new int[] {1, -1}) {
            for (long k : amounts) {
                if (k <= 0) {
                    continue;
                }
                boolean ok = true;
                for (int i = 0; i < cycle.size() && ok; i++) {
                    int[] cell = cycle.get(i);
                    boolean total = (cell[0] == rows - 1) ^ (cell[1] == cols - 1);
                    long signed = (i % 2 == 0 ? 1 : -1) * direction * k;
                    long changed = v[cell[0]][cell[1]] + (total ? -signed : signed);
                    ok = small[cell[0]][cell[1]] ? changed >= 1 && changed < THRESHOLD : changed == 0 || changed >= THRESHOLD;
                }
                if (ok) {
                    return true;
                }
            }
        }
        return false;
    }
}
