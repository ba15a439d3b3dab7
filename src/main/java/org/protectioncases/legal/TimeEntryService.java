package org.protectioncases.legal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Time entries on a case (drafting, court, travel, phone, other), by the user who did the work. */
@Service
public class TimeEntryService {

    /** At most this many entries are listed on a case page (newest first). */
    public static final int CASE_LIST_MAX = 500;

    private final TimeEntryRepository entries;
    private final LegalAccess access;
    private final AuditService audit;
    private final Clock clock;

    TimeEntryService(TimeEntryRepository entries, LegalAccess access, AuditService audit, ObjectProvider<Clock> clock) {
        this.entries = entries;
        this.access = access;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public List<TimeEntryDto> forCase(long caseId) {
        access.readable(caseId);
        return entries.forCase(caseId, CASE_LIST_MAX);
    }

    /** Minutes on the case by kind (all entries, summed in SQL). */
    @Allowed(Permission.READ_CASES)
    @Transactional(readOnly = true)
    public Map<WorkKind, Integer> totals(long caseId) {
        access.readable(caseId);
        return entries.totals(caseId);
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
        long id = entries.insert(caseId, on, Objects.requireNonNull(form.minutes()), Objects.requireNonNull(form.kind()), note, lawyer);
        audit.recordMessage("TIME_ENTRY_ADDED", "case", caseId, new AuditMessage("history.legal.time",
                List.of(String.valueOf(form.minutes()), AuditMessage.keys(List.of(form.kind().messageKey())), Formats.date(on)),
                form.minutes() + " min " + form.kind() + " on " + on));
        return new TimeEntryDto(id, caseId, on, Objects.requireNonNull(form.minutes()), form.kind(), note, lawyer);
    }
}
