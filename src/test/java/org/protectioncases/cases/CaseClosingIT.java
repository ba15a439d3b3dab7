package org.protectioncases.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.followups.TeamOverdue;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.StaffNames;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

/**
 * Issue 13: closing a case shows what is still open and resolves each item explicitly; a closed
 * case is read-only until reopened; a session's follow-up feeds the case's one next action (and so
 * "overdue"); the case list searches by name and number; the coordinator sees overdue work per
 * caseworker; staff are shown by name.
 */
@SpringBootTest
class CaseClosingIT extends ActingUsers {

    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    ReferralService referrals;
    @Autowired
    CounsellingService sessions;
    @Autowired
    PersonService people;
    @Autowired
    ConsentService consents;
    @Autowired
    FollowUpService followUps;
    @Autowired
    StaffNames staffNames;
    @Autowired
    TestRecords records;

    private static final String LAWYER = "lawyer.crpk";

    private PersonDetails person(String given, String family) {
        return records.register(LAWYER, TestRecords.person(given, family, Sex.FEMALE, LocalDate.of(1979, 4, 2),
                Community.ASHKALI, "PRI"));
    }

    private CaseDetails openCase(PersonDetails p) {
        return records.open(LAWYER, new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "Birth certificate",
                null, null, LocalDate.now().minusDays(30)));
    }

    private static SessionForm session(LocalDateTime at, LocalDate followUp) {
        return new SessionForm(at, 30, SessionMode.OFFICE, LegalAidType.ASSISTANCE, EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION),
                Set.of(), false, null, "Explained the procedure", null, "Bring the hospital letter", followUp, null);
    }

    private CaseDetails reread(long id) {
        return as(LAWYER, () -> cases.get(id).orElseThrow());
    }

    @Test
    void closingListsWhatIsOpenAndResolvesEachItemExplicitlyThenTheCaseIsReadOnlyUntilReopened() {
        PersonDetails p = person("Mirlinda", "Closingova");
        as(LAWYER, () -> consents.recordConsent(p.id(), ConsentScope.REFERRAL, LocalDate.now().minusDays(5), null));
        CaseDetails c = openCase(p);
        ReferralDto referral = as(LAWYER, () -> referrals.refer(c.id(), c.version(), ReferralTarget.MUNICIPAL_CIVIL_REGISTRY,
                LocalDate.now().minusDays(2), "Late registration of birth"));
        SessionDto s = as(LAWYER, () -> sessions.log(c.id(), session(LocalDateTime.now().minusDays(1).withNano(0), LocalDate.now().plusDays(5))));

        ClosingCheck check = as(LAWYER, () -> workflow.closingCheck(c.id()));
        assertThat(check.openItems()).extracting(OpenItem::key)
                .containsExactlyInAnyOrder("REFERRAL:" + referral.id(), "SESSION_FOLLOW_UP:" + s.id());
        CaseDetails now = reread(c.id());

        // Every item needs a decision.
        assertThatThrownBy(() -> as(LAWYER, () -> workflow.close(c.id(), now.version(), CaseOutcome.DOCUMENT_OBTAINED, null,
                Set.of("REFERRAL:" + referral.id()), Set.of())))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("openItems", "case.close.undecided"));
        assertThat(reread(c.id()).summary().status()).isEqualTo(CaseStatus.OPEN);

        // Withdraw the referral, keep the follow-up.
        CaseDetails closed = as(LAWYER, () -> workflow.close(c.id(), now.version(), CaseOutcome.DOCUMENT_OBTAINED, "Obtained",
                Set.of("REFERRAL:" + referral.id()), Set.of("SESSION_FOLLOW_UP:" + s.id())));
        assertThat(closed.summary().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.referrals()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ReferralStatus.WITHDRAWN));
        assertThat(closed.workable()).isFalse();
        assertThat(as(LAWYER, () -> followUps.mine(LocalDate.now().plusDays(30), 500)))
                .anyMatch(f -> f.kind() == FollowUpKind.SESSION && f.recordId() == s.id());
        assertThat(as(LAWYER, () -> cases.history(c.id()))).anyMatch(h -> h.action().equals("CASE_CLOSED_OPEN_ITEMS")
                && h.details() != null && h.details().contains("cancelled [REFERRAL:" + referral.id() + "]"));

        // Read-only: every change to its content is refused with a translated error, until reopened.
        assertThatThrownBy(() -> as(LAWYER, () -> workflow.update(c.id(), closed.version(), CaseUpdate.initial(CasePriority.HIGH, "x", null))))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("status", "case.validation.closedReadOnly"));
        assertThatThrownBy(() -> as(LAWYER, () -> referrals.refer(c.id(), closed.version(), ReferralTarget.OMBUDSPERSON,
                LocalDate.now(), "Again"))).isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> as(LAWYER, () -> workflow.updateConfidentialNote(c.id(), closed.version(), "note")))
                .isInstanceOf(FieldValidationException.class);
        CaseDetails reopened = as(LAWYER, () -> workflow.changeStatus(c.id(), closed.version(), CaseStatus.IN_PROGRESS,
                "The registry asked for more papers", null));
        assertThat(reopened.workable()).isTrue();
        CaseDetails edited = as(LAWYER, () -> workflow.update(c.id(), reopened.version(), CaseUpdate.initial(CasePriority.HIGH, "More papers", null)));
        assertThat(edited.fields().priority()).isEqualTo(CasePriority.HIGH);

        // Cancelling a follow-up on closing marks it done: it leaves "My follow-ups".
        ClosingCheck again = as(LAWYER, () -> workflow.closingCheck(c.id()));
        assertThat(again.openItems()).extracting(OpenItem::key).containsExactly("SESSION_FOLLOW_UP:" + s.id());
        as(LAWYER, () -> workflow.close(c.id(), edited.version(), CaseOutcome.DOCUMENT_OBTAINED, null,
                Set.of("SESSION_FOLLOW_UP:" + s.id()), Set.of()));
        assertThat(as(LAWYER, () -> followUps.mine(LocalDate.now().plusDays(30), 500)))
                .noneMatch(f -> f.kind() == FollowUpKind.SESSION && f.recordId() == s.id());
    }

    @Test
    void aSessionFollowUpBecomesTheCaseNextActionSoOverdueCountsIt() {
        PersonDetails p = person("Valbona", "Nextactionaj");
        CaseDetails c = openCase(p);
        assertThat(c.summary().nextActionDate()).isNull();
        LocalDate yesterday = LocalDate.now().minusDays(1);
        as(LAWYER, () -> sessions.log(c.id(), session(LocalDateTime.now().minusDays(10).withNano(0), yesterday)));
        CaseDetails fed = reread(c.id());
        assertThat(fed.summary().nextActionDate()).isEqualTo(yesterday);
        // The case page's version is unchanged: a form open on it is not refused.
        assertThat(fed.version()).isEqualTo(c.version());
        CaseFilter overdue = new CaseFilter(false, null, null, null, true, p.id());
        assertThat(as(LAWYER, () -> cases.list(overdue, PageRequest.of(0, 10)))).extracting(CaseSummary::id).containsExactly(c.id());

        // A later session follow-up does not push back an earlier one still ahead.
        as(LAWYER, () -> workflow.update(c.id(), fed.version(), new CaseUpdate(CasePriority.NORMAL, LocalDate.now().plusDays(2),
                "Birth certificate", null, null, null, null)));
        as(LAWYER, () -> sessions.log(c.id(), session(LocalDateTime.now().minusHours(2).withNano(0), LocalDate.now().plusDays(20))));
        assertThat(reread(c.id()).summary().nextActionDate()).isEqualTo(LocalDate.now().plusDays(2));

        // The coordinator sees the team's overdue work per caseworker.
        List<TeamOverdue> team = as(Role.PARTNER_COORDINATOR, "CRPK", () -> followUps.teamOverdue(LocalDate.now()));
        assertThat(team).anySatisfy(t -> {
            assertThat(t.username()).isEqualTo(LAWYER);
            assertThat(t.count(FollowUpKind.SESSION)).isPositive();
        });

        // Marking the case's next action done also marks the session follow-ups due by then.
        as(LAWYER, () -> {
            followUps.markDone(FollowUpKind.CASE, c.id());
            return null;
        });
        List<FollowUp> mine = as(LAWYER, () -> followUps.mine(LocalDate.now().plusDays(10), 500));
        assertThat(mine).noneMatch(f -> f.kind() == FollowUpKind.CASE && f.recordId() == c.id());
        assertThat(as(LAWYER, () -> workflow.closingCheck(c.id())).openItems()).extracting(OpenItem::due)
                .containsExactly(LocalDate.now().plusDays(20));
    }

    @Test
    void theCaseListFindsCasesByNameRegardlessOfDiacriticsAndByNumber() {
        PersonDetails p = person("Đurđica", "Šćepanović");
        CaseDetails c = openCase(p);
        for (String text : List.of("durdica scepanovic", "Šćepanović Đurđica", "scepan", p.registrationNo(),
                c.summary().caseNo().toLowerCase(java.util.Locale.ROOT))) {
            CaseFilter search = new CaseFilter(false, null, null, null, false, null, text);
            assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> cases.list(search, PageRequest.of(0, 50))))
                    .as(text).extracting(CaseSummary::id).contains(c.id());
            assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> cases.count(search))).as(text).isPositive();
        }
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> cases.list(new CaseFilter(false, null, null, null, false, null,
                "Durdica Zzyzx"), PageRequest.of(0, 50)))).extracting(CaseSummary::id).doesNotContain(c.id());
        // Another partner's coordinator does not find it.
        assertThat(as(Role.PARTNER_COORDINATOR, "KRCT", () -> cases.list(new CaseFilter(false, null, null, null, false, null,
                "Šćepanović"), PageRequest.of(0, 50)))).extracting(CaseSummary::id).doesNotContain(c.id());
    }

    @Test
    void staffAreNamedByTheirAccountsFullName() {
        assertThat(staffNames.name("lawyer.krct")).isEqualTo("Besa Morina");
        assertThat(staffNames.name("LAWYER.KRCT")).isEqualTo("Besa Morina");
        assertThat(staffNames.name("no.such.account")).isEqualTo("no.such.account");
        assertThat(staffNames.name(null)).isEmpty();
        assertThat(staffNames.namesOf("lawyer.crpk, monitor.krct")).isEqualTo("Vjosa Gashi, Besnik Hoxha");
        assertThat(staffNames.inText("CIVIL_DOCUMENTATION for person 12 assigned to lawyer.krct; assignedTo: lawyer.crpk → no.such.one"))
                .isEqualTo("CIVIL_DOCUMENTATION for person 12 assigned to Besa Morina; assignedTo: Vjosa Gashi → no.such.one");
    }
}
