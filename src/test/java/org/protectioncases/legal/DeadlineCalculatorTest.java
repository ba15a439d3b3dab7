package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deadline computation over Kosovo's public holidays (the dates below are rows of
 * db-changelog/legal/2026-12-02-32-hearings-deadlines.sql). The period starts the day after
 * service; a last day on a weekend or holiday moves to the next working day.
 */
class DeadlineCalculatorTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private final DeadlineCalculator calc = new DeadlineCalculator(Set.of(
            d("2025-04-20"), d("2025-04-21"),                 // Easter (both churches) on Sunday, Monday off
            d("2025-12-25"), d("2026-01-01"), d("2026-01-02"), d("2026-01-07"), d("2026-02-17"),
            d("2026-03-20")));                                 // Eid al-Fitr 2026

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        // Served Friday 19.12.2025: Mon 22, Tue 23, Wed 24, (Thu 25 Christmas), Fri 26, Mon 29.
        assertThat(calc.due(d("2025-12-19"), 5, DayCount.WORKING)).isEqualTo(d("2025-12-29"));
    }

    @Test
    void workingDaysAcrossTheYearEnd() {
        // Served Monday 29.12.2025: 30, 31, (1 and 2 January, weekend), 5, 6, (7 January Orthodox Christmas), 8.
        assertThat(calc.due(d("2025-12-29"), 5, DayCount.WORKING)).isEqualTo(d("2026-01-08"));
    }

    @Test
    void calendarDaysEndingOnASaturdayMoveToMonday() {
        assertThat(calc.due(d("2026-03-06"), 15, DayCount.CALENDAR)).isEqualTo(d("2026-03-23"));
    }

    @Test
    void calendarDaysEndingOnAHolidayMoveToTheNextWorkingDay() {
        // 18 days from 30.01.2026 end on Independence Day (Tuesday 17.02.2026).
        assertThat(calc.due(d("2026-01-30"), 18, DayCount.CALENDAR)).isEqualTo(d("2026-02-18"));
        // 15 days from 17.12.2025 end on New Year: 1 and 2 January, then the weekend, so Monday 5 January.
        assertThat(calc.due(d("2025-12-17"), 15, DayCount.CALENDAR)).isEqualTo(d("2026-01-05"));
        // Easter Sunday and its Monday off.
        assertThat(calc.due(d("2025-04-06"), 14, DayCount.CALENDAR)).isEqualTo(d("2025-04-22"));
        // Eid al-Fitr on a Friday, then the weekend.
        assertThat(calc.due(d("2026-03-05"), 15, DayCount.CALENDAR)).isEqualTo(d("2026-03-23"));
    }

    @Test
    void theDayOfServiceDoesNotCountAndAWorkingLastDayStays() {
        assertThat(calc.due(d("2026-03-02"), 1, DayCount.CALENDAR)).isEqualTo(d("2026-03-03"));
        assertThat(calc.due(d("2026-03-02"), 1, DayCount.WORKING)).isEqualTo(d("2026-03-03"));
        // Served on a Saturday: one working day is Monday.
        assertThat(calc.due(d("2026-03-07"), 1, DayCount.WORKING)).isEqualTo(d("2026-03-09"));
        assertThat(calc.isWorkingDay(d("2026-01-07"))).isFalse();
        assertThat(calc.isWorkingDay(d("2026-01-08"))).isTrue();
    }

    @Test
    void aPeriodMustBeAtLeastOneDay() {
        assertThatThrownBy(() -> calc.due(d("2026-03-02"), 0, DayCount.CALENDAR)).isInstanceOf(IllegalArgumentException.class);
    }
}
