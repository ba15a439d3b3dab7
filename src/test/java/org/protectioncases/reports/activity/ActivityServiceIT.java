package org.protectioncases.reports.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralStatus;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.OthersMet;
import org.protectioncases.monitoring.ProtectionConcern;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Activity statistics against independent SQL counts, on records created through the real
 * services in 2015 (no other test or demo data lies in that year): sessions with two topics,
 * persons reached more than once, quarter and month boundaries, and the scope of each role.
 */
@SpringBootTest
class ActivityServiceIT extends ActingUsers {

    static final ReportPeriod YEAR = ReportPeriod.year(2015);

    @Autowired
    ActivityService activity;
    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    ReferralService caseReferrals;
    @Autowired
    CounsellingService sessions;
    @Autowired
    VisitService visits;
    @Autowired
    org.protectioncases.monitoring.VisitReferralService visitReferrals;
    @Autowired
    PersonService people;
    @Autowired
    ConsentService consents;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TestRecords records;

    private PersonDetails person(String username, String given) {
        return records.register(username, TestRecords.person(given, "Aktiviteti" + System.nanoTime() % 1_000_000, Sex.FEMALE,
                LocalDate.of(1982, 4, 4), Community.ASHKALI, "FER"));
    }

    private CaseDetails openCase(String username, long personId, CaseType type, LocalDate on) {
        return records.open(username, new NewCase(personId, type, CasePriority.NORMAL, "Activity test",
                type == CaseType.CIVIL_DOCUMENTATION ? DocumentType.ID_CARD : null, null, on));
    }

    private void session(String username, long caseId, LocalDateTime at, LegalAidType aid, Set<SessionTopic> topics, Set<Long> attendees) {
        as(username, () -> sessions.log(caseId, new SessionForm(at, 30, SessionMode.OFFICE, aid, topics, attendees, false, null,
                null, null, null, null, null)));
    }

    private VisitDetails visit(String username, LocalDate date, LocationType type, List<Long> personIds) {
        boolean border = type.entryPoint();
        return as(username, () -> visits.record(new VisitForm(date, Set.of(), type, "FER", null, "Activity test place",
                border ? VisitPurpose.BORDER_MONITORING : VisitPurpose.RETURN_MONITORING, OthersMet.NONE,
                Set.of(ProtectionConcern.DOCUMENTATION), null, null, false, null, border ? 10 : null, border ? 4 : null,
                border ? 2 : null, personIds)));
    }

    private long sql(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long cell(ActivityTable table, String row, int column) {
        return table.row(row).orElseThrow().values().get(column);
    }

    @Test
    void everyTableMatchesIndependentSqlAndEachRoleSeesItsOwnActivity() {
        // CRPK: lawyer.crpk's two cases, three sessions (one with two topics, one on each side of 31 March / 1 April).
        PersonDetails p1 = person("lawyer.crpk", "Arta");
        PersonDetails p2 = person("lawyer.crpk", "Blerta");
        PersonDetails p3 = person("lawyer.crpk", "Drita");
        CaseDetails c1 = openCase("lawyer.crpk", p1.id(), CaseType.CIVIL_DOCUMENTATION, LocalDate.of(2015, 1, 10));
        CaseDetails c2 = openCase("lawyer.crpk", p2.id(), CaseType.ASYLUM, LocalDate.of(2015, 2, 1));
        session("lawyer.crpk", c1.id(), LocalDateTime.of(2015, 3, 31, 23, 0), LegalAidType.ASSISTANCE,
                EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION, SessionTopic.SOCIAL_ASSISTANCE), Set.of(p1.id(), p3.id()));
        session("lawyer.crpk", c1.id(), LocalDateTime.of(2015, 4, 1, 0, 30), LegalAidType.INFORMATION,
                EnumSet.of(SessionTopic.CIVIL_DOCUMENTATION), Set.of(p1.id()));
        session("lawyer.crpk", c2.id(), LocalDateTime.of(2015, 2, 15, 10, 0), LegalAidType.REPRESENTATION,
                EnumSet.of(SessionTopic.ASYLUM), Set.of());
        as("lawyer.crpk", () -> consents.recordConsent(p1.id(), ConsentScope.REFERRAL, LocalDate.now(), "signed form"));
        ReferralDto sent = as("lawyer.crpk", () -> caseReferrals.refer(c1.id(), c1.version(), ReferralTarget.MUNICIPAL_CIVIL_REGISTRY,
                LocalDate.of(2015, 3, 5), "Late registration"));
        as("lawyer.crpk", () -> caseReferrals.respond(sent.id(), sent.version(), ReferralStatus.ACCEPTED, LocalDate.of(2015, 3, 10)));
        CaseDetails c1Now = as("lawyer.crpk", () -> cases.get(c1.id()).orElseThrow());
        CaseDetails c1Obtained = as("lawyer.crpk", () -> caseWorkflow.update(c1.id(), c1Now.version(), new CaseUpdate(CasePriority.NORMAL, null,
                "Activity test", DocumentType.ID_CARD, "Civil registry Ferizaj", LocalDate.of(2015, 2, 2), LocalDate.of(2015, 3, 20))));
        as("lawyer.crpk", () -> caseWorkflow.changeStatus(c1.id(), c1Obtained.version(), CaseStatus.CLOSED, null, CaseOutcome.DOCUMENT_OBTAINED));
        // The workflow closes a case today; the closing date is moved back into the test year.
        jdbc.sql("update protection_case set closed_on = date '2015-04-15' where id = :id").param("id", c1.id()).update();

        // CRPK, not lawyer.crpk's: the coordinator's own case and session.
        PersonDetails p4 = person("coordinator.crpk", "Elira");
        CaseDetails c4 = openCase("coordinator.crpk", p4.id(), CaseType.GENERAL_PROTECTION, LocalDate.of(2015, 5, 5));
        session("coordinator.crpk", c4.id(), LocalDateTime.of(2015, 5, 6, 9, 0), LegalAidType.COUNSELLING,
                EnumSet.of(SessionTopic.OTHER), Set.of(p4.id()));

        // AT: Q1 reached three times (case, session, visit): one person.
        PersonDetails q1 = person("lawyer.at", "Jelena");
        CaseDetails c3 = openCase("lawyer.at", q1.id(), CaseType.GENERAL_PROTECTION, LocalDate.of(2015, 3, 1));
        session("lawyer.at", c3.id(), LocalDateTime.of(2015, 3, 10, 11, 0), LegalAidType.COUNSELLING,
                EnumSet.of(SessionTopic.OTHER, SessionTopic.PROPERTY_HOUSING), Set.of(q1.id()));
        visit("monitor.at", LocalDate.of(2015, 1, 15), LocationType.RETURNEE_COMMUNITY, List.of(q1.id()));

        // KRCT: a border visit with a referral and a community visit, the same person met on both.
        PersonDetails k1 = person("monitor.krct", "Fatime");
        VisitDetails border = visit("monitor.krct", LocalDate.of(2015, 2, 20), LocationType.BORDER_CROSSING_POINT, List.of(k1.id()));
        visit("monitor.krct", LocalDate.of(2015, 3, 31), LocationType.RETURNEE_COMMUNITY, List.of(k1.id()));
        as("monitor.krct", () -> consents.recordConsent(k1.id(), ConsentScope.REFERRAL, LocalDate.now(), "verbal"));
        as("monitor.krct", () -> visitReferrals.refer(border.id(), k1.id(), ReferralTarget.MINISTRY_INTERNAL_AFFAIRS, LocalDate.of(2015, 2, 20),
                "Intends to seek asylum"));

        ActivityReport manager = as("manager", () -> activity.report(YEAR));
        assertThat(manager.partnerCode()).isNull();
        assertThat(manager.sections()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ActivitySection.class));
        matchesIndependentSql(manager);

        // Hard cases, as numbers: 5 sessions in the year; SOCIAL_ASSISTANCE only through the two-topic session;
        // persons reached: p1 (case, session, attendee), p2, p3 (attendee), p4, q1 (three ways), k1 (two visits) = 6.
        ActivityTable byType = manager.table("sessionsByType").orElseThrow();
        assertThat(byType.totals()).containsExactly(5L);
        ActivityTable byTopic = manager.table("sessionsByTopic").orElseThrow();
        assertThat(cell(byTopic, "CIVIL_DOCUMENTATION", 0)).isEqualTo(2);
        assertThat(cell(byTopic, "SOCIAL_ASSISTANCE", 0)).isEqualTo(1);
        assertThat(byTopic.totals()).containsExactly(5L);
        assertThat(byTopic.rows().stream().mapToLong(ActivityTable.Row::total).sum()).isEqualTo(7); // topics counted per session
        ActivityTable reached = manager.table("personsReached").orElseThrow();
        assertThat(reached.totals()).containsExactly(6L);
        assertThat(cell(reached, "CRPK", 0)).isEqualTo(4);
        assertThat(cell(reached, "AT", 0)).isEqualTo(1);
        assertThat(cell(reached, "KRCT", 0)).isEqualTo(1);
        ActivityTable overTime = manager.table("activityByMonth").orElseThrow();
        assertThat(overTime.rows()).hasSize(12);
        assertThat(overTime.columns()).containsExactly("activity.col.sessions", "activity.col.visits");
        assertThat(overTime.row("2015-03").orElseThrow().values()).containsExactly(2L, 1L); // 31 March 23:00 is March
        assertThat(overTime.row("2015-04").orElseThrow().values()).containsExactly(1L, 0L); // 1 April 00:30 is April
        assertThat(overTime.totals()).containsExactly(5L, 3L);
        ActivityTable borderTable = manager.table("borderByMonth").orElseThrow();
        assertThat(borderTable.row("2015-02").orElseThrow().values()).containsExactly(1L, 10L, 4L, 2L);
        ActivityTable referrals = manager.table("referrals").orElseThrow();
        assertThat(cell(referrals, "MUNICIPAL_CIVIL_REGISTRY", 1)).isEqualTo(1);  // accepted
        assertThat(cell(referrals, "MINISTRY_INTERNAL_AFFAIRS", 0)).isEqualTo(1); // sent, from the visit
        ActivityTable casesByType = manager.table("casesByType").orElseThrow();
        assertThat(cell(casesByType, "CIVIL_DOCUMENTATION", 0)).isEqualTo(1);
        assertThat(cell(casesByType, "CIVIL_DOCUMENTATION", 1)).isEqualTo(1);
        assertThat(casesByType.totals()).containsExactly(4L, 1L);
        assertThat(cell(manager.table("casesByOutcome").orElseThrow(), "DOCUMENT_OBTAINED", 0)).isEqualTo(1);
        assertThat(cell(manager.table("civilDocuments").orElseThrow(), "ID_CARD", 0)).isEqualTo(1);

        // Quarter and month boundaries: 31 March 23:00 is in the first quarter, 1 April 00:30 is not.
        ActivityTable q1Sessions = as("manager", () -> activity.sessionsByType(ReportPeriod.quarter(2015, 1)));
        assertThat(cell(q1Sessions, "ASSISTANCE", 0)).isEqualTo(1);
        assertThat(cell(q1Sessions, "INFORMATION", 0)).isZero();
        assertThat(q1Sessions.totals()).containsExactly(3L);
        ActivityTable q2Sessions = as("manager", () -> activity.sessionsByType(ReportPeriod.quarter(2015, 2)));
        assertThat(cell(q2Sessions, "INFORMATION", 0)).isEqualTo(1);
        assertThat(q2Sessions.totals()).containsExactly(2L);
        ActivityTable april = as("manager", () -> activity.sessionsByMonth(ReportPeriod.month(2015, 4)));
        assertThat(april.rows()).extracting(ActivityTable.Row::key).containsExactly("2015-04");
        assertThat(april.totals()).containsExactly(1L);
        assertThat(as("manager", () -> activity.visitsByMonth(ReportPeriod.custom(LocalDate.of(2015, 3, 31), LocalDate.of(2015, 3, 31))))
                .totals()).containsExactly(1L);

        // The CRPK coordinator: CRPK only (4 sessions, 4 persons, no visits, no AT or KRCT rows).
        ActivityReport crpk = as("coordinator.crpk", () -> activity.report(YEAR));
        assertThat(crpk.partnerCode()).isEqualTo("CRPK");
        assertThat(crpk.table("sessionsByType").orElseThrow().totals()).containsExactly(4L);
        assertThat(crpk.table("personsReached").orElseThrow().rows()).extracting(ActivityTable.Row::key).containsExactly("CRPK");
        assertThat(crpk.table("personsReached").orElseThrow().totals()).containsExactly(4L);
        assertThat(crpk.table("visitsByLocationType").orElseThrow().totals()).containsExactly(0L);
        assertThat(crpk.table("referrals").orElseThrow().totals()).containsExactly(0L, 1L, 0L, 0L);
        assertThat(crpk.table("casesByType").orElseThrow().totals()).containsExactly(3L, 1L);

        // lawyer.crpk: only their own sessions and cases, not the coordinator's; no visit sections.
        ActivityReport lawyer = as("lawyer.crpk", () -> activity.report(YEAR));
        assertThat(lawyer.username()).isEqualTo("lawyer.crpk");
        assertThat(lawyer.sections()).doesNotContain(ActivitySection.VISITS, ActivitySection.BORDER);
        assertThat(lawyer.table("visitsByLocationType")).isEmpty();
        assertThat(lawyer.table("sessionsByPartner")).isEmpty();
        assertThat(lawyer.table("activityByMonth").orElseThrow().columns()).containsExactly("activity.col.sessions");
        assertThat(lawyer.table("sessionsByType").orElseThrow().totals()).containsExactly(3L);
        assertThat(lawyer.table("personsReached").orElseThrow().totals()).containsExactly(3L);
        assertThat(lawyer.table("casesByType").orElseThrow().totals()).containsExactly(2L, 1L);
        assertThat(lawyer.table("referrals").orElseThrow().totals()).containsExactly(0L, 1L, 0L, 0L);
        assertThat(as("lawyer.at", () -> activity.report(YEAR)).table("personsReached").orElseThrow().totals()).containsExactly(1L);

        // monitor.krct: their own visits, the border counts and the visit's referral; no sessions or cases.
        ActivityReport monitor = as("monitor.krct", () -> activity.report(YEAR));
        assertThat(monitor.sections()).doesNotContain(ActivitySection.SESSIONS, ActivitySection.CASES);
        assertThat(monitor.table("sessionsByType")).isEmpty();
        assertThat(monitor.table("visitsByLocationType").orElseThrow().totals()).containsExactly(2L);
        assertThat(monitor.table("borderByMonth").orElseThrow().totals()).containsExactly(1L, 10L, 4L, 2L);
        assertThat(monitor.table("referrals").orElseThrow().totals()).containsExactly(1L, 0L, 0L, 0L);
        assertThat(monitor.table("personsReached").orElseThrow().totals()).containsExactly(1L);
        assertThat(as("monitor.at", () -> activity.visitsByLocationType(YEAR)).totals()).containsExactly(1L);
        assertThat(as("monitor.at", () -> activity.referrals(YEAR)).totals()).containsExactly(0L, 0L, 0L, 0L);

        // ADMIN sees no activity at all.
        assertThatThrownBy(() -> system.runAsAdmin(() -> activity.report(YEAR))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> system.runAsAdmin(() -> activity.personsReached(YEAR))).isInstanceOf(AccessDeniedException.class);
    }

    /** Every cell of the manager's report, counted again with exists subqueries and extract() instead of group by. */
    private void matchesIndependentSql(ActivityReport report) {
        String sessionIn2015 = " extract(year from s.held_at) = 2015";
        for (ActivityTable.Row row : report.table("sessionsByType").orElseThrow().rows()) {
            assertThat(row.values().get(0)).as(row.key()).isEqualTo(sql("select count(*) from counselling_session s where"
                    + sessionIn2015 + " and s.aid_type = '" + row.key() + "'"));
        }
        for (ActivityTable.Row row : report.table("sessionsByTopic").orElseThrow().rows()) {
            assertThat(row.values().get(0)).as(row.key()).isEqualTo(sql("select count(*) from counselling_session s where"
                    + sessionIn2015 + " and exists (select 1 from counselling_session_topic t where t.session_id = s.id and t.topic = '"
                    + row.key() + "')"));
        }
        for (ActivityTable.Row row : report.table("sessionsByPartner").orElseThrow().rows()) {
            assertThat(row.values().get(0)).as(row.key()).isEqualTo(sql("select count(*) from counselling_session s where"
                    + sessionIn2015 + " and s.owning_partner = (select id from partner where code = '" + row.key() + "')"));
        }
        for (ActivityTable.Row row : report.table("activityByMonth").orElseThrow().rows()) {
            int month = Integer.parseInt(row.key().substring(5));
            assertThat(row.values()).as(row.key()).containsExactly(
                    sql("select count(*) from counselling_session s where" + sessionIn2015 + " and extract(month from s.held_at) = " + month),
                    sql("select count(*) from monitoring_visit v where extract(year from v.visit_date) = 2015 and extract(month from v.visit_date) = "
                            + month));
        }
        for (ActivityTable.Row row : report.table("visitsByLocationType").orElseThrow().rows()) {
            assertThat(row.values().get(0)).as(row.key()).isEqualTo(sql("select count(*) from monitoring_visit v"
                    + " where v.visit_date >= date '2015-01-01' and v.visit_date < date '2016-01-01' and v.location_type = '" + row.key() + "'"));
        }
        for (ActivityTable.Row row : report.table("borderByMonth").orElseThrow().rows()) {
            int month = Integer.parseInt(row.key().substring(5));
            String where = " from monitoring_visit v where v.persons_observed is not null and extract(year from v.visit_date) = 2015"
                    + " and extract(month from v.visit_date) = " + month;
            assertThat(row.values()).as(row.key()).containsExactly(sql("select count(*)" + where),
                    sql("select coalesce(sum(v.persons_observed), 0)" + where), sql("select coalesce(sum(v.new_arrivals), 0)" + where),
                    sql("select coalesce(sum(v.asylum_intentions), 0)" + where));
        }
        List<String> statuses = List.of("SENT", "ACCEPTED", "DECLINED", "COMPLETED");
        for (ActivityTable.Row row : report.table("referrals").orElseThrow().rows()) {
            for (int i = 0; i < statuses.size(); i++) {
                assertThat(row.values().get(i)).as(row.key() + " " + statuses.get(i)).isEqualTo(sql("select count(*) from referral r"
                        + " where extract(year from r.referred_on) = 2015 and r.target = '" + row.key() + "' and r.status = '" + statuses.get(i) + "'"));
            }
        }
        for (ActivityTable.Row row : report.table("casesByType").orElseThrow().rows()) {
            assertThat(row.values()).as(row.key()).containsExactly(
                    sql("select count(*) from protection_case c where c.case_type = '" + row.key() + "' and extract(year from c.opened_on) = 2015"),
                    sql("select count(*) from protection_case c where c.case_type = '" + row.key() + "' and c.status = 'CLOSED'"
                            + " and extract(year from c.closed_on) = 2015"));
        }
        for (ActivityTable.Row row : report.table("casesByOutcome").orElseThrow().rows()) {
            assertThat(row.values().get(0)).as(row.key()).isEqualTo(sql("select count(*) from protection_case c where c.outcome = '"
                    + row.key() + "' and c.status = 'CLOSED' and extract(year from c.closed_on) = 2015"));
        }
        for (ActivityTable.Row row : report.table("civilDocuments").orElseThrow().rows()) {
            assertThat(row.values().get(0)).as(row.key()).isEqualTo(sql("select count(*) from protection_case c"
                    + " where c.case_type = 'CIVIL_DOCUMENTATION' and extract(year from c.obtained_on) = 2015"
                    + " and coalesce(c.document_sought, 'OTHER') = '" + row.key() + "'"));
        }
        // Persons reached: each (kept) person once, whichever way and however often they were reached.
        String reachedBy = "(select id from partner where code = '%s')";
        String reached = """
                select count(*) from person p where p.merged_into_id is null and (
                  exists (select 1 from counselling_session s left join counselling_session_attendee a on a.session_id = s.id
                          where (s.person_id = p.id or a.person_id = p.id) and %1$s and extract(year from s.held_at) = 2015)
                  or exists (select 1 from visit_person vp join monitoring_visit v on v.id = vp.visit_id
                             where vp.person_id = p.id and %2$s and extract(year from v.visit_date) = 2015)
                  or exists (select 1 from protection_case c where c.principal_person_id = p.id and %3$s
                             and c.opened_on < date '2016-01-01' and coalesce(c.closed_on, date '9999-12-31') >= date '2015-01-01'))""";
        ActivityTable persons = report.table("personsReached").orElseThrow();
        assertThat(persons.totals()).containsExactly(sql(reached.formatted("true", "true", "true")));
        for (ActivityTable.Row row : persons.rows()) {
            String partner = reachedBy.formatted(row.key());
            assertThat(row.values().get(0)).as(row.key()).isEqualTo(sql(reached.formatted("s.owning_partner = " + partner,
                    "v.owning_partner = " + partner, "c.owning_partner = " + partner)));
        }
    }

    @Test
    void badPeriodsAreRefusedNextToTheirFields() {
        assertThatThrownBy(() -> ReportPeriod.custom(LocalDate.of(2015, 5, 1), LocalDate.of(2015, 4, 30)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("to", "validation.endBeforeStart"));
        assertThatThrownBy(() -> ReportPeriod.custom(LocalDate.of(2005, 1, 1), LocalDate.of(2015, 1, 1)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("to", "activity.validation.tooLong"));
        assertThatThrownBy(() -> ReportPeriod.custom(null, LocalDate.of(2015, 1, 1)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("from", "validation.required"));
        assertThatThrownBy(() -> ReportPeriod.quarter(2015, 5)).isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> ReportPeriod.month(2015, 13)).isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> ReportPeriod.year(1999)).isInstanceOf(FieldValidationException.class);
        assertThat(ReportPeriod.custom(LocalDate.of(2005, 1, 1), LocalDate.of(2014, 12, 31)).to()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(ReportPeriod.quarter(2016, 1)).isEqualTo(new ReportPeriod(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 3, 31)));
        assertThat(ReportPeriod.month(2016, 2).to()).isEqualTo(LocalDate.of(2016, 2, 29));
    }
}
