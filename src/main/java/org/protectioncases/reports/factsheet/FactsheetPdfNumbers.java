package org.protectioncases.reports.factsheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.protectioncases.reports.SmallCells;
import org.protectioncases.shared.i18n.Formats;

/** Counts, amounts and shares as the factsheet PDF prints them, in its language. */
final class FactsheetPdfNumbers {

    private final boolean external;
    private final Locale locale;
    private final FactsheetPdf.Texts t;

    FactsheetPdfNumbers(boolean external, Locale locale, FactsheetPdf.Texts texts) {
        this.external = external;
        this.locale = locale;
        this.t = texts;
    }

    NumberFormat integers() {
        return Formats.integers(locale);
    }

    /** A count of people as published: "&lt;5" for 1 to 4 when for external sharing. */
    String count(Figure figure) {
        BigDecimal value = figure.value();
        if (value != null && external && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(SmallCells.THRESHOLD)) < 0) {
            return "<" + SmallCells.THRESHOLD;
        }
        return number(figure);
    }

    String number(Figure figure) {
        BigDecimal value = figure.value();
        return value == null ? t.get("factsheet.notAvailable") : integers().format(value);
    }

    /** Amounts like the printed sheet: "USD 4.08 M" from a million on, else "USD 850,000". */
    String money(Figure figure) {
        BigDecimal value = figure.value();
        if (value == null) {
            return t.get("factsheet.notAvailable");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            NumberFormat millions = Formats.decimals(locale, 2);
            return t.get("factsheetpdf.millions", millions.format(value.divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP)));
        }
        return t.get("factsheetpdf.usd", integers().format(value));
    }

    String percent(@Nullable Double value) {
        if (value == null) {
            return t.get("factsheet.notAvailable");
        }
        return Formats.percent(locale, value);
    }
}
