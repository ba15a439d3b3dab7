package org.protectioncases.counselling;

import java.util.List;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CasesAnonymised;
import org.protectioncases.people.PersonsAnonymised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clears the sessions of anonymised people (theirs, and those of their cases) in the anonymisation's
 * transaction: summary, outcome, next steps, confidential note, interpreter language, attachments,
 * audit details. Time, duration, mode, aid type, topics, counsellor and attendees stay: the activity
 * report counts them. Sessions where the person only attended keep their text: it is about someone else's case.
 */
@Component
class SessionAnonymisationListener {

    private final JdbcClient jdbc;
    private final AttachmentService attachments;
    private final AuditService audit;

    SessionAnonymisationListener(JdbcClient jdbc, AttachmentService attachments, AuditService audit) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.audit = audit;
    }

    /** The person's own sessions; those of their cases follow through {@link CasesAnonymised}. */
    @EventListener
    void on(PersonsAnonymised event) {
        clear(jdbc.sql("select s.id from counselling_session s where s.person_id = any(cast(:p as bigint[]))")
                .param("p", event.personIds().toArray(Long[]::new)).query(Long.class).list());
    }

    @EventListener
    void on(CasesAnonymised event) {
        // Sessions begun on these cases and never saved: their text goes too.
        jdbc.sql("delete from session_draft where case_id = any(cast(:c as bigint[]))")
                .param("c", event.caseIds().toArray(Long[]::new)).update();
        clear(jdbc.sql("select s.id from counselling_session s where s.case_id = any(cast(:c as bigint[]))")
                .param("c", event.caseIds().toArray(Long[]::new)).query(Long.class).list());
    }

    private void clear(List<Long> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        jdbc.sql("update counselling_session set summary = null, outcome = null, next_steps = null, confidential_note = null,"
                        + " interpreter_language = null, updated_at = now(), version = version + 1 where id = any(cast(:s as bigint[]))")
                .param("s", sessions.toArray(Long[]::new)).update();
        attachments.purge(SessionAttachmentPolicy.KIND, sessions);
        audit.scrubDetails("session", sessions);
    }
}
