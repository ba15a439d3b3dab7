package org.protectioncases.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.datepicker.DatePicker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.protectioncases.shared.i18n.Language;

/** Every date field shows dd.MM.yyyy, reads the common ways of typing a date and speaks the language. */
class DateFieldsTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void datePickersShowDayMonthYearAndStartOnMonday(Language language) {
        DatePicker.DatePickerI18n i18n = DateFields.i18n(language.locale());
        assertThat(i18n.getDateFormats()).containsExactly("dd.MM.yyyy", "d.M.yyyy", "d.M.yyyy.", "d/M/yyyy", "yyyy-M-d");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getMonthNames()).hasSize(12);
        assertThat(i18n.getWeekdays()).hasSize(7);
        assertThat(i18n.getBadInputErrorMessage()).contains("14.03.1988");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"SQ", "SR", "SR_CYRL"})
    void calendarTextsAreTranslated(Language language) {
        DatePicker.DatePickerI18n english = DateFields.i18n(Language.EN.locale());
        DatePicker.DatePickerI18n i18n = DateFields.i18n(language.locale());
        assertThat(i18n.getMonthNames()).doesNotContainAnyElementsOf(english.getMonthNames());
        assertThat(i18n.getWeekdaysShort()).doesNotContainAnyElementsOf(english.getWeekdaysShort());
        assertThat(i18n.getToday()).isNotEqualTo(english.getToday());
        assertThat(i18n.getCancel()).isNotEqualTo(english.getCancel());
    }
}
