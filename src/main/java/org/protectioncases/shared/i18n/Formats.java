package org.protectioncases.shared.i18n;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one place for how dates, times and numbers are written, on pages, in downloads and in PDFs.
 *
 * <p>Dates are {@code dd.MM.yyyy} and times 24-hour in every language: the partners' paper, the
 * courts and the civil registry write them so, English-speaking staff included. Numbers follow the
 * language: {@code 1,234.5} in English, {@code 1.234,5} in Albanian and Serbian. The JDK's own
 * Albanian rule groups with a space ({@code 1 234}), which is Albania's typographic norm but not
 * what Kosovo's institutions print, so the symbols are set here rather than taken from the JDK.
 */
public final class Formats {

    /** The date pattern shown in every date field and printed everywhere. */
    public static final String DATE_PATTERN = "dd.MM.yyyy";
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);
    /** Times of day (a hearing at 09:30), 24-hour as in Kosovo. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(DATE_PATTERN + " HH:mm");
    /** A date known to the month only (a birth date given as "March 1988"). */
    public static final DateTimeFormatter MONTH_DATE = DateTimeFormatter.ofPattern("MM.yyyy");
    /** Moments (audit rows, uploads) in the server's time zone, which is Kosovo's. */
    public static final DateTimeFormatter MOMENT = DATE_TIME.withZone(ZoneId.systemDefault());

    private Formats() {
    }

    public static String date(@Nullable LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    public static String dateTime(@Nullable LocalDateTime dateTime) {
        return dateTime == null ? "" : dateTime.format(DATE_TIME);
    }

    public static String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    /** The grouping and decimal marks of a language. */
    public static DecimalFormatSymbols symbols(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        boolean english = Language.of(locale) == Language.EN;
        symbols.setGroupingSeparator(english ? ',' : '.');
        symbols.setMonetaryGroupingSeparator(english ? ',' : '.');
        symbols.setDecimalSeparator(english ? '.' : ',');
        symbols.setMonetaryDecimalSeparator(english ? '.' : ',');
        return symbols;
    }

    /** Whole numbers with grouping ({@code 9,384} / {@code 9.384}). A new instance: NumberFormat is not thread-safe. */
    public static NumberFormat integers(Locale locale) {
        return new DecimalFormat("#,##0", symbols(locale));
    }

    /** Numbers with exactly {@code digits} decimals ({@code 4.08} / {@code 4,08}). */
    public static NumberFormat decimals(Locale locale, int digits) {
        return halfUp(new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols(locale)));
    }

    /** Numbers with up to {@code digits} decimals, none shown when there are none ({@code 1.5}, {@code 2}). */
    public static NumberFormat upTo(Locale locale, int digits) {
        return halfUp(new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "#".repeat(digits), symbols(locale)));
    }

    /** Rounded as printed reports round (51.25 → 51.3), not to even as DecimalFormat does by default. */
    private static NumberFormat halfUp(DecimalFormat format) {
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    public static String integer(Locale locale, long value) {
        return integers(locale).format(value);
    }

    /** A number as the language writes it: whole numbers as {@link #integer}, others with up to two decimals. */
    public static String number(Locale locale, Number value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                ? integer(locale, value.longValue())
                : upTo(locale, 2).format(value);
    }

    /** A share with one decimal and a spaced percent sign ({@code 62.0 %} / {@code 62,0 %}). */
    public static String percent(Locale locale, double value) {
        return decimals(locale, 1).format(value) + "\u00a0%";
    }

    /** The month's name in the language, from the message bundles (the same names the date pickers show). */
    public static String monthName(Locale locale, int month) {
        return monthNames(locale).get(month - 1);
    }

    /** "March 2026", "mars 2026", "mart 2026": report months are never shown as {@code 2026-03}. */
    public static String month(Locale locale, YearMonth month) {
        return monthName(locale, month.getMonthValue()) + " " + month.getYear();
    }

    /** January to December in the language. */
    public static List<String> monthNames(Locale locale) {
        return list(locale, "calendar.months", 12);
    }

    /** Sunday to Saturday (the order Vaadin's date picker expects). */
    public static List<String> weekdays(Locale locale) {
        return list(locale, "calendar.weekdays", 7);
    }

    public static List<String> weekdaysShort(Locale locale) {
        return list(locale, "calendar.weekdaysShort", 7);
    }

    private static List<String> list(Locale locale, String key, int size) {
        List<String> names = List.of(AppI18NProvider.text(locale, key).split("\\s*,\\s*"));
        if (names.size() != size) {
            throw new IllegalStateException(key + " must list " + size + " names for " + locale + ": " + names);
        }
        return names;
    }
}
