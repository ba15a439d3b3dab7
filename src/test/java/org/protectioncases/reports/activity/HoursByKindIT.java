package org.protectioncases.reports.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionForm;
import org.protectioncases.counselling.SessionMode;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.legal.TimeEntryDto;
import org.protectioncases.legal.TimeEntryService;
import org.protectioncases.legal.WorkKind;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.security.SystemAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Hours by kind of work in the activity statistics, on sessions and time entries made through the
 * real services in 2012 (no other test or demo data lies in that year): exact sums per member of
 * staff for a coordinator (their partner's only) and a lawyer (their own), per partner for a UNHCR
 * manager (no staff rows), a day outside the period left out. The cases are closed in 2012 afterwards.
 */
@SpringBootTest
class HoursByKindIT {

    static final ReportPeriod YEAR = ReportPeriod.year(2012);

    @Autowired
    ActivityService activity;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    CounsellingService sessions;
    @Autowired
    TimeEntryService time;
    @Autowired
    PersonService people;
    @Autowired
    SystemAccess system;
    @Autowired
    CaseService cases;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    /** The cases this test opened, with who opened them. */
    private final Map<Long, String> opened = new LinkedHashMap<>();

    private <T> T as(String username, Supplier<T> work) {
        return system.runAsAccount(username, work);
    }

    private CaseDetails openCase(String username, String given) {
        CaseDetails c = as(username, () -> {
            long person = people.register(PersonForm.of(given, "Oret" + System.nanoTime() % 1_000_000, Sex.MALE,
                    LocalDate.of(1975, 5, 5), BirthDatePrecision.EXACT, Community.ROMA, "PRI"), List.of()).id();
            return workflow.open(new NewCase(person, CaseType.GENERAL_PROTECTION, CasePriority.NORMAL, "Hours test", null, null,
                    LocalDate.of(2012, 1, 10)));
        });
        opened.put(c.id(), username);
        return c;
    }

    private void session(String username, long caseId, LocalDateTime at, int minutes) {
        as(username, () -> sessions.log(caseId, new SessionForm(at, minutes, SessionMode.OFFICE, LegalAidType.COUNSELLING,
                EnumSet.of(SessionTopic.OTHER), Set.of(), false, null, null, null, null, null, null)));
    }

    private void entry(String username, long caseId, LocalDate on, int minutes, WorkKind kind) {
        as(username, () -> time.add(caseId, new TimeEntryDto.Form(on, minutes, kind, null)));
    }

    private static List<Long> row(ActivityTable table, String key) {
        return table.row(key).orElseThrow(() -> new AssertionError("no row " + key + " in " + table.rows())).values();
    }

    @Test
    void hoursByKindPerLawyerForCoordinatorsAndPerPartnerForManagers() {
        CaseDetails lawyers = openCase("lawyer.crpk", "Besnik");
        CaseDetails coordinators = openCase("coordinator.crpk", "Gezim");
        CaseDetails at = openCase("lawyer.at", "Milan");
        session("lawyer.crpk", lawyers.id(), LocalDateTime.of(2012, 2, 1, 10, 0), 45);
        session("lawyer.crpk", lawyers.id(), LocalDateTime.of(2012, 12, 31, 23, 30), 20);
        entry("lawyer.crpk", lawyers.id(), LocalDate.of(2012, 2, 2), 90, WorkKind.DRAFTING);
        entry("lawyer.crpk", lawyers.id(), LocalDate.of(2012, 3, 5), 120, WorkKind.COURT);
        entry("lawyer.crpk", lawyers.id(), LocalDate.of(2012, 3, 5), 35, WorkKind.TRAVEL);
        entry("lawyer.crpk", lawyers.id(), LocalDate.of(2012, 3, 6), 25, WorkKind.DRAFTING);
        entry("lawyer.crpk", lawyers.id(), LocalDate.of(2013, 1, 1), 500, WorkKind.COURT); // the next year: not counted
        session("coordinator.crpk", coordinators.id(), LocalDateTime.of(2012, 4, 4, 9, 0), 60);
        entry("coordinator.crpk", coordinators.id(), LocalDate.of(2012, 4, 5), 15, WorkKind.PHONE);
        session("lawyer.at", at.id(), LocalDateTime.of(2012, 5, 5, 11, 0), 50);
        entry("lawyer.at", at.id(), LocalDate.of(2012, 5, 6), 30, WorkKind.OTHER);

        // Columns: counselling, drafting, court, travel, phone, other (the time entries' kinds, in the legal module's order).
        ActivityTable crpk = as("coordinator.crpk", () -> activity.hoursByKind(YEAR));
        assertThat(crpk.unit()).isEqualTo(ActivityTable.Unit.MINUTES);
        assertThat(crpk.dimension()).isEqualTo(ActivityTable.Dimension.STAFF);
        assertThat(crpk.columns()).containsExactly("activity.col.counselling", "legal.workKind.DRAFTING", "legal.workKind.COURT",
                "legal.workKind.TRAVEL", "legal.workKind.PHONE", "legal.workKind.OTHER");
        assertThat(crpk.columns().subList(1, 6)).containsExactlyElementsOf(Arrays.stream(WorkKind.values()).map(WorkKind::messageKey).toList());
        assertThat(crpk.rows()).extracting(ActivityTable.Row::key).containsExactly("coordinator.crpk", "lawyer.crpk");
        assertThat(row(crpk, "lawyer.crpk")).containsExactly(65L, 115L, 120L, 35L, 0L, 0L);
        assertThat(row(crpk, "coordinator.crpk")).containsExactly(60L, 0L, 0L, 0L, 15L, 0L);
        assertThat(crpk.totals()).containsExactly(125L, 115L, 120L, 35L, 15L, 0L);
        assertThat(crpk.rowTotals()).isTrue();

        ActivityTable own = as("lawyer.crpk", () -> activity.hoursByKind(YEAR));
        assertThat(own.rows()).extracting(ActivityTable.Row::key).containsExactly("lawyer.crpk");
        assertThat(own.totals()).containsExactly(65L, 115L, 120L, 35L, 0L, 0L);
        assertThat(as("lawyer.crpk", () -> activity.report(YEAR)).table("hoursByKind")).isPresent();

        // A manager: partners' sums, no member of staff named.
        ActivityTable manager = as("manager", () -> activity.hoursByKind(YEAR));
        assertThat(manager.dimension()).isEqualTo(ActivityTable.Dimension.PARTNER);
        assertThat(manager.rows()).extracting(ActivityTable.Row::key).containsExactlyInAnyOrder("CRPK", "AT");
        assertThat(row(manager, "CRPK")).containsExactly(125L, 115L, 120L, 35L, 15L, 0L);
        assertThat(row(manager, "AT")).containsExactly(50L, 0L, 0L, 0L, 0L, 30L);
        assertThat(manager.totals()).containsExactly(175L, 115L, 120L, 35L, 15L, 30L);

        // The next year has only the entry made on 1 January 2013.
        ActivityTable next = as("coordinator.crpk", () -> activity.hoursByKind(ReportPeriod.year(2013)));
        assertThat(row(next, "lawyer.crpk")).containsExactly(0L, 0L, 500L, 0L, 0L, 0L);

        // A monitor's report has no hours.
        assertThat(as("monitor.krct", () -> activity.report(YEAR)).table("hoursByKind")).isEmpty();
    }

    /**
     * The cases are closed within 2012, so that no other year's statistics count their persons as
     * reached (a case open in a period reaches its person). The workflow closes a case today; the
     * day is moved back as ActivityServiceIT does.
     */
    @AfterEach
    void closeTheCasesIn2012() {
        for (Map.Entry<Long, String> c : opened.entrySet()) {
            long id = c.getKey();
            CaseDetails now = as(c.getValue(), () -> cases.get(id).orElseThrow());
            as(c.getValue(), () -> workflow.changeStatus(id, now.version(), CaseStatus.CLOSED, null,
                    CaseType.GENERAL_PROTECTION.outcomes().getFirst()));
            jdbc.sql("update protection_case set closed_on = date '2012-12-31' where id = :id").param("id", id).update();
        }
        opened.clear();
    }
}
