package org.protectioncases.counselling;

import java.time.LocalDate;
import java.util.List;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseOpenItems;
import org.protectioncases.cases.OpenItem;
import org.protectioncases.shared.i18n.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case's session follow-ups not yet done, as open items: closing the case cancels or keeps
 * each, and marking the case's next action done also marks those due by then. The cases module
 * has checked that the user may change the case.
 */
@Component
class SessionOpenItems implements CaseOpenItems {

    static final String KIND = "SESSION_FOLLOW_UP";

    private final JdbcClient jdbc;
    private final AuditService audit;

    SessionOpenItems(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<OpenItem> openItems(long caseId) {
        return jdbc.sql("""
                        select id, held_at, follow_up_on from counselling_session
                        where case_id = :c and follow_up_on is not null and follow_up_done_at is null
                        order by follow_up_on, id""")
                .param("c", caseId)
                .query((rs, i) -> new OpenItem(KIND, rs.getLong("id"),
                        Formats.DATE.format(rs.getTimestamp("held_at").toLocalDateTime()),
                        rs.getObject("follow_up_on", LocalDate.class), true))
                .list();
    }

    @Override
    public void cancel(long caseId, OpenItem item, String by) {
        int done = jdbc.sql("""
                        update counselling_session set follow_up_done_at = now(), updated_at = now(), version = version + 1
                        where id = :id and case_id = :c and follow_up_done_at is null""")
                .param("id", item.id()).param("c", caseId).update();
        if (done == 1) {
            audit.recordMessage("SESSION_FOLLOW_UP_DONE", "session", item.id(), new AuditMessage("history.session.followUpWithCase", List.of(),
                    "with the case"));
        }
    }
}
