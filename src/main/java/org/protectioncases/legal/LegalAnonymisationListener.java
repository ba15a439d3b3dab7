package org.protectioncases.legal;

import org.protectioncases.cases.CasesAnonymised;
import org.protectioncases.shared.ui.PersonLabels;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clears the legal records of anonymised cases (a person's anonymisation, or the retention of closed
 * cases) in the same transaction: the names of parties other than authorities (opposing parties,
 * witnesses, representatives are people), hearing titles, places and rooms, time-entry notes, and the
 * names kept in conflict-check records, on the case and where another case of the partner matched it.
 * Kinds, dates, durations and authorities stay, so the calendar's history and the hours still count.
 * An anonymised opposing party no longer matches a conflict check: its name is gone, and leaves the
 * conflict check's name dictionary through its trigger (legal/2026-12-04-02).
 */
@Component
class LegalAnonymisationListener {

    /** What a cleared hearing or deadline title reads (the kind still says what it was). */
    static final String REMOVED = "—";

    private final JdbcClient jdbc;

    LegalAnonymisationListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CasesAnonymised event) {
        Long[] cases = event.caseIds().toArray(Long[]::new);
        jdbc.sql("update case_party set name = :n, organisation = null where case_id = any(cast(:c as bigint[]))"
                        + " and party_role <> 'AUTHORITY' and name <> :n")
                .param("n", PersonLabels.ANONYMISED).param("c", cases).update();
        jdbc.sql("update case_event set title = :r, place = null, room = null, version = version + 1"
                        + " where case_id = any(cast(:c as bigint[])) and title <> :r")
                .param("r", REMOVED).param("c", cases).update();
        jdbc.sql("update case_time_entry set note = null where case_id = any(cast(:c as bigint[])) and note is not null")
                .param("c", cases).update();
        jdbc.sql("update case_conflict set checked_name = :n, clear_reason = case when clear_reason is null then null else :r end,"
                        + " version = version + 1 where case_id = any(cast(:c as bigint[]))")
                .param("n", PersonLabels.ANONYMISED).param("r", REMOVED).param("c", cases).update();
        jdbc.sql("update case_conflict set matched_name = :n, version = version + 1 where matched_case_id = any(cast(:c as bigint[]))")
                .param("n", PersonLabels.ANONYMISED).param("c", cases).update();
    }
}
