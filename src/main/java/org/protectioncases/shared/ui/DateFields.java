package org.protectioncases.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;

/**
 * Every date, time and date-time field of the app is made here, so that all of them show
 * {@code dd.MM.yyyy} and the 24-hour clock, start weeks on Monday, speak the user's language and
 * accept the ways people type dates: {@code 14.03.1988}, {@code 14.3.1988}, {@code 14.03.1988.}
 * (Serbian), {@code 14/03/1988} and {@code 1988-03-14}; two-digit years too ({@code 14.3.88}, the
 * century chosen around today by the picker). The calendar opens from its button, not on focus,
 * because most dates here are copied from a document and typed.
 */
public final class DateFields {

    /** The patterns the date fields read, the shown one first (date-fns patterns, as the picker uses). */
    public static final List<String> ACCEPTED = List.of("d.M.yyyy", "d.M.yyyy.", "d/M/yyyy", "yyyy-M-d");

    private DateFields() {
    }

    public static DatePicker date() {
        return localize(new DatePicker());
    }

    public static DatePicker date(String label) {
        return localize(new DatePicker(label));
    }

    public static DatePicker date(String label, @Nullable LocalDate value) {
        return localize(new DatePicker(label, value));
    }

    /** A date and a time (24-hour, in steps of {@code step}, typed minutes still accepted). */
    public static DateTimePicker dateTime(Duration step) {
        DateTimePicker field = new DateTimePicker();
        Locale locale = locale();
        field.setLocale(locale);
        field.setDatePickerI18n(i18n(locale));
        field.setI18n(new DateTimePicker.DateTimePickerI18n()
                .setDateLabel(AppI18NProvider.text(locale, "calendar.date"))
                .setTimeLabel(AppI18NProvider.text(locale, "calendar.time"))
                .setBadInputErrorMessage(AppI18NProvider.text(locale, "calendar.badDateTime"))
                .setIncompleteInputErrorMessage(AppI18NProvider.text(locale, "calendar.incompleteDateTime")));
        field.setStep(step);
        field.setAutoOpen(false);
        return field;
    }

    public static TimePicker time(String label) {
        TimePicker field = new TimePicker(label);
        Locale locale = locale();
        // The time picker formats through the browser's Intl for language-country only
        // ("sq-XK", "sr-XK", "en-GB"): all three are 24-hour.
        field.setLocale(locale);
        field.setI18n(new TimePicker.TimePickerI18n().setBadInputErrorMessage(AppI18NProvider.text(locale, "calendar.badTime")));
        field.setAutoOpen(false);
        return field;
    }

    /** Applies the app's date conventions to a picker made elsewhere (e.g. inside a component). */
    public static <T extends DatePicker> T localize(T picker) {
        Locale locale = locale();
        picker.setLocale(locale);
        picker.setI18n(i18n(locale));
        picker.setAutoOpen(false);
        return picker;
    }

    /** The date picker texts and formats for a language; the names come from the message bundles. */
    public static DatePicker.DatePickerI18n i18n(Locale locale) {
        return new DatePicker.DatePickerI18n()
                .setDateFormats(Formats.DATE_PATTERN, ACCEPTED.toArray(String[]::new))
                .setFirstDayOfWeek(1)
                .setMonthNames(Formats.monthNames(locale))
                .setWeekdays(Formats.weekdays(locale))
                .setWeekdaysShort(Formats.weekdaysShort(locale))
                .setToday(AppI18NProvider.text(locale, "calendar.today"))
                .setCancel(AppI18NProvider.text(locale, "common.cancel"))
                .setBadInputErrorMessage(AppI18NProvider.text(locale, "calendar.badDate"));
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return Language.of(ui == null ? Locale.ENGLISH : ui.getLocale()).locale();
    }
}
