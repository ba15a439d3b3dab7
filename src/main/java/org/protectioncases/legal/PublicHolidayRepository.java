package org.protectioncases.legal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Kosovo's public holidays in SQL: the administrators' table and what deadlines are counted over (reference data, not partner data). */
@Repository
class PublicHolidayRepository {

    private final JdbcClient jdbc;

    PublicHolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Integer> years() {
        return jdbc.sql("select distinct extract(year from holiday_date)::integer from public_holiday order by 1").query(Integer.class).list();
    }

    List<PublicHolidayDto> between(LocalDate from, LocalDate to) {
        return jdbc.sql("select holiday_date, name, kind, note from public_holiday where holiday_date between :f and :t order by holiday_date")
                .param("f", from).param("t", to)
                .query((rs, i) -> new PublicHolidayDto(rs.getObject(1, LocalDate.class), rs.getString(2),
                        PublicHolidayDto.Kind.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
    }

    boolean exists(LocalDate date) {
        return jdbc.sql("select exists (select 1 from public_holiday where holiday_date = :d)").param("d", date).query(Boolean.class).single();
    }

    void insert(LocalDate date, String name, PublicHolidayDto.Kind kind, @Nullable String note) {
        jdbc.sql("insert into public_holiday (holiday_date, name, kind, note) values (:d, :n, :k, :note)")
                .param("d", date).param("n", name).param("k", kind.name()).param("note", note).update();
    }

    /** Deletes the holiday on {@code date}; what it was ("KIND: name"), if there was one. */
    Optional<String> delete(LocalDate date) {
        return jdbc.sql("delete from public_holiday where holiday_date = :d returning kind || ': ' || name")
                .param("d", date).query(String.class).optional();
    }

    /** The holiday dates from {@code from} to {@code to}, both included. */
    Set<LocalDate> dates(LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("select holiday_date from public_holiday where holiday_date between :f and :t")
                .param("f", from).param("t", to).query(LocalDate.class).list());
    }

    /** The last day the holiday table covers (the end of its last year). */
    LocalDate knownUntil() {
        Integer year = jdbc.sql("select max(extract(year from holiday_date))::integer from public_holiday").query(Integer.class).single();
        return year == null ? LocalDate.MIN : LocalDate.of(year, 12, 31);
    }
}
