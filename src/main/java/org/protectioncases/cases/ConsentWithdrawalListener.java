package org.protectioncases.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A withdrawn consent takes effect on what is under way (issue #16), in the withdrawal's transaction.
 * New referrals and transfers already need an active consent ({@link ReferralService},
 * {@link CaseTransferService}). Here: a withdrawn consent to transfer cancels the person's pending
 * transfers (the receiving partner can no longer accept them); a withdrawn consent to referral or
 * to data sharing flags the cases with referrals still open (sent or accepted) to their caseworker:
 * the timeline says so and the case's next action becomes due today, so it shows in "My
 * follow-ups". The referral partners themselves are outside the system: the caseworker tells them.
 * Only the cases the withdrawing user's partner may change are touched (row-level security).
 */
@Component
class ConsentWithdrawalListener {

    static final String TRANSFER_CANCELLED = "consent to transfer withdrawn";
    static final String REFERRALS_FLAGGED = "consent withdrawn: tell the partners of open referrals";

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    ConsentWithdrawalListener(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(ConsentWithdrawn event) {
        if (event.scope() == ConsentScope.TRANSFER) {
            List<Long> cases = jdbc.sql("update case_transfer t set status = 'DECLINED', decided_by = :u, decided_at = now(), decision_note = :note"
                            + " from protection_case c where c.id = t.case_id and c.principal_person_id = :p and t.status = 'PENDING'"
                            + " returning t.case_id")
                    .param("u", event.withdrawnBy()).param("note", TRANSFER_CANCELLED).param("p", event.personId())
                    .query(Long.class).list();
            for (long caseId : cases) {
                audit.record("TRANSFER_CANCELLED", "case", caseId, TRANSFER_CANCELLED);
            }
        } else if (event.scope() == ConsentScope.REFERRAL || event.scope() == ConsentScope.DATA_SHARING_UNHCR) {
            List<Long> cases = jdbc.sql("select distinct r.case_id from referral r join protection_case c on c.id = r.case_id"
                            + " where r.person_id = :p and r.status in ('SENT', 'ACCEPTED') and c.status <> 'CLOSED' order by 1")
                    .param("p", event.personId()).query(Long.class).list();
            LocalDate today = LocalDate.now(clock);
            for (long caseId : cases) {
                int flagged = jdbc.sql("update protection_case set next_action_date = least(coalesce(next_action_date, :today), :today),"
                                + " updated_at = now(), version = version + 1 where id = :id")
                        .param("today", today).param("id", caseId).update();
                if (flagged == 0) {
                    continue;
                }
                jdbc.sql("insert into case_status_change (case_id, from_status, to_status, reason, changed_by)"
                                + " select id, status, status, :reason, :u from protection_case where id = :id")
                        .param("reason", REFERRALS_FLAGGED + " (" + event.scope() + ")").param("u", event.withdrawnBy()).param("id", caseId)
                        .update();
                audit.record("REFERRAL_CONSENT_WITHDRAWN", "case", caseId, event.scope() + " withdrawn " + event.withdrawnOn());
            }
        }
    }
}
