package org.protectioncases.reports.population;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.monitoring.AgeGroup;

/**
 * A population figure by sex and UNHCR's age groups (age on the as-of date).
 *
 * @param rows one per age group in order, then one with a null age group for unknown birth dates
 */
public record Breakdown(Population population, int year, LocalDate asOf, List<Row> rows) {

    public record Row(@Nullable AgeGroup ageGroup, long female, long male, long other) {

        public long total() {
            return female + male + other;
        }
    }

    public long total() {
        return rows.stream().mapToLong(Row::total).sum();
    }
}
