package org.protectioncases.reports.api;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.population.Population;

/**
 * A breakdown by sex and age group as published: with {@code external} true, small-cell
 * protection has been applied and hidden cells carry no value.
 *
 * @param rows  one per age group (AGE_0_4 ... AGE_60_PLUS), then UNKNOWN (no birth date), then TOTAL
 */
public record BreakdownTable(Population population, int year, LocalDate asOf, boolean external, List<Row> rows) {

    /** @param ageGroup an age group's code, UNKNOWN or TOTAL */
    public record Row(String ageGroup, Cell female, Cell male, Cell other, Cell total) {
    }

    /**
     * One count.
     *
     * @param value      null when suppressed
     * @param suppressed null when shown; "&lt;5" for a count from 1 to 4, "x" for a cell hidden so that
     *                   a small one cannot be worked out from the totals
     */
    public record Cell(@Nullable Long value, @Nullable String suppressed) {

        String published() {
            return suppressed != null ? suppressed : String.valueOf(value);
        }
    }
}
