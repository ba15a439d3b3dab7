package org.protectioncases.counselling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
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
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Counselling sessions: rules, scoping per role and partner, the confidential note, follow-ups. */
@SpringBootTest
class CounsellingServiceIT extends ActingUsers {

    @Autowired
    CounsellingService sessions;
    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    PersonService people;
    @Autowired
    FollowUpService followUps;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TestRecords records;

    /** A CRPK case assigned to lawyer.crpk, so that sessions are logged under a real account. */
    private CaseDetails crpkCase() {
        return records.openCase("lawyer.crpk", person("Session", "Person", Sex.MALE, LocalDate.of(1985, 3, 2), Community.ROMA, "PRI"),
                id -> new NewCase(id, CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL, "ID card", null, null,
                LocalDate.now().minusDays(30)));
    }

    private static SessionForm form(LocalDateTime at, String nextSteps, LocalDate followUp, String note) {
        return new SessionForm(at, 45, SessionMode.OUTREACH, LegalAidType.ASSISTANCE,
                EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION, SessionTopic.SOCIAL_ASSISTANCE), Set.of(), true, "Romani",
                "Explained the late registration procedure", "Application drafted", nextSteps, followUp, note);
    }

    @Test
    void lawyerLogsSessionsThatFormTheCaseTimeline() {
        CaseDetails c = crpkCase();
        LocalDateTime first = LocalDateTime.now().minusDays(2).withNano(0);
        SessionDto one = system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(),
                form(first, "Collect birth certificate of the mother", LocalDate.now().plusDays(3), "Fears the landlord")));
        SessionDto two = system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(),
                form(first.plusDays(1), "Submit application", LocalDate.now().plusDays(7), null)));
        assertThat(one.counsellor()).isEqualTo("lawyer.crpk");
        assertThat(one.form().topics()).containsExactlyInAnyOrder(SessionTopic.CIVIL_DOCUMENTATION, SessionTopic.SOCIAL_ASSISTANCE);
        assertThat(one.form().interpreterLanguage()).isEqualTo("Romani");
        assertThat(one.form().confidentialNote()).isEqualTo("Fears the landlord");

        List<SessionDto> timeline = system.runAsAccount("lawyer.crpk", () -> sessions.forCase(c.id()));
        assertThat(timeline).extracting(SessionDto::id).containsExactly(two.id(), one.id());

        // The partner's list finds them by topic and counsellor; another topic finds neither.
        long partnerTotal = as(Role.PARTNER_COORDINATOR, "CRPK", () -> sessions.count(
                new SessionFilter("lawyer.crpk", first.toLocalDate(), null, null, SessionTopic.SOCIAL_ASSISTANCE)));
        assertThat(partnerTotal).isGreaterThanOrEqualTo(2);
        List<SessionRow> rows = as(Role.PARTNER_COORDINATOR, "CRPK", () -> sessions.list(
                new SessionFilter("lawyer.crpk", first.toLocalDate(), first.toLocalDate().plusDays(1), LegalAidType.ASSISTANCE,
                        SessionTopic.SOCIAL_ASSISTANCE), PageRequest.of(0, 50)));
        assertThat(rows).extracting(SessionRow::id).contains(one.id(), two.id());
        assertThat(rows).filteredOn(r -> r.id() == one.id()).singleElement()
                .satisfies(r -> assertThat(r.topics()).contains(SessionTopic.SOCIAL_ASSISTANCE));
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> sessions.list(new SessionFilter(null, first.toLocalDate(), null, null,
                SessionTopic.SGBV), PageRequest.of(0, 500)))).extracting(SessionRow::id).doesNotContain(one.id(), two.id());
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        CaseDetails c = crpkCase();
        long before = jdbc.sql("select count(*) from counselling_session").query(Long.class).single();
        SessionForm bad = new SessionForm(LocalDateTime.now().plusDays(1), 601, SessionMode.PHONE, LegalAidType.INFORMATION,
                Set.of(), Set.of(), true, " ", null, null, null, LocalDate.now().minusDays(1), null);
        assertThatThrownBy(() -> system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(), bad)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("heldAt", "validation.notInFuture")
                        .containsEntry("durationMinutes", "session.validation.duration")
                        .containsEntry("topics", "session.validation.topics")
                        .containsEntry("interpreterLanguage", "session.validation.interpreterLanguage"));
        SessionForm beforeTheCase = new SessionForm(LocalDateTime.now().minusDays(31), 30, SessionMode.PHONE, LegalAidType.INFORMATION,
                Set.of(SessionTopic.OTHER), Set.of(), false, null, null, null, null, null, null);
        assertThatThrownBy(() -> system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(), beforeTheCase)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("heldAt", "session.validation.beforeCase"));
        // Relative to the session's own day, so the test holds just after midnight too.
        LocalDateTime justNow = LocalDateTime.now().minusMinutes(1);
        SessionForm followUpBefore = new SessionForm(justNow, 0, SessionMode.PHONE, LegalAidType.INFORMATION,
                Set.of(SessionTopic.OTHER), Set.of(), false, null, null, null, null, justNow.toLocalDate().minusDays(1), null);
        assertThatThrownBy(() -> system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(), followUpBefore)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("followUpOn", "session.validation.followUpAfter")
                        .containsEntry("durationMinutes", "session.validation.duration"));
        assertThat(jdbc.sql("select count(*) from counselling_session").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void otherPartnerAndAdminSeeNothingAndManagersNeverTheConfidentialNote() {
        CaseDetails c = crpkCase();
        SessionDto s = system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(),
                form(LocalDateTime.now().minusHours(2), "Call back", LocalDate.now().plusDays(1), "Disclosed violence at home")));

        // Another partner: not found (and logged), not in its lists, cannot log on the case.
        assertThat(system.runAsAccount("lawyer.at", () -> sessions.get(s.id()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'session' and entity_id = :id and not granted")
                .param("id", s.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(system.runAsAccount("lawyer.at", () -> sessions.list(SessionFilter.all(), PageRequest.of(0, 10_000))))
                .extracting(SessionRow::id).doesNotContain(s.id());
        assertThatThrownBy(() -> system.runAsAccount("lawyer.at", () -> sessions.forCase(c.id())))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> system.runAsAccount("lawyer.at", () -> sessions.log(c.id(),
                form(LocalDateTime.now(), "x", null, null)))).isInstanceOf(CaseNotFoundException.class);
        assertThat(as(Role.PROTECTION_MONITOR, "AT", () -> sessions.get(s.id()))).isEmpty();

        // ADMIN: refused on every method.
        assertThatThrownBy(() -> system.runAsAdmin(() -> sessions.get(s.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> system.runAsAdmin(() -> sessions.list(SessionFilter.all(), PageRequest.of(0, 10))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> system.runAsAdmin(() -> sessions.forCase(c.id()))).isInstanceOf(AccessDeniedException.class);

        // Same partner's monitor reads (with the note: own staff); a lawyer who is not the counsellor cannot edit.
        assertThat(as(Role.PROTECTION_MONITOR, "CRPK", () -> sessions.get(s.id()))).get()
                .satisfies(d -> assertThat(d.form().confidentialNote()).isEqualTo("Disclosed violence at home"));
        assertThatThrownBy(() -> as(Role.PROTECTION_MONITOR, "CRPK", () -> sessions.log(c.id(), form(LocalDateTime.now(), "x", null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> sessions.update(s.id(), s.version(), s.form())))
                .isInstanceOf(SessionNotFoundException.class);

        // The UNHCR manager reads the session but never the note, and the audit trail never holds its text.
        SessionDto managerView = as(Role.UNHCR_MANAGER, "UNHCR", () -> sessions.get(s.id())).orElseThrow();
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> sessions.list(SessionFilter.all(), PageRequest.of(0, 10_000))))
                .extracting(SessionRow::id).contains(s.id());
        assertThat(managerView.form().confidentialNote()).isNull();
        assertThat(managerView.form().summary()).isEqualTo("Explained the late registration procedure");
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> sessions.forCase(c.id())))
                .allSatisfy(d -> assertThat(d.form().confidentialNote()).isNull());
        assertThat(jdbc.sql("select count(*) from audit_event where details like '%violence%'").query(Long.class).single()).isZero();
    }

    @Test
    void staleEditIsRefusedAndChangesAreAudited() {
        CaseDetails c = crpkCase();
        SessionDto s = system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(),
                form(LocalDateTime.now().minusHours(3), "Phone the registry", null, null)));
        SessionForm changed = new SessionForm(s.form().heldAt(), 60, s.form().mode(), s.form().aidType(), s.form().topics(),
                s.form().attendeeIds(), false, null, s.form().summary(), s.form().outcome(), "Visit the registry", null, "new note");
        SessionDto updated = system.runAsAccount("lawyer.crpk", () -> sessions.update(s.id(), s.version(), changed));
        assertThat(updated.form().durationMinutes()).isEqualTo(60);
        assertThat(updated.form().interpreterUsed()).isFalse();
        assertThatThrownBy(() -> system.runAsAccount("lawyer.crpk", () -> sessions.update(s.id(), s.version(), changed)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        // The note's change is its own entry, for the holding partner's staff only; the other changes are for every reader.
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> sessions.history(s.id())))
                .anySatisfy(h -> assertThat(h.details()).contains("durationMinutes: 45 → 60").doesNotContain("confidential"))
                .anySatisfy(h -> assertThat(h.action()).isEqualTo("SESSION_CONFIDENTIAL_NOTE"))
                .noneSatisfy(h -> assertThat(h.details()).contains("new note"));
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> sessions.history(s.id())))
                .anySatisfy(h -> assertThat(h.details()).contains("durationMinutes: 45 → 60"))
                .noneSatisfy(h -> assertThat(h.action()).isEqualTo("SESSION_CONFIDENTIAL_NOTE"))
                .noneSatisfy(h -> assertThat(h.details()).contains("confidential"));
    }

    @Test
    void followUpsAppearForTheCounsellorAndClearWhenDone() {
        CaseDetails c = crpkCase();
        SessionDto s = system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(),
                form(LocalDateTime.now().minusDays(10), "Check the decision", LocalDate.now().minusDays(1), null)));
        // A later follow-up replaces the past one as the case's next action: the first is then a follow-up of its own.
        SessionDto later = system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(),
                form(LocalDateTime.now().minusDays(9), "Call the registry", LocalDate.now().plusDays(5), null)));
        List<FollowUp> mine = system.runAsAccount("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(30), 500));
        assertThat(mine).noneMatch(f -> f.kind() == FollowUpKind.SESSION && f.recordId() == later.id());
        assertThat(mine).filteredOn(f -> f.kind() == FollowUpKind.CASE && f.recordId() == c.id()).singleElement()
                .satisfies(f -> assertThat(f.dueOn()).isEqualTo(LocalDate.now().plusDays(5)));
        assertThat(mine).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FollowUpKind.SESSION);
            assertThat(f.recordId()).isEqualTo(s.id());
            assertThat(f.overdue(LocalDate.now())).isTrue();
            assertThat(f.route()).isEqualTo("sessions/" + s.id());
        });
        assertThat(mine).extracting(FollowUp::dueOn).isSorted();
        // Not someone else's.
        assertThat(system.runAsAccount("lawyer.at", () -> followUps.mine(LocalDate.now().plusDays(30), 500)))
                .noneMatch(f -> f.kind() == FollowUpKind.SESSION && f.recordId() == s.id());
        assertThatThrownBy(() -> system.runAsAccount("lawyer.at", () -> {
            followUps.markDone(FollowUpKind.SESSION, s.id());
            return null;
        })).isInstanceOf(SessionNotFoundException.class);

        system.runAsAccount("lawyer.crpk", () -> {
            followUps.markDone(FollowUpKind.SESSION, s.id());
            return null;
        });
        assertThat(system.runAsAccount("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(30), 500)))
                .noneMatch(f -> f.kind() == FollowUpKind.SESSION && f.recordId() == s.id());
        assertThatThrownBy(() -> system.runAsAdmin(() -> followUps.mine(LocalDate.now(), 10))).isInstanceOf(AccessDeniedException.class);

        // A case's next action is a follow-up of its assignee too, and clears the date when done.
        CaseDetails withNext = system.runAsAccount("lawyer.crpk", () -> caseWorkflow.update(c.id(), c.version(),
                new org.protectioncases.cases.CaseUpdate(CasePriority.NORMAL, LocalDate.now().plusDays(2), "ID card", null, null, null, null)));
        assertThat(system.runAsAccount("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(30), 500)))
                .anySatisfy(f -> assertThat(f.kind() == FollowUpKind.CASE && f.recordId() == withNext.id()).isTrue());
        system.runAsAccount("lawyer.crpk", () -> {
            followUps.markDone(FollowUpKind.CASE, withNext.id());
            return null;
        });
        assertThat(system.runAsAccount("lawyer.crpk", () -> cases.list(new CaseFilter(true, null, null, null, false, null),
                PageRequest.of(0, 500)))).filteredOn(x -> x.id() == withNext.id()).singleElement()
                .satisfies(x -> assertThat(x.nextActionDate()).isNull());
    }

    @Test
    void aFollowUpThatBecameTheCaseNextActionIsListedOnceAndDoneWithIt() {
        CaseDetails c = crpkCase();
        SessionDto s = system.runAsAccount("lawyer.crpk", () -> sessions.log(c.id(),
                form(LocalDateTime.now().minusDays(2), "Bring the birth certificate", LocalDate.now().minusDays(1), null)));
        List<FollowUp> mine = system.runAsAccount("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(30), 500));
        // Once, as the case's next action (the one the case list and "overdue" go by), not again as the session's.
        assertThat(mine).filteredOn(f -> f.title().startsWith(c.summary().caseNo() + " ")).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FollowUpKind.CASE);
            assertThat(f.recordId()).isEqualTo(c.id());
            assertThat(f.dueOn()).isEqualTo(LocalDate.now().minusDays(1));
        });
        // The coordinator's overdue count has it once too.
        var team = as(Role.PARTNER_COORDINATOR, "CRPK", () -> followUps.teamOverdue(LocalDate.now()));
        long sessionsOverdue = team.stream().filter(t -> t.username().equals("lawyer.crpk"))
                .mapToLong(t -> t.counts().getOrDefault(FollowUpKind.SESSION, 0L)).sum();
        long sessionFollowUpsOverdue = jdbc.sql("""
                select count(*) from counselling_session where counsellor = 'lawyer.crpk' and follow_up_on < current_date
                and follow_up_done_at is null and id <> :s""").param("s", s.id()).query(Long.class).single();
        assertThat(sessionsOverdue).isLessThanOrEqualTo(sessionFollowUpsOverdue);

        system.runAsAccount("lawyer.crpk", () -> {
            followUps.markDone(FollowUpKind.CASE, c.id());
            return null;
        });
        assertThat(system.runAsAccount("lawyer.crpk", () -> followUps.mine(LocalDate.now().plusDays(30), 500)))
                .noneMatch(f -> f.title().startsWith(c.summary().caseNo() + " "));
    }
}
