package org.protectioncases.legal;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's table of Kosovo public holidays, the reference data working-day deadlines
 * are computed over (see {@link DeadlineCalculator}): listed by year, added and removed, each change
 * audited. Deadlines already confirmed are not recomputed: the lawyer confirmed a date.
 */
@Service
public class PublicHolidayService {

    private final PublicHolidayRepository holidays;
    private final AuditService audit;

    PublicHolidayService(PublicHolidayRepository holidays, AuditService audit) {
        this.holidays = holidays;
        this.audit = audit;
    }

    /** The years the table has holidays for, oldest first. */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return holidays.years();
    }

    /** The holidays of a year, in date order (a year has about fifteen). */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional(readOnly = true)
    public List<PublicHolidayDto> inYear(int year) {
        return holidays.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Adds a holiday; one per day, within {@link PublicHolidayDto#FIRST_YEAR}–{@link PublicHolidayDto#LAST_YEAR}. */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional
    public PublicHolidayDto add(@Valid PublicHolidayDto holiday) {
        String name = holiday.name() == null ? "" : holiday.name().strip();
        String note = holiday.note() == null || holiday.note().isBlank() ? null : holiday.note().strip();
        LocalDate date = holiday.date();
        new FieldErrors()
                .rejectIf(date == null, "date", "validation.required")
                .rejectIf(date != null && (date.getYear() < PublicHolidayDto.FIRST_YEAR || date.getYear() > PublicHolidayDto.LAST_YEAR),
                        "date", "legal.holiday.validation.year")
                .rejectIf(date != null && holidays.exists(date), "date", "legal.holiday.validation.exists")
                .rejectIf(name.isEmpty(), "name", "validation.required")
                .rejectIf(holiday.kind() == null, "kind", "validation.required")
                .throwIfAny();
        PublicHolidayDto.Kind kind = Objects.requireNonNull(holiday.kind());
        holidays.insert(date, name, kind, note);
        audit.record("PUBLIC_HOLIDAY_ADDED", "public_holiday", date, kind + ": " + name + (note == null ? "" : " (" + note + ")"));
        return new PublicHolidayDto(date, name, kind, note);
    }

    /** Removes the holiday on {@code date}; false if there was none. */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional
    public boolean remove(LocalDate date) {
        Optional<String> removed = holidays.delete(date);
        removed.ifPresent(what -> audit.record("PUBLIC_HOLIDAY_REMOVED", "public_holiday", date, what));
        return removed.isPresent();
    }
}
