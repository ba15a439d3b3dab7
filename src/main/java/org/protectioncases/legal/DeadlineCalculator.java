package org.protectioncases.legal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Computes a deadline from the day a decision was served. The period starts the day after service
 * (the day of service does not count). Counted in calendar days, a deadline whose last day is a
 * Saturday, Sunday or public holiday moves to the next working day: the rule of Kosovo's procedure
 * laws (Law No. 03/L-006 on Contested Procedure and Law No. 05/L-031 on General Administrative
 * Procedure, on the computation of time limits; see docs/legal.md). Counted in working days, only
 * Monday–Friday days that are not holidays count, so the last day is always a working day.
 */
public final class DeadlineCalculator {

    private final Set<LocalDate> holidays;

    /** @param holidays the public holidays (and substitute days off) that cover the period computed */
    public DeadlineCalculator(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The last day to act, for a period of {@code days} (at least 1) from service on {@code servedOn}. */
    public LocalDate due(LocalDate servedOn, int days, DayCount count) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        LocalDate day = servedOn;
        if (count == DayCount.CALENDAR) {
            day = servedOn.plusDays(days);
        } else {
            for (int left = days; left > 0; ) {
                day = day.plusDays(1);
                if (isWorkingDay(day)) {
                    left--;
                }
            }
        }
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** How many days the computation may look ahead, to load enough holidays: weekends and holiday runs included. */
    static int horizon(int days) {
        return days * 2 + 30;
    }
}
