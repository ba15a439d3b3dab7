package org.protectioncases.legal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Time entries on a case (drafting, court, travel, phone, other), by the user who did the work. */
@Service
public class TimeEntryService {

    /** At most this many entries are listed on a case page (newest first). */
    public static final int CASE_LIST_MAX = 500;

    private final JdbcClient jdbc;
    private final LegalAccess access;
    private final AuditService audit;
    private final Clock clock;

    TimeEntryService(JdbcClient jdbc, LegalAccess access, AuditService audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<TimeEntryDto> forCase(long caseId) {
        access.readable(caseId);
        return jdbc.sql("select * from case_time_entry where case_id = :c order by worked_on desc, id desc limit :l")
                .param("c", caseId).param("l", CASE_LIST_MAX)
                .query((rs, i) -> new TimeEntryDto(rs.getLong("id"), rs.getLong("case_id"), rs.getObject("worked_on", LocalDate.class),
                        rs.getInt("minutes"), WorkKind.valueOf(rs.getString("kind")), rs.getString("note"), rs.getString("lawyer")))
                .list();
    }

    /** Minutes on the case by kind (all entries, summed in SQL). */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public Map<WorkKind, Integer> totals(long caseId) {
        access.readable(caseId);
        Map<WorkKind, Integer> totals = new EnumMap<>(WorkKind.class);
        jdbc.sql("select kind, sum(minutes) as m from case_time_entry where case_id = :c group by kind").param("c", caseId)
                .query(rs -> {
                    totals.put(WorkKind.valueOf(rs.getString("kind")), rs.getInt("m"));
                });
        return totals;
    }

    /** Records time on a case the user may change; held back by an uncleared conflict like other legal work. */
    @Allowed(Permission.WORK_ON_CASES)
    @Transactional
    public TimeEntryDto add(long caseId, @Valid TimeEntryDto.Form form) {
        CaseSummary c = access.workable(caseId, "workedOn");
        LocalDate today = LocalDate.now(clock);
        LocalDate on = form.workedOn() == null ? today : form.workedOn();
        new FieldErrors()
                .rejectIf(on.isBefore(c.openedOn()), "workedOn", "legal.validation.beforeCase")
                .throwIfAny();
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        String lawyer = access.user().getUsername();
        long id = jdbc.sql("""
                        insert into case_time_entry (case_id, worked_on, minutes, kind, note, lawyer)
                        values (:c, :on, :m, :k, :n, :u) returning id""")
                .param("c", caseId).param("on", on).param("m", form.minutes()).param("k", Objects.requireNonNull(form.kind()).name())
                .param("n", note).param("u", lawyer).query(Long.class).single();
        audit.recordMessage("TIME_ENTRY_ADDED", "case", caseId, new AuditMessage("history.legal.time",
                List.of(String.valueOf(form.minutes()), AuditMessage.keys(List.of(form.kind().messageKey())), Formats.date(on)),
                form.minutes() + " min " + form.kind() + " on " + on));
        return new TimeEntryDto(id, caseId, on, Objects.requireNonNull(form.minutes()), form.kind(), note, lawyer);
    }
}
