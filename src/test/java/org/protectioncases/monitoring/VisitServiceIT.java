package org.protectioncases.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Monitoring visits at service level: every validation rule, who sees and changes what, referrals, follow-ups, locking. */
@SpringBootTest
class VisitServiceIT extends ActingUsers {

    @Autowired
    VisitService visits;
    @Autowired
    VisitReferralService visitReferrals;
    @Autowired
    CaseService cases;
    @Autowired
    ReferralService caseReferrals;
    @Autowired
    PersonService people;
    @Autowired
    ConsentService consents;
    @Autowired
    FollowUpService followUps;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    org.protectioncases.reports.activity.ActivityService activity;

    private PersonDetails person(String partnerCode) {
        return as(Role.PARTNER_LAWYER, partnerCode, () -> people.register(PersonForm.of("Visit", "Met" + System.nanoTime() % 100000, Sex.MALE,
                LocalDate.of(1985, 5, 5), BirthDatePrecision.EXACT, Community.ROMA, "POD"), List.of()));
    }

    private static VisitForm border(LocalDate date, int observed, int arrivals, int intentions, List<Long> personIds) {
        return new VisitForm(date, Set.of(), LocationType.BORDER_CROSSING_POINT, "POD", null, "Merdare crossing point",
                VisitPurpose.BORDER_MONITORING, OthersMet.NONE, Set.of(ProtectionConcern.DOCUMENTATION), "Deportees without documents",
                "Information on asylum", false, null, observed, arrivals, intentions, personIds);
    }

    private static VisitForm community(LocalDate date, boolean followUp, @org.jspecify.annotations.Nullable LocalDate followUpOn) {
        return new VisitForm(date, Set.of(), LocationType.RETURNEE_COMMUNITY, "MIS", null, "Roma Mahalla", VisitPurpose.RETURN_MONITORING,
                new OthersMet(1, 2, 0, 3, 1, 0, 2, 1, 4, 0), Set.of(ProtectionConcern.HOUSING_PROPERTY, ProtectionConcern.ACCESS_TO_SERVICES),
                "No electricity in reconstructed houses", "Referral for reconstruction", followUp, followUpOn, null, null, null, List.of());
    }

    private long visitCount() {
        return jdbc.sql("select count(*) from monitoring_visit").query(Long.class).single();
    }

    private static void assertFieldError(Runnable action, String field, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.fieldErrors()).containsEntry(field, key));
    }

    @Test
    void aBorderVisitWithCountsAndAReferralIsSeenOnlyByItsPartnerAndUnhcr() {
        PersonDetails p = person("KRCT");
        VisitDetails v = as("monitor.krct", () -> visits.record(border(LocalDate.now(), 42, 12, 3, List.of(p.id()))));
        assertThat(v.form().monitors()).containsExactly("monitor.krct");
        assertThat(v.form().personsObserved()).isEqualTo(42);
        assertThat(v.people()).singleElement().satisfies(m -> assertThat(m.label()).startsWith(p.registrationNo()));
        assertThat(v.editable()).isTrue();

        // A referral needs the person's consent to referral, and the person must have been met on the visit.
        assertThatThrownBy(() -> as("monitor.krct", () -> visitReferrals.refer(v.id(), p.id(), ReferralTarget.MINISTRY_INTERNAL_AFFAIRS,
                LocalDate.now(), "Intends to seek asylum")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("consent"));
        PersonDetails other = person("KRCT");
        assertFieldError(() -> as("monitor.krct", () -> visitReferrals.refer(v.id(), other.id(), ReferralTarget.ICRC, LocalDate.now(), "x")),
                "personId", "visit.validation.referralPerson");
        as("monitor.krct", () -> consents.recordConsent(p.id(), ConsentScope.REFERRAL, LocalDate.now(), "verbal, at the crossing point"));
        ReferralDto referral = as("monitor.krct", () -> visitReferrals.refer(v.id(), p.id(), ReferralTarget.MINISTRY_INTERNAL_AFFAIRS,
                LocalDate.now(), "Intends to seek asylum"));
        assertThat(referral.visitId()).isEqualTo(v.id());
        assertThat(referral.caseId()).isNull();
        assertThat(referral.personId()).isEqualTo(p.id());
        assertThat(as("monitor.krct", () -> visitReferrals.referrals(v.id()))).extracting(ReferralDto::id).containsExactly(referral.id());
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> caseReferrals.visitReferrals(v.id()))).extracting(ReferralDto::id).containsExactly(referral.id());
        // The institution's answer is recorded on the visit's referral; another partner cannot record one.
        ReferralDto answered = as("monitor.krct", () -> visitReferrals.respondToReferral(v.id(), referral.id(), referral.version(),
                org.protectioncases.cases.ReferralStatus.ACCEPTED, LocalDate.now()));
        assertThat(answered.status()).isEqualTo(org.protectioncases.cases.ReferralStatus.ACCEPTED);
        assertThatThrownBy(() -> as("monitor.at", () -> visitReferrals.respondToReferral(v.id(), referral.id(), answered.version(),
                org.protectioncases.cases.ReferralStatus.DECLINED, LocalDate.now()))).isInstanceOf(VisitNotFoundException.class);
        assertThatThrownBy(() -> as("monitor.krct", () -> visitReferrals.respondToReferral(v.id(), referral.id(), referral.version(),
                org.protectioncases.cases.ReferralStatus.COMPLETED, LocalDate.now())))
                .isInstanceOf(org.springframework.orm.ObjectOptimisticLockingFailureException.class);

        // The other partner: not found (and logged), nothing in lists, no referrals even through the cases module.
        assertThat(as("monitor.at", () -> visits.get(v.id()))).isEmpty();
        assertThatThrownBy(() -> as("monitor.at", () -> visitReferrals.referrals(v.id()))).isInstanceOf(VisitNotFoundException.class);
        assertThatThrownBy(() -> as("monitor.at", () -> visits.history(v.id()))).isInstanceOf(VisitNotFoundException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "AT", () -> visits.update(v.id(), v.version(), border(LocalDate.now(), 1, 0, 0, List.of()))))
                .isInstanceOf(VisitNotFoundException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "AT", () -> visits.markFollowUpDone(v.id()))).isInstanceOf(VisitNotFoundException.class);
        assertThat(as(Role.PARTNER_COORDINATOR, "AT", () -> caseReferrals.visitReferrals(v.id()))).isEmpty();
        assertThat(as("monitor.at", () -> visits.list(VisitFilter.all(), PageRequest.of(0, 1000)))).extracting(VisitSummary::id)
                .doesNotContain(v.id());
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'visit' and entity_id = :id and not granted and username = 'monitor.at'")
                .param("id", v.id()).query(Long.class).single()).isGreaterThanOrEqualTo(3);

        // A lawyer of the same partner reads but does not change or refer.
        VisitDetails read = as("lawyer.krct", () -> visits.get(v.id())).orElseThrow();
        assertThat(read.editable()).isFalse();
        assertThatThrownBy(() -> as("lawyer.krct", () -> visits.update(v.id(), v.version(), border(LocalDate.now(), 1, 0, 0, List.of()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("lawyer.krct", () -> visitReferrals.refer(v.id(), p.id(), ReferralTarget.ICRC, LocalDate.now(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("lawyer.krct", () -> visitReferrals.referrals(v.id()))).hasSize(1);

        // UNHCR managers read everything: the visit, lists, history and who opened it.
        assertThat(as("manager", () -> visits.get(v.id()))).isPresent().get().satisfies(d -> assertThat(d.editable()).isFalse());
        assertThat(as("manager", () -> visits.list(new VisitFilter(LocalDate.now(), LocalDate.now(), LocationType.BORDER_CROSSING_POINT,
                "POD", "monitor.krct", VisitPurpose.BORDER_MONITORING), PageRequest.of(0, 50)))).extracting(VisitSummary::id).contains(v.id());
        List<AuditEventDto> history = as("manager", () -> visits.history(v.id()));
        assertThat(history).extracting(AuditEventDto::action).contains("VISIT_RECORDED", "REFERRAL_SENT");
        assertThat(as("manager", () -> visits.accessLog(v.id()))).anyMatch(a -> a.username().equals("monitor.at") && !a.granted());
        assertThatThrownBy(() -> as("manager", () -> visits.update(v.id(), v.version(), border(LocalDate.now(), 1, 0, 0, List.of()))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void adminIsRefusedEveryMethod() {
        VisitDetails v = as("monitor.krct", () -> visits.record(community(LocalDate.now(), false, null)));
        List<Runnable> calls = List.of(
                () -> visits.list(VisitFilter.all(), PageRequest.of(0, 10)),
                () -> visits.count(VisitFilter.all()),
                () -> visits.monitorNames(),
                () -> visits.get(v.id()),
                () -> visits.record(community(LocalDate.now(), false, null)),
                () -> visits.update(v.id(), v.version(), community(LocalDate.now(), false, null)),
                () -> visitReferrals.refer(v.id(), 1L, ReferralTarget.ICRC, LocalDate.now(), "x"),
                () -> visitReferrals.referrals(v.id()),
                () -> visits.markFollowUpDone(v.id()),
                () -> visits.openFollowUps(LocalDate.now(), 10),
                () -> visits.history(v.id()),
                () -> visits.accessLog(v.id()),
                () -> visits.canSee(v.id()),
                () -> visits.canEdit(v.id()),
                () -> visitReferrals.respondToReferral(v.id(), 1L, 0L, org.protectioncases.cases.ReferralStatus.ACCEPTED, LocalDate.now()),
                () -> caseReferrals.respondToVisitReferral(v.id(), 1L, 0L, org.protectioncases.cases.ReferralStatus.ACCEPTED, LocalDate.now()),
                () -> caseReferrals.visitReferrals(v.id()),
                () -> caseReferrals.referFromVisit(v.id(), v.owningPartner(), 1L, ReferralTarget.ICRC, LocalDate.now(), "x"));
        for (Runnable call : calls) {
            assertThatThrownBy(() -> system.runAsAdmin(() -> {
                call.run();
                return null;
            })).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void everyRuleIsCheckedAndNothingIsHalfSaved() {
        long before = visitCount();
        LocalDate today = LocalDate.now();
        assertFieldError(() -> as("monitor.krct", () -> visits.record(border(today.plusDays(1), 10, 1, 0, List.of()))),
                "visitDate", "validation.notInFuture");
        assertFieldError(() -> as("monitor.krct", () -> visits.record(border(today, 10, 11, 0, List.of()))),
                "newArrivals", "visit.validation.moreThanObserved");
        assertFieldError(() -> as("monitor.krct", () -> visits.record(border(today, 10, 1, 11, List.of()))),
                "asylumIntentions", "visit.validation.moreThanObserved");
        assertFieldError(() -> as("monitor.krct", () -> visits.record(border(today, -1, 0, 0, List.of()))),
                "personsObserved", "visit.validation.notNegative");
        VisitForm noCounts = new VisitForm(today, Set.of(), LocationType.AIRPORT, "LIP", null, "Pristina airport", VisitPurpose.BORDER_MONITORING,
                OthersMet.NONE, Set.of(), null, null, false, null, null, null, null, List.of());
        assertFieldError(() -> as("monitor.krct", () -> visits.record(noCounts)), "personsObserved", "validation.required");
        assertFieldError(() -> as("monitor.krct", () -> visits.record(noCounts)), "asylumIntentions", "validation.required");
        VisitForm countsElsewhere = new VisitForm(today, Set.of(), LocationType.RETURNEE_COMMUNITY, "MIS", null, "Roma Mahalla",
                VisitPurpose.RETURN_MONITORING, OthersMet.NONE, Set.of(), null, null, false, null, 5, null, null, List.of());
        assertFieldError(() -> as("monitor.krct", () -> visits.record(countsElsewhere)), "personsObserved", "visit.validation.onlyAtEntryPoints");
        VisitForm negative = new VisitForm(today, Set.of(), LocationType.RETURNEE_COMMUNITY, "MIS", null, "Roma Mahalla",
                VisitPurpose.RETURN_MONITORING, new OthersMet(-1, 0, 0, 0, 0, 0, 0, 0, 0, -2), Set.of(), null, null, false, null,
                null, null, null, List.of());
        assertThatThrownBy(() -> as("monitor.krct", () -> visits.record(negative))).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.fieldErrors()).containsEntry("othersMet.female0to4", "visit.validation.notNegative")
                        .containsEntry("othersMet.male60plus", "visit.validation.notNegative"));
        VisitForm shelterless = new VisitForm(today, Set.of(), LocationType.COLLECTIVE_SHELTER, "PRI", null, null,
                VisitPurpose.COLLECTIVE_SHELTER_MONITORING, OthersMet.NONE, Set.of(), null, null, false, null, null, null, null, List.of());
        assertFieldError(() -> as("monitor.krct", () -> visits.record(shelterless)), "shelterId", "visit.validation.shelterRequired");
        assertFieldError(() -> as("monitor.krct", () -> visits.record(community(today.minusDays(3), true, today.minusDays(4)))),
                "followUpOn", "visit.validation.followUpBeforeVisit");
        assertFieldError(() -> as("monitor.krct", () -> visits.record(community(today, true, null))), "followUpOn", "validation.required");
        VisitForm nowhere = new VisitForm(today, Set.of(), LocationType.HOUSEHOLD, "XXX", null, " ", null, OthersMet.NONE, Set.of(),
                null, null, false, null, null, null, null, List.of());
        assertThatThrownBy(() -> as("monitor.krct", () -> visits.record(nowhere))).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.fieldErrors()).containsEntry("municipalityCode", "validation.choice").containsEntry("place", "validation.required")
                        .containsEntry("purpose", "validation.required"));
        // Only colleagues of the same partner are monitors, and only people the user may see are linked.
        VisitForm foreignMonitor = new VisitForm(today, Set.of("monitor.krct", "monitor.at"), LocationType.RETURNEE_COMMUNITY, "MIS", null,
                "Roma Mahalla", VisitPurpose.RETURN_MONITORING, OthersMet.NONE, Set.of(), null, null, false, null, null, null, null, List.of());
        assertFieldError(() -> as("monitor.krct", () -> visits.record(foreignMonitor)), "monitors", "visit.validation.monitor");
        PersonDetails atPerson = person("AT");
        assertFieldError(() -> as("monitor.krct", () -> visits.record(border(today, 10, 1, 0, List.of(atPerson.id())))),
                "people", "visit.validation.person");
        assertThat(visitCount()).isEqualTo(before);

        // A shelter visit names a registered shelter in the visit's municipality.
        long shelterId = jdbc.sql("insert into shelter (name, municipality_code, capacity, status) values (:n, 'PRI', 40, 'OPEN') returning id")
                .param("n", "Test shelter " + System.nanoTime()).query(Long.class).single();
        VisitForm wrongPlace = new VisitForm(today, Set.of(), LocationType.COLLECTIVE_SHELTER, "PRZ", shelterId, null,
                VisitPurpose.COLLECTIVE_SHELTER_MONITORING, OthersMet.NONE, Set.of(), null, null, false, null, null, null, null, List.of());
        assertFieldError(() -> as("monitor.krct", () -> visits.record(wrongPlace)), "municipalityCode", "visit.validation.shelterMunicipality");
        VisitForm atShelter = new VisitForm(today, Set.of(), LocationType.COLLECTIVE_SHELTER, "PRI", shelterId, null,
                VisitPurpose.COLLECTIVE_SHELTER_MONITORING, new OthersMet(3, 2, 1, 5, 2, 2, 3, 1, 4, 1), Set.of(ProtectionConcern.CHILD_PROTECTION),
                null, null, false, null, null, null, null, List.of());
        VisitDetails saved = as("monitor.krct", () -> visits.record(atShelter));
        assertThat(saved.shelterName()).startsWith("Test shelter");
        assertThat(saved.form().othersMet().total()).isEqualTo(24);
    }

    @Test
    void monitorsChangeTheirOwnVisitsCoordinatorsAllAndAStaleSaveIsRefused() {
        VisitDetails v = as("monitor.krct", () -> visits.record(community(LocalDate.now().minusDays(2), false, null)));
        // Another monitor of the same partner (not on this visit) reads but does not change it.
        assertThat(as(Role.PROTECTION_MONITOR, "KRCT", () -> visits.get(v.id()))).isPresent().get()
                .satisfies(d -> assertThat(d.editable()).isFalse());
        assertThatThrownBy(() -> as(Role.PROTECTION_MONITOR, "KRCT", () -> visits.update(v.id(), v.version(), community(LocalDate.now(), false, null))))
                .isInstanceOf(AccessDeniedException.class);

        VisitForm changed = new VisitForm(v.form().visitDate(), Set.of("monitor.krct", "coordinator.krct"), LocationType.RETURNEE_COMMUNITY,
                "MIS", null, "Roma Mahalla", VisitPurpose.PARTICIPATORY_ASSESSMENT, new OthersMet(1, 2, 0, 3, 1, 0, 2, 1, 5, 0),
                v.form().concerns(), v.form().findings(), v.form().needsIdentified(), false, null, null, null, null, List.of());
        VisitDetails coordinatorSaved = as("coordinator.krct", () -> visits.update(v.id(), v.version(), changed));
        assertThat(coordinatorSaved.version()).isGreaterThan(v.version());
        assertThat(coordinatorSaved.form().monitors()).containsExactly("coordinator.krct", "monitor.krct");

        // The monitor's form was opened before the coordinator saved: refused, nothing overwritten.
        assertThatThrownBy(() -> as("monitor.krct", () -> visits.update(v.id(), v.version(), community(LocalDate.now(), false, null))))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        VisitDetails now = as("monitor.krct", () -> visits.get(v.id())).orElseThrow();
        assertThat(now.form().purpose()).isEqualTo(VisitPurpose.PARTICIPATORY_ASSESSMENT);
        List<AuditEventDto> history = as("monitor.krct", () -> visits.history(v.id()));
        assertThat(history).filteredOn(h -> h.action().equals("VISIT_UPDATED")).singleElement().satisfies(h -> {
            assertThat(h.actor()).isEqualTo("coordinator.krct");
            assertThat(h.details()).contains("purpose: RETURN_MONITORING → PARTICIPATORY_ASSESSMENT").contains("male18to59: 4 → 5");
        });
    }

    @Test
    void followUpsAppearForTheMonitorsAndClearWhenDone() {
        LocalDate visitDate = LocalDate.now().minusDays(10);
        VisitDetails overdue = as("monitor.krct", () -> visits.record(community(visitDate, true, LocalDate.now().minusDays(2))));
        VisitDetails later = as("monitor.krct", () -> visits.record(community(visitDate, true, LocalDate.now().plusDays(60))));
        List<FollowUp> mine = as("monitor.krct", () -> followUps.mine(LocalDate.now().plusDays(7), 500));
        assertThat(mine).filteredOn(f -> f.kind() == FollowUpKind.VISIT).extracting(FollowUp::recordId)
                .contains(overdue.id()).doesNotContain(later.id());
        assertThat(mine).filteredOn(f -> f.recordId() == overdue.id() && f.kind() == FollowUpKind.VISIT).singleElement().satisfies(f -> {
            assertThat(f.route()).isEqualTo("visits/" + overdue.id());
            assertThat(f.overdue(LocalDate.now())).isTrue();
        });
        // Not someone else's: another partner's monitor, or a lawyer of the partner.
        assertThat(as("monitor.at", () -> followUps.mine(LocalDate.now().plusDays(7), 500))).extracting(FollowUp::recordId).doesNotContain(overdue.id());
        assertThatThrownBy(() -> as("lawyer.krct", () -> {
            followUps.markDone(FollowUpKind.VISIT, overdue.id());
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        as("monitor.krct", () -> {
            followUps.markDone(FollowUpKind.VISIT, overdue.id());
            return null;
        });
        assertThat(as("monitor.krct", () -> followUps.mine(LocalDate.now().plusDays(7), 500))).extracting(FollowUp::recordId)
                .doesNotContain(overdue.id());
        VisitDetails done = as("monitor.krct", () -> visits.get(overdue.id())).orElseThrow();
        assertThat(done.followUpDoneAt()).isNotNull();
        assertThat(done.followUpDoneBy()).isEqualTo("monitor.krct");
        assertFieldError(() -> as("monitor.krct", () -> visits.markFollowUpDone(overdue.id())), "followUpOn", "visit.validation.followUpDone");
    }

    private static VisitForm withReferrals(VisitForm f, List<VisitFormReferral> referrals) {
        return new VisitForm(f.visitDate(), f.monitors(), f.locationType(), f.municipalityCode(), f.shelterId(), f.place(), f.purpose(),
                f.othersMet(), f.concerns(), f.findings(), f.needsIdentified(), f.followUpRequired(), f.followUpOn(), f.personsObserved(),
                f.newArrivals(), f.asylumIntentions(), f.personIds(), referrals);
    }

    private long ministrySent(LocalDate day) {
        var table = as("monitor.krct", () -> activity.referrals(new ReportPeriod(day, day)));
        return table.row("MINISTRY_INTERNAL_AFFAIRS").map(r -> r.values().get(0)).orElse(0L);
    }

    @Test
    void referralsTypedOnTheVisitFormAreRecordedWithTheVisitOrNothingIs() {
        // A day of its own, so the report's counts below move only with this test.
        LocalDate day = LocalDate.of(2013, 6, 12);
        PersonDetails consenting = person("KRCT");
        PersonDetails noConsent = person("KRCT");
        PersonDetails notMet = person("KRCT");
        as("monitor.krct", () -> consents.recordConsent(consenting.id(), ConsentScope.REFERRAL, day, "verbal, at the crossing point"));
        as("monitor.krct", () -> consents.recordConsent(notMet.id(), ConsentScope.REFERRAL, day, "verbal"));
        long visitsBefore = as("monitor.krct", () -> visits.count(VisitFilter.all()));
        long sentBefore = ministrySent(day);

        // One good referral and three bad ones: every error under its own referral, and nothing written, not even the visit.
        VisitForm bad = withReferrals(border(day, 10, 2, 1, List.of(consenting.id(), noConsent.id())), List.of(
                new VisitFormReferral(consenting.id(), ReferralTarget.MINISTRY_INTERNAL_AFFAIRS, "Intends to seek asylum"),
                new VisitFormReferral(noConsent.id(), ReferralTarget.ICRC, "Family tracing"),
                new VisitFormReferral(consenting.id(), null, "  "),
                new VisitFormReferral(notMet.id(), ReferralTarget.ICRC, "Family tracing")));
        assertThatThrownBy(() -> as("monitor.krct", () -> visits.record(bad))).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.fieldErrors())
                        .containsEntry("referrals.1.consent", "referral.validation.noConsent")
                        .containsEntry("referrals.2.target", "validation.required")
                        .containsEntry("referrals.2.reason", "validation.required")
                        .containsEntry("referrals.3.personId", "visit.validation.referralPerson")
                        .doesNotContainKeys("referrals.0.personId", "referrals.0.target", "referrals.0.reason", "referrals.0.consent",
                                "referrals.1.personId", "referrals.3.consent"));
        assertThat(as("monitor.krct", () -> visits.count(VisitFilter.all()))).isEqualTo(visitsBefore);
        assertThat(ministrySent(day)).isEqualTo(sentBefore);
        // A lawyer may not record visits, so not their referrals either.
        assertThatThrownBy(() -> as("lawyer.krct", () -> visits.record(bad))).isInstanceOf(AccessDeniedException.class);

        // The good one: recorded with the visit, on the visit's day, for the person met, counted by the report.
        VisitDetails v = as("monitor.krct", () -> visits.record(withReferrals(border(day, 10, 2, 1, List.of(consenting.id())),
                List.of(new VisitFormReferral(consenting.id(), ReferralTarget.MINISTRY_INTERNAL_AFFAIRS, " Intends to seek asylum ")))));
        assertThat(v.form().referrals()).as("read back from the cases module, not the visit").isEmpty();
        ReferralDto onForm = as("monitor.krct", () -> visitReferrals.referrals(v.id())).getFirst();
        assertThat(as("monitor.krct", () -> visitReferrals.referrals(v.id()))).hasSize(1);
        assertThat(onForm.visitId()).isEqualTo(v.id());
        assertThat(onForm.caseId()).isNull();
        assertThat(onForm.personId()).isEqualTo(consenting.id());
        assertThat(onForm.target()).isEqualTo(ReferralTarget.MINISTRY_INTERNAL_AFFAIRS);
        assertThat(onForm.referredOn()).isEqualTo(day);
        assertThat(onForm.reason()).isEqualTo("Intends to seek asylum");
        assertThat(onForm.status()).isEqualTo(org.protectioncases.cases.ReferralStatus.SENT);
        assertThat(ministrySent(day)).isEqualTo(sentBefore + 1);
        assertThat(as("monitor.krct", () -> visits.history(v.id()))).extracting(AuditEventDto::action)
                .contains("VISIT_RECORDED", "REFERRAL_SENT");

        // The same referral added after saving is the same kind of record and counts the same way.
        ReferralDto after = as("monitor.krct", () -> visitReferrals.refer(v.id(), consenting.id(), ReferralTarget.MINISTRY_INTERNAL_AFFAIRS, day,
                "Intends to seek asylum"));
        assertThat(after).usingRecursiveComparison().comparingOnlyFields("visitId", "caseId", "personId", "target", "referredOn",
                "reason", "status").isEqualTo(onForm);
        assertThat(ministrySent(day)).isEqualTo(sentBefore + 2);
    }

    @Test
    void demoDataHasVisitsOfBothMonitorsWithBorderCountsAndFollowUps() {
        assertThat(jdbc.sql("select count(*) from monitoring_visit where created_by in ('monitor.krct', 'monitor.at')")
                .query(Long.class).single()).isGreaterThanOrEqualTo(60);
        assertThat(jdbc.sql("select count(*) from monitoring_visit where location_type in ('BORDER_CROSSING_POINT', 'AIRPORT')"
                + " and persons_observed > 0").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from referral where visit_id is not null").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from monitoring_visit where follow_up_required and follow_up_done_at is null"
                + " and follow_up_on < current_date").query(Long.class).single()).isPositive();
        // Reports group by concern in plain SQL.
        assertThat(jdbc.sql("select count(distinct concern) from visit_concern").query(Long.class).single()).isGreaterThan(3);
    }
}
