package org.protectioncases.reports.population;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A population figure by one dimension and sex, for a period: people in a group at any time in
 * the period (asylum seekers), returned in the period, or in the population on its last day
 * (stock figures). A person counts once.
 *
 * @param rows one per value that occurs, in a stable order; a null key is "not recorded"
 */
public record Disaggregation(Population population, Dimension dimension, LocalDate from, LocalDate to,
                             @Nullable String partnerCode, List<Row> rows) {

    /** {@code key}: an age group, community or partner code, or municipality code; null = not recorded. */
    public record Row(@Nullable String key, long female, long male, long other) {

        public long total() {
            return female + male + other;
        }
    }

    public long total() {
        return rows.stream().mapToLong(Row::total).sum();
    }
}
