package org.protectioncases.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Small-cell protection, checked independently: for every hidden cell, linear algebra over the
 * published numbers (the row, column and grand totals and every visible cell) must leave it
 * undetermined, i.e. it cannot be recomputed by adding and subtracting what is published.
 */
class SmallCellsTest {

    /**
     * A cross table of 38 municipalities by 9 communities with many small counts (a quiet month):
     * the exact search would not end (it hung the population page and the build); past its step
     * budget the table is published with its grand total only, every small count still hidden.
     */
    @Test
    void aLargeTableWithManySmallCountsEndsAndHidesEverySmallCount() {
        Random random = new Random(38);
        long[][] inner = new long[38][9];
        for (long[] row : inner) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(5);
            }
        }
        long start = System.nanoTime();
        SmallCells.Result result = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> SmallCells.protect(inner));
        System.out.printf("38 x 9 table protected in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (int r = 0; r <= 38; r++) {
            for (int c = 0; c <= 9; c++) {
                long value = result.values()[r][c];
                if (value > 0 && value < SmallCells.THRESHOLD) {
                    assertThat(result.isHidden(r, c)).as("small count at %d,%d", r, c).isTrue();
                }
            }
        }
        assertThat(result.isHidden(38, 9)).as("the grand total stays published").isFalse();
    }


    @Test
    void nothingIsHiddenWithoutSmallCounts() {
        SmallCells.Result r = SmallCells.protect(new long[][] {{10, 20}, {30, 0}});
        for (boolean[] row : r.hidden()) {
            for (boolean h : row) {
                assertThat(h).isFalse();
            }
        }
    }

    @Test
    void aSmallCountIsHiddenAndAnotherCellWithItSoTotalsDoNotRevealIt() {
        SmallCells.Result r = SmallCells.protect(new long[][] {{3, 20, 7}, {15, 9, 11}});
        assertThat(r.isSmall(0, 0)).isTrue();
        int hidden = 0;
        for (boolean[] row : r.hidden()) {
            for (boolean h : row) {
                hidden += h ? 1 : 0;
            }
        }
        assertThat(hidden).isGreaterThanOrEqualTo(4);   // the smallest safe pattern is a 2 x 2 rectangle
        assertNoHiddenValueIsDetermined(r);
    }

    @Test
    void randomTablesNeverRevealAHiddenValue() {
        Random random = new Random(2019);
        for (int i = 0; i < 300; i++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(4);
            long[][] t = new long[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int kind = random.nextInt(4);
                    t[r][c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(4) : 5 + random.nextInt(60);
                }
            }
            SmallCells.Result result = SmallCells.protect(t);
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    long value = result.values()[r][c];
                    if (value > 0 && value < 5) {
                        assertThat(result.isHidden(r, c)).as("small count %d at %d,%d", value, r, c).isTrue();
                    }
                }
            }
            assertNoHiddenValueIsDetermined(result);
        }
    }

    /** Builds the linear system of the published table and checks that no hidden cell is fixed by it. */
    private static void assertNoHiddenValueIsDetermined(SmallCells.Result result) {
        long[][] v = result.values();
        int rows = v.length;
        int cols = v[0].length;
        int[][] index = new int[rows][cols];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                index[r][c] = result.isHidden(r, c) ? n++ : -1;
            }
        }
        if (n == 0) {
            return;
        }
        // One equation per row and per column (inner cells minus the total cell = 0), over hidden cells only.
        double[][] equations = new double[rows + cols][n];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (index[r][c] >= 0) {
                    equations[r][index[r][c]] += c == cols - 1 ? -1 : 1;
                    equations[rows + c][index[r][c]] += r == rows - 1 ? -1 : 1;
                }
            }
        }
        int rank = rank(equations);
        for (int j = 0; j < n; j++) {
            double[][] withUnit = new double[rows + cols + 1][];
            System.arraycopy(equations, 0, withUnit, 0, rows + cols);
            withUnit[rows + cols] = new double[n];
            withUnit[rows + cols][j] = 1;
            assertThat(rank(withUnit)).as("hidden cell %d is determined by the published totals", j).isEqualTo(rank + 1);
        }
    }

    private static int rank(double[][] matrix) {
        double[][] m = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            m[i] = matrix[i].clone();
        }
        int rank = 0;
        int cols = m.length == 0 ? 0 : m[0].length;
        for (int col = 0; col < cols && rank < m.length; col++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > 1e-9) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = m[pivot];
            m[pivot] = m[rank];
            m[rank] = tmp;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-9) {
                    double f = m[r][col] / m[rank][col];
                    for (int c = col; c < cols; c++) {
                        m[r][c] -= f * m[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
