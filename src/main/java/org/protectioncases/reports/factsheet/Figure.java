package org.protectioncases.reports.factsheet;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.Provenance;

/**
 * One figure of a report with what it was counted from.
 *
 * @param value  null when not available
 * @param source for reported figures, the source and date as entered
 */
public record Figure(@Nullable BigDecimal value, Provenance provenance, @Nullable String source) {

    static Figure counted(long value, Provenance provenance) {
        return new Figure(BigDecimal.valueOf(value), provenance, null);
    }

    public boolean available() {
        return value != null;
    }
}
