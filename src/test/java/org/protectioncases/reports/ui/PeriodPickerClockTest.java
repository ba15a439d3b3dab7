package org.protectioncases.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The default report period is "this year so far" by the injected clock, in the clock's zone: on
 * 31 December the whole year, half an hour after midnight in Kosovo (still 31 December in UTC) the
 * first day of the new one, and a period never reaches past today.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class PeriodPickerClockTest extends SpringBrowserlessTest {

    private static final ZoneId KOSOVO = ZoneId.of("Europe/Belgrade");

    private static PeriodPicker at(String instant) {
        return new PeriodPicker(Clock.fixed(Instant.parse(instant), KOSOVO));
    }

    @Test
    void onTheLastDayOfTheYearTheDefaultIsTheWholeYear() {
        PeriodPicker picker = at("2026-12-31T22:59:00Z"); // 23:59 in Prishtina
        assertThat(picker.year.getValue()).isEqualTo(2026);
        assertThat(picker.quarter.getValue()).isEqualTo(4);
        assertThat(picker.month.getValue()).isEqualTo(Month.DECEMBER);
        assertThat(picker.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(picker.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(picker.year.getListDataView().getItems().toList()).first().isEqualTo(2026);
    }

    @Test
    void justAfterMidnightOnTheFirstOfJanuaryTheDefaultIsTheNewYearsFirstDay() {
        PeriodPicker picker = at("2026-12-31T23:30:00Z"); // 00:30 on 1 January 2027 in Prishtina
        assertThat(picker.year.getValue()).isEqualTo(2027);
        assertThat(picker.quarter.getValue()).isEqualTo(1);
        assertThat(picker.month.getValue()).isEqualTo(Month.JANUARY);
        assertThat(picker.from()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(picker.to()).isEqualTo(LocalDate.of(2027, 1, 1));
        // The year before is still offered whole.
        picker.setYear(2026);
        assertThat(picker.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(picker.to()).isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
