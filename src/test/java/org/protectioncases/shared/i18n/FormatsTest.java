package org.protectioncases.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One rule per language for numbers; one for dates in every language. */
class FormatsTest {

    private static final Locale EN = Language.EN.locale();
    private static final Locale SQ = Language.SQ.locale();
    private static final Locale SR = Language.SR.locale();

    @Test
    void numbersAreGroupedAsEachLanguageWritesThem() {
        assertThat(Formats.integer(EN, 9384)).isEqualTo("9,384");
        assertThat(Formats.integer(SQ, 9384)).isEqualTo("9.384");
        assertThat(Formats.integer(SR, 1234567)).isEqualTo("1.234.567");
        assertThat(Formats.decimals(SQ, 2).format(4.08)).isEqualTo("4,08");
        assertThat(Formats.decimals(EN, 2).format(4.08)).isEqualTo("4.08");
        assertThat(Formats.percent(SR, 62.0)).isEqualTo("62,0\u00a0%");
        assertThat(Formats.percent(EN, 51.25)).isEqualTo("51.3\u00a0%");
        assertThat(Formats.number(SQ, 1234L)).isEqualTo("1.234");
        assertThat(Formats.number(SQ, 1234.5)).isEqualTo("1.234,5");
    }

    @Test
    void bareAndRegionalLocalesFollowTheLanguage() {
        // Whatever locale reaches a formatter (a PDF request, an old session), the language decides.
        assertThat(Formats.integer(Locale.of("sq"), 9384)).isEqualTo("9.384");
        assertThat(Formats.integer(Locale.forLanguageTag("sr-Cyrl"), 9384)).isEqualTo("9.384");
        assertThat(Formats.integer(Locale.UK, 9384)).isEqualTo("9,384");
        assertThat(Formats.integer(Locale.GERMAN, 9384)).as("unknown languages are English").isEqualTo("9,384");
    }

    @Test
    void datesAreDayMonthYearInEveryLanguage() {
        assertThat(Formats.date(LocalDate.of(1988, 3, 14))).isEqualTo("14.03.1988");
        assertThat(Formats.dateTime(LocalDateTime.of(2026, 12, 2, 14, 5))).isEqualTo("02.12.2026 14:05");
        assertThat(Formats.date((LocalDate) null)).isEmpty();
    }

    @Test
    void reportMonthsAreNamed() {
        assertThat(Formats.month(EN, YearMonth.of(2026, 1))).isEqualTo("January 2026");
        assertThat(Formats.month(SQ, YearMonth.of(2026, 11))).isEqualTo("nëntor 2026");
        assertThat(Formats.month(SR, YearMonth.of(2026, 8))).isEqualTo("avgust 2026");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void calendarNamesAreComplete(Language language) {
        assertThat(Formats.monthNames(language.locale())).hasSize(12).doesNotHaveDuplicates().allMatch(s -> !s.isBlank());
        assertThat(Formats.weekdays(language.locale())).hasSize(7).doesNotHaveDuplicates();
        assertThat(Formats.weekdaysShort(language.locale())).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void languagesCarryKosovoLocales() {
        assertThat(Language.SQ.locale().toLanguageTag()).isEqualTo("sq-XK");
        assertThat(Language.SR.locale().toLanguageTag()).isEqualTo("sr-Latn-XK");
        assertThat(Language.EN.locale().toLanguageTag()).isEqualTo("en-GB");
        assertThat(Language.of(Locale.forLanguageTag("sr-Latn-XK"))).isEqualTo(Language.SR);
        assertThat(Language.of(Locale.of("sq"))).isEqualTo(Language.SQ);
        assertThat(Language.SR_CYRL.locale().toLanguageTag()).isEqualTo("sr-Cyrl-XK");
    }
}
