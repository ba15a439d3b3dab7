package org.protectioncases.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Visit drafts on the real database: saved and updated as the form is filled, complete when
 * resumed, private to the user who typed them (not a colleague, not another partner, not UNHCR),
 * gone once recorded or discarded, and audited.
 */
@SpringBootTest
class VisitDraftServiceIT extends ActingUsers {

    @Autowired
    VisitDraftService drafts;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private static VisitForm halfFilled(String place) {
        return new VisitForm(LocalDate.of(2026, 11, 30), Set.of("monitor.krct"), LocationType.BORDER_CROSSING_POINT, "POD", null, place,
                VisitPurpose.BORDER_MONITORING, new OthersMet(0, 1, 0, 2, 0, 0, 0, 3, 5, 0), Set.of(ProtectionConcern.DOCUMENTATION),
                "Deportee without documents", null, false, null, 37, 9, null, List.of(),
                // A referral being typed on the form: kept in the draft as it is, complete or not.
                List.of(new VisitFormReferral(null, org.protectioncases.cases.ReferralTarget.ICRC, "Family trac")));
    }

    private long audited(String action, long draftId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_type = 'visit_draft' and entity_id = ?")
                .params(action, String.valueOf(draftId)).query(Long.class).single();
    }

    @Test
    void aDraftIsSavedUpdatedResumedCompleteAndDiscardedByItsOwnerOnly() {
        String place = "Merdare " + System.nanoTime() % 100000;
        long id = as("monitor.krct", () -> drafts.save(null, halfFilled("Mer")));
        long same = as("monitor.krct", () -> drafts.save(id, halfFilled(place)));
        assertThat(same).isEqualTo(id);

        VisitDraftSummary resumed = as("monitor.krct", () -> drafts.resume(id)).orElseThrow();
        assertThat(resumed.form()).isEqualTo(halfFilled(place));
        assertThat(as("monitor.krct", () -> drafts.mine())).extracting(VisitDraftSummary::id).contains(id);

        // A colleague of the same partner, another partner's monitor and UNHCR see nothing of it.
        assertThat(as("coordinator.krct", () -> drafts.mine())).extracting(VisitDraftSummary::id).doesNotContain(id);
        assertThat(as("coordinator.krct", () -> drafts.resume(id))).isEmpty();
        assertThat(as("monitor.at", () -> drafts.resume(id))).isEmpty();
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> drafts.mine())).isInstanceOf(AccessDeniedException.class);
        // Saving into someone else's draft starts a new one of one's own instead of overwriting it.
        long other = as("monitor.at", () -> drafts.save(id, halfFilled("Jarinje")));
        assertThat(other).isNotEqualTo(id);
        as("coordinator.krct", () -> {
            drafts.discard(id, null);
            return null;
        });
        assertThat(as("monitor.krct", () -> drafts.resume(id))).isPresent();

        as("monitor.krct", () -> {
            drafts.discard(id, 4711L);
            return null;
        });
        assertThat(as("monitor.krct", () -> drafts.resume(id))).isEmpty();
        assertThat(audited("VISIT_DRAFT_STARTED", id)).isEqualTo(1);
        // Resumed twice by its owner: at first, and to see it survived the coordinator's discard.
        assertThat(audited("VISIT_DRAFT_RESUMED", id)).isEqualTo(2);
        assertThat(audited("VISIT_DRAFT_RECORDED", id)).isEqualTo(1);
        as("monitor.at", () -> {
            drafts.discard(other, null);
            return null;
        });
        assertThat(audited("VISIT_DRAFT_DISCARDED", other)).isEqualTo(1);
    }
}
