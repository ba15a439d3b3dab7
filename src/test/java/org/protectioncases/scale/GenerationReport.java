package org.protectioncases.scale;

import java.util.Locale;
import java.util.Map;

/**
 * What a generator run did: exact row counts per table (counted after the run) and wall-clock
 * seconds per step, in the order the steps ran.
 */
public record GenerationReport(ScaleSize size, long seed, String anchorDate, Map<String, Long> rows, Map<String, Double> stepSeconds,
                               double totalSeconds) {

    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }

    /** A plain-text table for the console and for docs/benchmarks.md. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Scale data: %,d people, seed %d, dates up to %s, %.1f s in total%n",
                size.people(), seed, anchorDate, totalSeconds));
        sb.append(String.format(Locale.ROOT, "%n| step | seconds |%n| --- | ---: |%n"));
        stepSeconds.forEach((step, s) -> sb.append(String.format(Locale.ROOT, "| %s | %.1f |%n", step, s)));
        sb.append(String.format(Locale.ROOT, "%n| table | rows |%n| --- | ---: |%n"));
        rows.forEach((table, n) -> sb.append(String.format(Locale.ROOT, "| %s | %,d |%n", table, n)));
        return sb.toString();
    }
}
