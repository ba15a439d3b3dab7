package org.protectioncases.cases;

import java.util.List;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonsAnonymised;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clears what the cases of anonymised people say about them, in the anonymisation's transaction:
 * summaries, confidential notes, authorities, type details, reasons of status changes, referrals
 * and transfers, attachments, audit details. Type, status, outcome, priority, partner, assignee and
 * every date stay: the activity report counts them.
 */
@Component
class CaseAnonymisationListener {

    /** Not-null reason columns get this instead of the text. */
    static final String REMOVED = "—";

    private final JdbcClient jdbc;
    private final AttachmentService attachments;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    CaseAnonymisationListener(JdbcClient jdbc, AttachmentService attachments, AuditService audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void on(PersonsAnonymised event) {
        Long[] people = event.personIds().toArray(Long[]::new);
        List<Long> cases = jdbc.sql("select id from protection_case where principal_person_id = any(cast(:p as bigint[]))")
                .param("p", people).query(Long.class).list();
        jdbc.sql("update referral set reason = :r, updated_at = now(), version = version + 1"
                        + " where person_id = any(cast(:p as bigint[])) and reason <> :r")
                .param("p", people).param("r", REMOVED).update();
        if (cases.isEmpty()) {
            return;
        }
        scrub(cases);
    }

    /** Also the retention of closed cases: the case's texts and files go, its figures stay. */
    void scrub(List<Long> cases) {
        Long[] ids = cases.toArray(Long[]::new);
        jdbc.sql("update protection_case set summary = null, confidential_note = null, authority = null, type_details = '{}',"
                        + " updated_at = now(), version = version + 1 where id = any(cast(:c as bigint[]))")
                .param("c", ids).update();
        jdbc.sql("update case_status_change set reason = null where case_id = any(cast(:c as bigint[])) and reason is not null")
                .param("c", ids).update();
        jdbc.sql("update referral set reason = :r, updated_at = now(), version = version + 1"
                        + " where case_id = any(cast(:c as bigint[])) and reason <> :r")
                .param("c", ids).param("r", REMOVED).update();
        jdbc.sql("update case_transfer set reason = :r, decision_note = null where case_id = any(cast(:c as bigint[]))")
                .param("c", ids).param("r", REMOVED).update();
        attachments.purge(CaseAttachmentPolicy.KIND, cases);
        audit.scrubDetails("case", cases);
        events.publishEvent(new CasesAnonymised(List.copyOf(cases)));
    }
}
