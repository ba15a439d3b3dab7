package org.protectioncases.reports.activity;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.counselling.LegalAidType;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.people.DocumentType;
import org.protectioncases.reports.ReportPeriod;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.db.ReportWork;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity statistics for a period: counselling sessions, monitoring visits, border counts,
 * persons reached, referrals, cases opened and closed, civil documents obtained. Every count is
 * one SQL query. Scope follows the role: UNHCR managers see all partners, coordinators their
 * partner, lawyers and monitors their own activity (sessions they held, cases assigned to them,
 * visits they made, and the referrals and persons reached through those). ADMIN sees none.
 */
@Service
public class ActivityService {

    private final ActivityRepository repository;
    private final CurrentUser currentUser;

    ActivityService(ActivityRepository repository, CurrentUser currentUser) {
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** The sections the signed-in user's role gets: a lawyer has no visits, a monitor no sessions or cases. */
    @Allowed(Permission.READ_ACTIVITY)
    public Set<ActivitySection> sections() {
        return switch (currentUser.require().role()) {
            case PARTNER_LAWYER -> EnumSet.of(ActivitySection.SESSIONS, ActivitySection.CASES, ActivitySection.REFERRALS,
                    ActivitySection.PERSONS_REACHED, ActivitySection.CIVIL_DOCUMENTS, ActivitySection.HOURS);
            case PROTECTION_MONITOR -> EnumSet.of(ActivitySection.VISITS, ActivitySection.BORDER, ActivitySection.REFERRALS,
                    ActivitySection.PERSONS_REACHED);
            default -> EnumSet.allOf(ActivitySection.class);
        };
    }

    /** Every table of the user's sections, in the order the report shows them. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityReport report(ReportPeriod period) {
        AppUser user = currentUser.require();
        ActivityScope scope = scope();
        Set<ActivitySection> sections = sections();
        List<ActivityTable> tables = new ArrayList<>();
        // Only a UNHCR manager compares partners: their ranking (most sessions, most persons reached) comes first.
        boolean ranking = scope.partner() == null;
        if (ranking) {
            if (sections.contains(ActivitySection.SESSIONS)) {
                tables.add(sessionsByPartner(period));
            }
            tables.add(personsReached(period));
        }
        tables.add(activityByMonth(period));
        if (sections.contains(ActivitySection.SESSIONS)) {
            tables.addAll(List.of(sessionsByType(period), sessionsByTopic(period)));
            if (!ranking && scope.username() == null) {
                // One's own sessions are all of one partner.
                tables.add(sessionsByPartner(period));
            }
        }
        if (sections.contains(ActivitySection.VISITS)) {
            tables.add(visitsByLocationType(period));
        }
        if (sections.contains(ActivitySection.BORDER)) {
            tables.add(borderCountsByMonth(period));
        }
        if (!ranking) {
            tables.add(personsReached(period));
        }
        tables.add(referrals(period));
        if (sections.contains(ActivitySection.CASES)) {
            tables.addAll(List.of(casesByType(period), casesClosedByOutcome(period)));
        }
        if (sections.contains(ActivitySection.CIVIL_DOCUMENTS)) {
            tables.add(civilDocuments(period));
        }
        if (sections.contains(ActivitySection.HOURS)) {
            tables.add(hoursByKind(period));
        }
        return new ActivityReport(period, scope.partner() == null ? null : user.partnerCode(), scope.username(), sections, tables);
    }

    /** Sessions held per partner, most first (a ranking). */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable sessionsByPartner(ReportPeriod period) {
        ActivityRepository.Counts counts = repository.sessionsByPartner(period, scope());
        return table("sessionsByPartner", ActivityTable.Dimension.PARTNER, List.of("activity.col.sessions"),
                ranked(counts), counts, false, false);
    }

    /** Row keys by their first count, largest first; ties by key, so the order is stable. */
    private static List<String> ranked(ActivityRepository.Counts counts) {
        return counts.rows().entrySet().stream()
                .sorted(Map.Entry.<String, long[]>comparingByValue(Comparator.comparingLong(v -> -v[0]))
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Sessions per type of legal aid. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable sessionsByType(ReportPeriod period) {
        return table("sessionsByType", ActivityTable.Dimension.AID_TYPE, List.of("activity.col.sessions"),
                names(LegalAidType.values()), repository.sessionsByType(period, scope()), false, false);
    }

    /** Sessions per topic: a session with several topics counts under each; the total counts it once. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable sessionsByTopic(ReportPeriod period) {
        return table("sessionsByTopic", ActivityTable.Dimension.TOPIC, List.of("activity.col.sessions"),
                names(SessionTopic.values()), repository.sessionsByTopic(period, scope()), false, false);
    }

    /** Sessions per month (every month of the period, empty ones too). */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable sessionsByMonth(ReportPeriod period) {
        return table("sessionsByMonth", ActivityTable.Dimension.MONTH, List.of("activity.col.sessions"), months(period),
                repository.sessionsByMonth(period, scope()), false, false);
    }

    /** Monitoring visits per location type. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable visitsByLocationType(ReportPeriod period) {
        return table("visitsByLocationType", ActivityTable.Dimension.LOCATION_TYPE, List.of("activity.col.visits"),
                names(LocationType.values()), repository.visitsByLocationType(period, scope()), false, false);
    }

    /** Monitoring visits per month. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable visitsByMonth(ReportPeriod period) {
        return table("visitsByMonth", ActivityTable.Dimension.MONTH, List.of("activity.col.visits"), months(period),
                repository.visitsByMonth(period, scope()), false, false);
    }

    /**
     * Sessions and visits per month side by side (the "activity over time" chart), limited to the
     * sections of the user's role: a lawyer's has only sessions, a monitor's only visits.
     */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable activityByMonth(ReportPeriod period) {
        Set<ActivitySection> sections = sections();
        List<ActivityTable> parts = new ArrayList<>();
        if (sections.contains(ActivitySection.SESSIONS)) {
            parts.add(sessionsByMonth(period));
        }
        if (sections.contains(ActivitySection.VISITS)) {
            parts.add(visitsByMonth(period));
        }
        List<String> months = months(period);
        List<ActivityTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            int row = i;
            rows.add(new ActivityTable.Row(months.get(i), parts.stream().map(p -> p.rows().get(row).values().get(0)).toList()));
        }
        return new ActivityTable("activityByMonth", ActivityTable.Dimension.MONTH,
                parts.stream().map(p -> p.columns().get(0)).toList(), rows, parts.stream().map(p -> p.totals().get(0)).toList(),
                false, false);
    }

    /** Border crossing points and the airport per month: visits, persons observed, new arrivals, asylum intentions. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable borderCountsByMonth(ReportPeriod period) {
        return table("borderByMonth", ActivityTable.Dimension.MONTH, List.of("activity.col.borderVisits",
                        "activity.col.personsObserved", "activity.col.newArrivals", "activity.col.asylumIntentions"),
                months(period), repository.borderByMonth(period, scope()), false, true);
    }

    /** Distinct persons reached, per partner, most first; the total counts a person reached through two partners once. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable personsReached(ReportPeriod period) {
        ActivityRepository.Counts counts = repository.personsReached(period, scope());
        return table("personsReached", ActivityTable.Dimension.PARTNER, List.of("activity.col.persons"),
                ranked(counts), counts, false, true);
    }

    /** Referrals made in the period (from cases and visits) by target institution and current status. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable referrals(ReportPeriod period) {
        return table("referrals", ActivityTable.Dimension.REFERRAL_TARGET, List.of("referralStatus.SENT", "referralStatus.ACCEPTED",
                        "referralStatus.DECLINED", "referralStatus.COMPLETED"),
                names(ReferralTarget.values()), repository.referrals(period, scope()), true, true);
    }

    /** Cases opened in the period and cases closed in it, per case type. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable casesByType(ReportPeriod period) {
        return table("casesByType", ActivityTable.Dimension.CASE_TYPE, List.of("activity.col.opened", "activity.col.closed"),
                names(CaseType.values()), repository.casesByType(period, scope()), false, true);
    }

    /** Cases closed in the period, per outcome. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable casesClosedByOutcome(ReportPeriod period) {
        return table("casesByOutcome", ActivityTable.Dimension.OUTCOME, List.of("activity.col.closed"),
                names(CaseOutcome.values()), repository.casesClosedByOutcome(period, scope()), false, true);
    }

    /** Civil documents obtained in the period through civil-documentation cases, per document type. */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable civilDocuments(ReportPeriod period) {
        return table("civilDocuments", ActivityTable.Dimension.DOCUMENT_TYPE, List.of("activity.col.documents"),
                names(DocumentType.values()), repository.civilDocuments(period, scope()), false, true);
    }

    /**
     * Time worked by kind (counselling sessions' durations, and time entries by kind), in minutes:
     * per member of staff for a coordinator (their partner's) and a lawyer (their own row), per
     * partner for a UNHCR manager, who sees partners' aggregates and no other partner's staff.
     */
    @Allowed(Permission.READ_ACTIVITY)
    @Transactional(readOnly = true)
    @ReportWork
    public ActivityTable hoursByKind(ReportPeriod period) {
        ActivityScope scope = scope();
        boolean byPartner = scope.partner() == null;
        ActivityRepository.Counts counts = repository.minutesByKind(period, scope, byPartner);
        List<String> columns = ActivityRepository.WORK_KINDS.stream()
                .map(k -> k.equals("COUNSELLING") ? "activity.col.counselling" : "legal.workKind." + k).toList();
        return table("hoursByKind", byPartner ? ActivityTable.Dimension.PARTNER : ActivityTable.Dimension.STAFF, columns,
                List.copyOf(counts.rows().keySet()), counts, true, false).inMinutes();
    }

    /** The user's scope; also prepares the (read-only) transaction for the aggregates that follow. */
    private ActivityScope scope() {
        repository.roomForAggregates();
        AppUser user = currentUser.require();
        return switch (user.role()) {
            case UNHCR_MANAGER -> ActivityScope.ALL;
            case PARTNER_COORDINATOR -> new ActivityScope(Objects.requireNonNull(user.partnerScope()), null);
            case PARTNER_LAWYER, PROTECTION_MONITOR -> new ActivityScope(Objects.requireNonNull(user.partnerScope()), user.getUsername());
            // Unreachable through @PreAuthorize; refuse rather than widen the scope.
            case ADMIN -> throw new AccessDeniedException("No activity reports for ADMIN");
        };
    }

    /** A table with one row per key (zeros where the query found nothing). */
    private static ActivityTable table(String key, ActivityTable.Dimension dimension, List<String> columns, List<String> rowKeys,
                                       ActivityRepository.Counts counts, boolean rowTotals, boolean personCounts) {
        List<ActivityTable.Row> rows = rowKeys.stream()
                .map(k -> new ActivityTable.Row(k, Arrays.stream(counts.rows().getOrDefault(k, new long[columns.size()])).boxed().toList()))
                .toList();
        return new ActivityTable(key, dimension, columns, rows, Arrays.stream(counts.total()).boxed().toList(), rowTotals, personCounts);
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    /** Every month the period touches, as {@code yyyy-MM}. */
    static List<String> months(ReportPeriod period) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}
