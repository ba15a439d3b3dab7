package org.protectioncases.reports.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
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
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The activity summaries (activity_session_day, activity_topic_day, activity_reach, kept by
 * triggers) give exactly what the direct SQL over sessions, topics, attendees, visits and cases
 * gives: for a manager and each partner's whole scope (under that partner's row-level security), for a
 * year, a quarter, a month and days across a month's end, after each round of random inserts,
 * updates and deletes (single rows and several in one statement, a case moving partner, a
 * person merged, a case closed before it was opened). Records lie in 2016 and 2017 with unique
 * names; the comparison is of whole tables, so other tests' data only adds to both sides.
 */
@SpringBootTest
class ActivitySummaryIT extends ActingUsers {

    private static final List<ReportPeriod> PERIODS = List.of(ReportPeriod.year(2016), ReportPeriod.quarter(2016, 2),
            ReportPeriod.month(2016, 3), ReportPeriod.custom(LocalDate.of(2016, 3, 31), LocalDate.of(2016, 4, 1)),
            ReportPeriod.custom(LocalDate.of(2015, 12, 1), LocalDate.of(2017, 6, 30)));
    private static final String[] TOPICS = Arrays.stream(SessionTopic.values()).map(Enum::name).toArray(String[]::new);
    private static final String[] AID = Arrays.stream(LegalAidType.values()).map(Enum::name).toArray(String[]::new);

    @Autowired
    ActivityRepository repository;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    CaseService caseService;
    @Autowired
    CounsellingService sessions;
    @Autowired
    VisitService visits;
    @Autowired
    PersonService people;
    /** Fixtures read and written as the tables' owner, past row-level security (the app's pool sees no row outside a transaction). */
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestRecords records;

    // -Dactivity.seed=N replays other random write sequences (17 in the suite).
    private final Random random = new Random(Long.getLong("activity.seed", 17));
    private final List<Long> persons = new ArrayList<>();
    private final List<Long> cases = new ArrayList<>();
    private final List<Long> visitIds = new ArrayList<>();

    @Test
    void summariesEqualTheDirectQueriesAfterRandomWrites() {
        String tag = "Summa" + System.nanoTime() % 1_000_000;
        // Staff who open the cases (there is no AT coordinator among the test accounts) and who visit.
        Map<String, String> staff = Map.of("crpk", "coordinator.crpk", "at", "lawyer.at", "krct", "coordinator.krct");
        for (String partner : List.of("crpk", "at", "krct")) {
            String user = staff.get(partner);
            for (int i = 0; i < 4; i++) {
                String given = "P" + i + partner;
                PersonDetails p = records.register(user, person(given, tag, Sex.MALE, LocalDate.of(1990, 1, 1), Community.ROMA,
                        "FER"));
                persons.add(p.id());
                CaseDetails c = records.open(user, new NewCase(p.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL,
                        "Summary test", DocumentType.BIRTH_CERTIFICATE, null, LocalDate.of(2016, 1, 1 + random.nextInt(28))));
                cases.add(c.id());
                // Through the service once per case: the path the app takes.
                as(user, () -> sessions.log(c.id(), new SessionForm(LocalDateTime.of(2016, 3, 31, 23, 30),
                        45, SessionMode.OFFICE, LegalAidType.COUNSELLING, EnumSet.of(SessionTopic.ASYLUM, SessionTopic.OTHER),
                        Set.of(p.id()), false, null, null, null, null, null, null)));
            }
            if (partner.equals("crpk")) {
                continue;
            }
            VisitDetails v = as("monitor." + partner, () -> visits.record(new VisitForm(LocalDate.of(2016, 4, 1), Set.of(),
                    LocationType.RETURNEE_COMMUNITY, "FER", null, "Summary test place", VisitPurpose.RETURN_MONITORING,
                    OthersMet.NONE, Set.of(ProtectionConcern.DOCUMENTATION), null, null, false, null, null, null, null,
                    List.of(persons.get(persons.size() - 1)))));
            visitIds.add(v.id());
        }
        // A closed case, as the workflow closes it.
        long closing = cases.get(0);
        CaseDetails open = as("coordinator.crpk", () -> caseService.get(closing).orElseThrow());
        as("coordinator.crpk", () -> caseWorkflow.changeStatus(closing, open.version(), CaseStatus.CLOSED, null,
                CaseOutcome.DOCUMENT_OBTAINED));
        assertSame("after the services' writes");

        for (int round = 0; round < 6; round++) {
            for (int step = 0; step < 8; step++) {
                randomWrite();
            }
            assertSame("after round " + round);
        }
    }

    /**
     * One statement with more day buckets than PostgreSQL's shared lock table holds
     * (max_locks_per_transaction x (max_connections + max_prepared_transactions) slots): each bucket used to take an advisory lock of its own and the statement failed with
     * "out of shared memory" (generating the 1 M data set did). Now it takes the one "all days" lock;
     * the buckets are still counted right, and deleting the sessions again takes them out.
     */
    @Test
    void aStatementWithThousandsOfBucketsIsCountedUnderOneLock() {
        long caseId = jdbc.sql("select id from protection_case order by id limit 1").query(Long.class).single();
        // Four times the nominal size: the table also has room for background workers and some slack.
        int n = 4 * jdbc.sql("select current_setting('max_locks_per_transaction')::int"
                + " * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int)").query(Integer.class).single();
        String tag = "bulk.lock." + System.nanoTime();
        jdbc.sql("insert into counselling_session (case_id, person_id, owning_partner, counsellor, held_at, duration_minutes, mode,"
                        + " aid_type, created_by) select c.id, c.principal_person_id, c.owning_partner, :tag,"
                        + " timestamptz '1780-01-01 12:00' + g * interval '1 day', 30, 'OFFICE', 'COUNSELLING', :tag"
                        + " from protection_case c, generate_series(0, :n - 1) g where c.id = :case")
                .param("tag", tag).param("n", n).param("case", caseId).update();
        String inBuckets = "select coalesce(sum(sessions), 0) from activity_session_day where day >= date '1780-01-01' and day < date '1950-01-01'";
        try {
            assertThat(jdbc.sql(inBuckets).query(Long.class).single()).isEqualTo(n);
            assertThat(jdbc.sql("select count(*) from activity_session_day where day >= date '1780-01-01' and day < date '1950-01-01'")
                    .query(Long.class).single()).isEqualTo(n);
        } finally {
            jdbc.sql("delete from counselling_session where counsellor = :tag").param("tag", tag).update();
        }
        assertThat(jdbc.sql(inBuckets).query(Long.class).single()).isZero();
    }

    private void randomWrite() {
        long caseId = pick(cases);
        long person = pick(persons);
        switch (random.nextInt(15)) {
            case 0, 1 -> { // one or several sessions in one statement, with topics and attendees
                int n = 1 + random.nextInt(3);
                List<Long> ids = jdbc.sql("insert into counselling_session (case_id, person_id, owning_partner, counsellor, held_at,"
                                + " duration_minutes, mode, aid_type, created_by)"
                                + " select c.id, c.principal_person_id, c.owning_partner, 'summary.test', :at + g * interval '5 hours', 30,"
                                + " 'OFFICE', :aid, 'summary.test' from protection_case c, generate_series(1, :n) g where c.id = :case"
                                + " returning id")
                        .param("at", at()).param("aid", pick(AID)).param("n", n).param("case", caseId).query(Long.class).list();
                for (long id : ids) {
                    for (String topic : List.of(pick(TOPICS), pick(TOPICS))) {
                        jdbc.sql("insert into counselling_session_topic (session_id, topic) values (:id, :t) on conflict do nothing")
                                .param("id", id).param("t", topic).update();
                    }
                    if (random.nextBoolean()) {
                        jdbc.sql("insert into counselling_session_attendee (session_id, person_id) values (:id, :p)")
                                .param("id", id).param("p", person).update();
                    }
                }
            }
            case 2 -> jdbc.sql("update counselling_session set held_at = :at, aid_type = :aid, duration_minutes = :minutes"
                            + " where id = (select id from counselling_session where case_id = :case order by id limit 1)")
                    .param("at", at()).param("aid", pick(AID)).param("minutes", 15 + random.nextInt(120)).param("case", caseId).update();
            case 3 -> jdbc.sql("delete from counselling_session where id = (select max(id) from counselling_session where case_id = :case)")
                    .param("case", caseId).update();
            case 4 -> jdbc.sql("delete from counselling_session_topic where (session_id, topic) = (select t.session_id, t.topic"
                            + " from counselling_session_topic t join counselling_session s on s.id = t.session_id"
                            + " where s.case_id = :case order by t.topic limit 1)")
                    .param("case", caseId).update();
            case 5 -> jdbc.sql("delete from counselling_session_attendee where session_id in (select id from counselling_session where case_id = :case)")
                    .param("case", caseId).update();
            case 6 -> jdbc.sql("update protection_case set opened_on = :d where id = :case and (closed_on is null or closed_on >= :d)")
                    .param("d", day()).param("case", caseId).update();
            case 7 -> jdbc.sql("update protection_case set principal_person_id = :p where id = :case")
                    .param("p", person).param("case", caseId).update();
            case 8 -> jdbc.sql("update protection_case set owning_partner = (select id from partner where code = :code) where id = :case")
                    .param("code", pick(new String[] {"CRPK", "AT", "KRCT"})).param("case", caseId).update();
            case 9 -> jdbc.sql("update monitoring_visit set visit_date = :d where id = :v").param("d", day()).param("v", pick(visitIds)).update();
            case 10 -> jdbc.sql("insert into visit_person (visit_id, person_id) values (:v, :p) on conflict do nothing")
                    .param("v", pick(visitIds)).param("p", person).update();
            case 11 -> jdbc.sql("delete from visit_person where visit_id = :v and person_id = :p")
                    .param("v", pick(visitIds)).param("p", person).update();
            case 12 -> { // a person merged into another (and sometimes back)
                long into = pick(persons);
                jdbc.sql("update person set merged_into_id = case when merged_into_id is null and id <> :into then :into end where id = :p")
                        .param("into", into).param("p", person).update();
            }
            case 14 -> // only the duration: counted in the hours, so not filtered out as a text edit
                    jdbc.sql("update counselling_session set duration_minutes = duration_minutes % 500 + 30 where case_id = :case")
                            .param("case", caseId).update();
            default -> // the closed case's closing date, sometimes before its opening
                    jdbc.sql("update protection_case set closed_on = :d where id = :case").param("d", day()).param("case", cases.get(0)).update();
        }
    }

    private void assertSame(String when) {
        long crpk = partnerId("CRPK");
        long at = partnerId("AT");
        long krct = partnerId("KRCT");
        Map<String, ActivityScope> scopes = new LinkedHashMap<>();
        scopes.put("manager", ActivityScope.ALL);
        scopes.put("coordinator.crpk", new ActivityScope(crpk, null));
        scopes.put("lawyer.at", new ActivityScope(at, null)); // a partner's whole scope under a pc_partner role
        scopes.put("coordinator.krct", new ActivityScope(krct, null));
        Map<String, BiFunction<ReportPeriod, ActivityScope, ActivityRepository.Counts>> summaries = new LinkedHashMap<>();
        Map<String, BiFunction<ReportPeriod, ActivityScope, ActivityRepository.Counts>> direct = new LinkedHashMap<>();
        summaries.put("sessionsByPartner", repository::sessionsByPartner);
        direct.put("sessionsByPartner", repository::sessionsByPartnerDirect);
        summaries.put("sessionsByType", repository::sessionsByType);
        direct.put("sessionsByType", repository::sessionsByTypeDirect);
        summaries.put("sessionsByTopic", repository::sessionsByTopic);
        direct.put("sessionsByTopic", repository::sessionsByTopicDirect);
        summaries.put("sessionsByMonth", repository::sessionsByMonth);
        direct.put("sessionsByMonth", repository::sessionsByMonthDirect);
        summaries.put("minutesByPartner", (period, scope) -> repository.minutesByKind(period, scope, true));
        direct.put("minutesByPartner", (period, scope) -> repository.minutesByKindDirect(period, scope, true));
        summaries.put("personsReached", repository::personsReached);
        direct.put("personsReached", repository::personsReachedDirect);
        for (var scope : scopes.entrySet()) {
            as(scope.getKey(), () -> new TransactionTemplate(transactions).execute(t -> {
                repository.roomForAggregates();
                for (ReportPeriod period : PERIODS) {
                    for (String table : summaries.keySet()) {
                        assertThat(normal(summaries.get(table).apply(period, scope.getValue())))
                                .as("%s, %s, %s, %s", table, scope.getKey(), period, when)
                                .isEqualTo(normal(direct.get(table).apply(period, scope.getValue())));
                    }
                }
                return null;
            }));
        }
    }

    /** Rows with only zeros dropped (the service shows a missing row as zeros), values as lists. */
    private static Map<String, List<Long>> normal(ActivityRepository.Counts counts) {
        Map<String, List<Long>> rows = new TreeMap<>();
        counts.rows().forEach((k, v) -> {
            if (Arrays.stream(v).anyMatch(x -> x != 0)) {
                rows.put(k, Arrays.stream(v).boxed().toList());
            }
        });
        rows.put("(total)", Arrays.stream(counts.total()).boxed().toList());
        return rows;
    }

    private long partnerId(String code) {
        return jdbc.sql("select id from partner where code = :c").param("c", code).query(Long.class).single();
    }

    /** A time in 2016 or early 2017, often close to midnight at a month's end. */
    private OffsetDateTime at() {
        LocalDateTime t = random.nextInt(3) == 0
                ? LocalDateTime.of(2016, 3, 31, 23, 0).plusMinutes(random.nextInt(120))
                : LocalDateTime.of(2016, 1, 1, 8, 0).plusHours(random.nextInt(24 * 420));
        return t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private LocalDate day() {
        return LocalDate.of(2015, 11, 1).plusDays(random.nextInt(600));
    }

    private long pick(List<Long> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
