package org.protectioncases.reports.factsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A dated, sourced figure as entered. */
public record ReportedFigure(@Nullable Long id, ReportedFigureKind figure, int year, BigDecimal value, LocalDate validFrom,
                             String source, String enteredBy) {
}
