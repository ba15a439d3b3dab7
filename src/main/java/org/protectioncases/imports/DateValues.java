package org.protectioncases.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.protectioncases.people.BirthDatePrecision;

/**
 * Dates as partners type them: {@code dd.MM.yyyy} and {@code d.M.yyyy} (a trailing dot too, as
 * Serbian writes it), {@code yyyy-MM-dd}, {@code d/M/yyyy}, Excel serial numbers (a date cell
 * typed as a number), and for birth dates a bare year or {@code MM.yyyy} (precision YEAR/MONTH).
 */
final class DateValues {

    /** A date and how much of it the file gave. */
    record Parsed(LocalDate date, BirthDatePrecision precision) {
    }

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\.?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{1,2})[./](\\d{4})\\.?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\.?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,5}(\\.0+)?");
    /** Excel's day 0 (its 1900 leap-year bug makes this the base for every serial after February 1900). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private DateValues() {
    }

    static Optional<Parsed> parse(String raw) {
        String s = raw.strip();
        try {
            Matcher m;
            if ((m = DOTTED.matcher(s)).matches() || (m = SLASHED.matcher(s)).matches()) {
                return exact(LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            if ((m = ISO.matcher(s)).matches()) {
                return exact(LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                return Optional.of(new Parsed(LocalDate.of(year(m.group(2)), Integer.parseInt(m.group(1)), 1), BirthDatePrecision.MONTH));
            }
            if ((m = YEAR.matcher(s)).matches() && Integer.parseInt(m.group(1)) >= 1800) {
                return Optional.of(new Parsed(LocalDate.of(year(m.group(1)), 1, 1), BirthDatePrecision.YEAR));
            }
            if (SERIAL.matcher(s).matches()) {
                long days = (long) Double.parseDouble(s);
                // Serials from 61 on (1 March 1900); smaller ones are no plausible date of this registry.
                return days > 60 ? exact(EXCEL_EPOCH.plusDays(days)) : Optional.empty();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int year(String text) {
        return Integer.parseInt(text);
    }

    private static Optional<Parsed> exact(LocalDate date) {
        return Optional.of(new Parsed(date, BirthDatePrecision.EXACT));
    }
}
