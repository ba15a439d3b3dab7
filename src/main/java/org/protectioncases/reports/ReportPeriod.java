package org.protectioncases.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.FieldErrors;

/**
 * A reporting period, both ends inclusive. Built only through the factories, which refuse a period
 * that ends before it starts, is longer than ten years (monthly tables would grow without bound) or
 * lies before 2000 or after 2100, with field errors ({@code from}, {@code to}) the period picker shows.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_YEARS = 10;
    static final int FIRST_YEAR = 2000;
    /** A sanity bound, not "this year": whether figures can be counted yet is the caller's rule (periods end today in the picker). */
    static final int LAST_YEAR = 2100;

    public ReportPeriod {
        check(from, to);
    }

    public static ReportPeriod year(int year) {
        checkYear(year);
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Quarter 1 to 4 of the year. */
    public static ReportPeriod quarter(int year, int quarter) {
        checkYear(year);
        new FieldErrors().rejectIf(quarter < 1 || quarter > 4, "quarter", "activity.validation.quarter").throwIfAny();
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new ReportPeriod(start, start.plusMonths(3).minusDays(1));
    }

    /** Month 1 to 12 of the year. */
    public static ReportPeriod month(int year, int month) {
        checkYear(year);
        new FieldErrors().rejectIf(month < 1 || month > 12, "month", "activity.validation.month").throwIfAny();
        YearMonth m = YearMonth.of(year, month);
        return new ReportPeriod(m.atDay(1), m.atEndOfMonth());
    }

    /** Any range of days; both dates are required (the picker may hand over empty fields). */
    public static ReportPeriod custom(@Nullable LocalDate from, @Nullable LocalDate to) {
        new FieldErrors()
                .rejectIf(from == null, "from", "validation.required")
                .rejectIf(to == null, "to", "validation.required")
                .throwIfAny();
        return new ReportPeriod(from, to);
    }

    private static void checkYear(int year) {
        new FieldErrors().rejectIf(year < FIRST_YEAR || year > LAST_YEAR, "year", "report.validation.year")
                .throwIfAny();
    }

    private static void check(LocalDate from, LocalDate to) {
        new FieldErrors()
                .rejectIf(from.getYear() < FIRST_YEAR, "from", "report.validation.year")
                .rejectIf(to.isBefore(from), "to", "validation.endBeforeStart")
                .rejectIf(!to.isBefore(from.plusYears(MAX_YEARS)), "to", "activity.validation.tooLong")
                .throwIfAny();
    }

    /** "2015-01-01_2015-03-31", for file names. */
    public String fileLabel() {
        return from + "_" + to;
    }
}
