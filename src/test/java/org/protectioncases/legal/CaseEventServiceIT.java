package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/** Hearings, served decisions, proposed deadlines over the seeded holidays, reminders and closing. */
@SpringBootTest
class CaseEventServiceIT extends ActingUsers {

    @Autowired
    CaseEventService events;
    @Autowired
    DeadlineRuleService rules;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    CaseService cases;
    @Autowired
    PersonService people;
    @Autowired
    FollowUpService followUps;
    @Autowired
    TestRecords records;

    private CaseDetails crpkCase(LocalDate openedOn) {
        return records.openCase("lawyer.crpk", person("Hearing", "Test-Klient", Sex.MALE, LocalDate.of(1980, 1, 2),
                Community.ASHKALI, "PRI"),
                id -> new NewCase(id, CaseType.ASYLUM, CasePriority.HIGH, "Appeal", null, null, openedOn));
    }

    @Test
    void aServedJudgmentProposesTheAppealDeadlineOverTheSeededHolidaysAndTheLawyerConfirmsIt() {
        CaseDetails c = crpkCase(LocalDate.of(2025, 12, 1));
        DecisionRecorded recorded = as("lawyer.crpk", () -> events.recordDecisionServed(c.id(),
                new EventForms.Decision(DecisionType.COURT_JUDGMENT, LocalDate.of(2025, 12, 17), "Judgment of the Basic Court")));
        assertThat(recorded.decision().kind()).isEqualTo(EventKind.DECISION_SERVED);
        // 15 calendar days end on 1 January; 1 and 2 January are holidays, then the weekend: Monday 5 January 2026.
        assertThat(recorded.proposals()).singleElement().satisfies(p -> {
            assertThat(p.dueOn()).isEqualTo(LocalDate.of(2026, 1, 5));
            assertThat(p.days()).isEqualTo(15);
            assertThat(p.beyondHolidays()).isFalse();
        });
        DeadlineProposal p = recorded.proposals().getFirst();
        // Nothing is saved until the lawyer confirms.
        assertThat(as("lawyer.crpk", () -> events.forCase(c.id()))).extracting(CaseEventDto::kind).containsExactly(EventKind.DECISION_SERVED);
        assertThatThrownBy(() -> as("lawyer.crpk", () -> events.addDeadline(c.id(),
                new EventForms.Deadline(LocalDate.of(2025, 12, 17), p.ruleName(), p.ruleId(), p.decisionEventId()))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("date", "legal.validation.afterService"));
        CaseEventDto deadline = as("lawyer.crpk", () -> events.addDeadline(c.id(),
                new EventForms.Deadline(p.dueOn(), p.ruleName(), p.ruleId(), p.decisionEventId())));
        assertThat(deadline.kind()).isEqualTo(EventKind.DEADLINE);
        assertThat(deadline.sourceEventId()).isEqualTo(recorded.decision().id());
        // Overdue by now: it leads the lawyer's follow-ups.
        assertThat(as("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(14), 500)))
                .anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(FollowUpKind.DEADLINE);
                    assertThat(f.recordId()).isEqualTo(deadline.id());
                    assertThat(f.overdue(LocalDate.now())).isTrue();
                    assertThat(f.title()).startsWith(c.summary().caseNo());
                });
    }

    @Test
    void hearingsAndDeadlinesAreRemindedToTheLawyerAndShownToTheCoordinatorByLawyer() {
        CaseDetails c = crpkCase(LocalDate.now().minusDays(20));
        CaseEventDto hearing = as("lawyer.crpk", () -> events.addHearing(c.id(),
                new EventForms.Hearing(LocalDate.now().plusDays(3), LocalTime.of(10, 0), "Basic Court Ferizaj", "4", "Main hearing")));
        CaseEventDto deadline = as("lawyer.crpk", () -> events.addDeadline(c.id(),
                new EventForms.Deadline(LocalDate.now().plusDays(7), "Submit evidence", null, null)));
        List<FollowUp> mine = as("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(14), 500));
        assertThat(mine).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FollowUpKind.HEARING);
            assertThat(f.recordId()).isEqualTo(hearing.id());
            assertThat(f.detail()).isEqualTo("10:00, Basic Court Ferizaj, 4");
            assertThat(f.route()).isEqualTo("cases/" + c.id());
        });
        assertThat(mine).filteredOn(f -> f.kind() == FollowUpKind.DEADLINE).extracting(FollowUp::recordId).contains(deadline.id());
        // The coordinator sees the partner's, with the lawyer; another partner's lawyer sees none of them.
        List<CaseEventDto> partner = as("coordinator.crpk", () -> events.upcoming(true, LocalDate.now(), LocalDate.now().plusDays(30), 0, 200));
        assertThat(partner).filteredOn(e -> e.id() == hearing.id()).singleElement()
                .satisfies(e -> assertThat(e.assignedTo()).isEqualTo("lawyer.crpk"));
        assertThat(as("coordinator.crpk", () -> events.upcoming(false, LocalDate.now(), LocalDate.now().plusDays(30), 0, 200)))
                .extracting(CaseEventDto::id).doesNotContain(hearing.id());
        assertThat(as("lawyer.at", () -> events.upcoming(true, null, LocalDate.now().plusDays(30), 0, 200)))
                .extracting(CaseEventDto::id).doesNotContain(hearing.id(), deadline.id());
        // Marking the hearing held takes it out of the reminders.
        as("lawyer.crpk", () -> {
            followUps.markDone(FollowUpKind.HEARING, hearing.id());
            return null;
        });
        List<FollowUp> after = as("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(14), 500));
        assertThat(after).filteredOn(f -> f.kind() == FollowUpKind.HEARING).extracting(FollowUp::recordId).doesNotContain(hearing.id());
        assertThat(after).filteredOn(f -> f.kind() == FollowUpKind.DEADLINE).extracting(FollowUp::recordId).contains(deadline.id());
    }

    @Test
    void aCaseWithAnOpenDeadlineClosesOnlyWithAReason() {
        CaseDetails c = crpkCase(LocalDate.now().minusDays(5));
        as("lawyer.crpk", () -> events.addDeadline(c.id(), new EventForms.Deadline(LocalDate.now().plusDays(2), "Appeal", null, null)));
        CaseOutcome outcome = CaseType.ASYLUM.outcomes().getFirst();
        assertThatThrownBy(() -> as("lawyer.crpk", () -> workflow.changeStatus(c.id(), c.version(), CaseStatus.CLOSED, " ", outcome)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("reason", "legal.close.openDeadline"));
        CaseDetails closed = as("lawyer.crpk", () -> workflow.changeStatus(c.id(), c.version(), CaseStatus.CLOSED,
                "Client withdrew the appeal", outcome));
        assertThat(closed.summary().status()).isEqualTo(CaseStatus.CLOSED);
        // A closed case takes no new legal work.
        assertThatThrownBy(() -> as("lawyer.crpk", () -> events.addDeadline(c.id(),
                new EventForms.Deadline(LocalDate.now().plusDays(2), "Another", null, null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("date", "legal.caseClosed"));
    }

    @Test
    void badEventInputIsRefusedFieldByField() {
        CaseDetails c = crpkCase(LocalDate.now().minusDays(5));
        assertThatThrownBy(() -> as("lawyer.crpk", () -> events.addHearing(c.id(),
                new EventForms.Hearing(null, null, " ", "r".repeat(51), null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("room"));
        assertThatThrownBy(() -> as("lawyer.crpk", () -> events.addHearing(c.id(),
                new EventForms.Hearing(null, null, " ", null, null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("date", "validation.required").containsEntry("place", "validation.required"));
        assertThatThrownBy(() -> as("lawyer.crpk", () -> events.recordDecisionServed(c.id(),
                new EventForms.Decision(DecisionType.ASYLUM_DECISION, LocalDate.now().plusDays(1), null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("servedOn", "validation.notInFuture"));
        assertThat(as("lawyer.crpk", () -> events.forCase(c.id()))).isEmpty();
    }

    @Test
    void administratorsKeepTheRulesAndOthersMayNot() {
        DeadlineRuleDto added = as(Role.ADMIN, null, () -> rules.save(new DeadlineRuleDto(null, DecisionType.OTHER,
                "Objection to a municipal decision", 8, DayCount.WORKING, true, 0)));
        assertThat(added.id()).isNotNull();
        DeadlineRuleDto changed = as(Role.ADMIN, null, () -> rules.save(new DeadlineRuleDto(added.id(), DecisionType.OTHER,
                "Objection to a municipal decision", 10, DayCount.WORKING, false, added.version())));
        assertThat(changed.days()).isEqualTo(10);
        assertThat(changed.active()).isFalse();
        assertThatThrownBy(() -> as(Role.ADMIN, null, () -> rules.save(new DeadlineRuleDto(null, null, " ", 0, null, true, 0))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("decisionType", "name", "days", "dayCount"));
        assertThatThrownBy(() -> as("coordinator.crpk", () -> rules.all())).isInstanceOf(AccessDeniedException.class);
        // An inactive rule proposes nothing.
        CaseDetails c = crpkCase(LocalDate.now().minusDays(5));
        DecisionRecorded r = as("lawyer.crpk", () -> events.recordDecisionServed(c.id(),
                new EventForms.Decision(DecisionType.OTHER, LocalDate.now().minusDays(1), null)));
        assertThat(r.proposals()).extracting(DeadlineProposal::ruleId).doesNotContain(added.id());
    }
}
