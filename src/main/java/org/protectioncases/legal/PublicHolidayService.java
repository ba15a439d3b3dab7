package org.protectioncases.legal;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's table of Kosovo public holidays, the reference data working-day deadlines
 * are computed over (see {@link DeadlineCalculator}): listed by year, added and removed, each change
 * audited. Deadlines already confirmed are not recomputed: the lawyer confirmed a date.
 */
@Service
public class PublicHolidayService {

    private final JdbcClient jdbc;
    private final AuditService audit;

    PublicHolidayService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The years the table has holidays for, oldest first. */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return jdbc.sql("select distinct extract(year from holiday_date)::integer from public_holiday order by 1").query(Integer.class).list();
    }

    /** The holidays of a year, in date order (a year has about fifteen). */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional(readOnly = true)
    public List<PublicHolidayDto> inYear(int year) {
        return jdbc.sql("select holiday_date, name, kind, note from public_holiday where holiday_date between :f and :t order by holiday_date")
                .param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31))
                .query((rs, i) -> new PublicHolidayDto(rs.getObject(1, LocalDate.class), rs.getString(2),
                        PublicHolidayDto.Kind.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
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
                .rejectIf(date != null && exists(date), "date", "legal.holiday.validation.exists")
                .rejectIf(name.isEmpty(), "name", "validation.required")
                .rejectIf(holiday.kind() == null, "kind", "validation.required")
                .throwIfAny();
        PublicHolidayDto.Kind kind = Objects.requireNonNull(holiday.kind());
        jdbc.sql("insert into public_holiday (holiday_date, name, kind, note) values (:d, :n, :k, :note)")
                .param("d", date).param("n", name).param("k", kind.name()).param("note", note).update();
        audit.record("PUBLIC_HOLIDAY_ADDED", "public_holiday", date, kind + ": " + name + (note == null ? "" : " (" + note + ")"));
        return new PublicHolidayDto(date, name, kind, note);
    }

    /** Removes the holiday on {@code date}; false if there was none. */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional
    public boolean remove(LocalDate date) {
        List<String> removed = jdbc.sql("delete from public_holiday where holiday_date = :d returning kind || ': ' || name")
                .param("d", date).query(String.class).list();
        removed.forEach(what -> audit.record("PUBLIC_HOLIDAY_REMOVED", "public_holiday", date, what));
        return !removed.isEmpty();
    }

    private boolean exists(LocalDate date) {
        return jdbc.sql("select count(*) from public_holiday where holiday_date = :d").param("d", date).query(Integer.class).single() > 0;
    }
}
