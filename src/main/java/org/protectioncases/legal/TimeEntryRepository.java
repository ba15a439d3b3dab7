package org.protectioncases.legal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Time entries on cases, in SQL (row-level security scopes case_time_entry). */
@Repository
class TimeEntryRepository {

    private final JdbcClient jdbc;

    TimeEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's entries, newest first, at most {@code limit}. */
    List<TimeEntryDto> forCase(long caseId, int limit) {
        return jdbc.sql("select * from case_time_entry where case_id = :c order by worked_on desc, id desc limit :l")
                .param("c", caseId).param("l", limit)
                .query((rs, i) -> new TimeEntryDto(rs.getLong("id"), rs.getLong("case_id"), rs.getObject("worked_on", LocalDate.class),
                        rs.getInt("minutes"), WorkKind.valueOf(rs.getString("kind")), rs.getString("note"), rs.getString("lawyer")))
                .list();
    }

    /** Minutes on the case by kind (all entries, summed in SQL). */
    Map<WorkKind, Integer> totals(long caseId) {
        Map<WorkKind, Integer> totals = new EnumMap<>(WorkKind.class);
        jdbc.sql("select kind, sum(minutes) as m from case_time_entry where case_id = :c group by kind").param("c", caseId)
                .query(rs -> {
                    totals.put(WorkKind.valueOf(rs.getString("kind")), rs.getInt("m"));
                });
        return totals;
    }

    long insert(long caseId, LocalDate on, int minutes, WorkKind kind, @Nullable String note, String lawyer) {
        return jdbc.sql("""
                        insert into case_time_entry (case_id, worked_on, minutes, kind, note, lawyer)
                        values (:c, :on, :m, :k, :n, :u) returning id""")
                .param("c", caseId).param("on", on).param("m", minutes).param("k", kind.name())
                .param("n", note).param("u", lawyer).query(Long.class).single();
    }
}
