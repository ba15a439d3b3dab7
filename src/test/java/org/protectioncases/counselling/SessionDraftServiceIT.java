package org.protectioncases.counselling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Session drafts on the real database (issue #14): kept per user and case as the dialog is filled,
 * complete when read back, private to the user who typed them (not a colleague, not another
 * partner, not UNHCR), gone once the session is logged or the draft discarded, and audited.
 */
@SpringBootTest
class SessionDraftServiceIT extends ActingUsers {

    @Autowired
    SessionDraftService drafts;
    @Autowired
    CounsellingService sessions;
    @Autowired
    PersonService people;
    @Autowired
    TestRecords records;
    /** Fixtures read and written as the tables' owner, past row-level security (the app's pool sees no row outside a transaction). */
    @Autowired
    @org.protectioncases.support.OwnerDatabase
    JdbcClient jdbc;

    private CaseDetails crpkCase() {
        return records.openCase("lawyer.crpk", person("Draft", "Session", Sex.FEMALE, LocalDate.of(1979, 6, 2),
                Community.ASHKALI, "FER"),
                id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Birth registration", null, null,
                LocalDate.now().minusDays(10)));
    }

    /** One time for every form the test types and expects back (two now() calls a second apart made it flaky). */
    private static final LocalDateTime HELD_AT = LocalDateTime.now().minusHours(1).withNano(0);

    private static SessionForm typed(String summary) {
        return new SessionForm(HELD_AT, 30, SessionMode.OFFICE, LegalAidType.COUNSELLING,
                EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION), Set.of(), false, null, summary, null, null, null, "Afraid of the landlord");
    }

    private long audited(String action, long caseId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_type = 'session_draft' and details like ?")
                .params(action, "%case#" + caseId + "%").query(Long.class).single();
    }

    @Test
    void aDraftIsKeptPerCaseUpdatedReadBackCompleteAndPrivateToItsOwner() {
        CaseDetails c = crpkCase();
        assertThat(as("lawyer.crpk", () -> drafts.save(c.id(), typed("Explained the")))).isTrue();
        assertThat(as("lawyer.crpk", () -> drafts.save(c.id(), typed("Explained the late registration")))).isTrue();

        SessionDraft back = as("lawyer.crpk", () -> drafts.forCase(c.id())).orElseThrow();
        assertThat(back.form()).isEqualTo(typed("Explained the late registration"));
        assertThat(back.caseNo()).isEqualTo(c.summary().caseNo());
        assertThat(as("lawyer.crpk", () -> drafts.mine())).extracting(SessionDraft::caseId).containsOnlyOnce(c.id());
        assertThat(audited("SESSION_DRAFT_STARTED", c.id())).as("started once, the autosaves are not audited").isEqualTo(1);

        // A colleague of the same partner, another partner's lawyer and UNHCR see nothing of it.
        assertThat(as("coordinator.crpk", () -> drafts.forCase(c.id()))).isEmpty();
        assertThat(as("coordinator.crpk", () -> drafts.mine())).extracting(SessionDraft::caseId).doesNotContain(c.id());
        assertThat(as("lawyer.at", () -> drafts.forCase(c.id()))).isEmpty();
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> drafts.mine())).isInstanceOf(AccessDeniedException.class);
        // Another partner cannot keep a draft on this case at all; a colleague's discard leaves it.
        assertThat(as("lawyer.at", () -> drafts.save(c.id(), typed("Not our case")))).isFalse();
        as("coordinator.crpk", () -> {
            drafts.discard(c.id());
            return null;
        });
        assertThat(as("lawyer.crpk", () -> drafts.forCase(c.id()))).isPresent();
        assertThat(jdbc.sql("select count(*) from session_draft where case_id = ?").param(c.id()).query(Long.class).single())
                .as("one row: the owner's").isEqualTo(1);
    }

    @Test
    void loggingTheSessionRemovesItsDraftAndDiscardingAuditsIt() {
        CaseDetails c = crpkCase();
        as("lawyer.crpk", () -> drafts.save(c.id(), typed("Half typed")));
        SessionDto logged = as("lawyer.crpk", () -> sessions.log(c.id(), typed("Explained the late registration")));
        assertThat(as("lawyer.crpk", () -> drafts.forCase(c.id()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SESSION_DRAFT_RECORDED' and details = ?")
                .param("session#" + logged.id()).query(Long.class).single()).isEqualTo(1);

        as("lawyer.crpk", () -> drafts.save(c.id(), typed("Second session, typed and dropped")));
        as("lawyer.crpk", () -> {
            drafts.discard(c.id());
            return null;
        });
        assertThat(as("lawyer.crpk", () -> drafts.forCase(c.id()))).isEmpty();
        assertThat(audited("SESSION_DRAFT_DISCARDED", c.id())).isEqualTo(1);
    }
}
