package org.protectioncases.dataprotection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The retention schedule (UNHCR managers edit it; audited), its dry run (managers: counts by kind
 * and partner; coordinators: their partner's counts and records), legal holds, and a run on
 * demand. The daily run is {@link RetentionSchedule}. Reads of what is due run as the system
 * principal after the permission check, so row-level security hides no activity that keeps a
 * record alive; the partner scope is applied in SQL.
 */
@Service
public class RetentionService {

    /** Most records a coordinator's dry run lists per kind. */
    public static final int DRY_RUN_LIST_MAX = 200;
    /** What a rule's years outside {@link RetentionRule#MIN_YEARS}–{@link RetentionRule#MAX_YEARS} are refused with. */
    private static final String YEARS_RANGE = "dataprotection.validation.years";
    public static final int PAGE_MAX = 500;

    private final RetentionRepository repository;
    private final RetentionRunner runner;
    private final CurrentUser currentUser;
    private final AuditService audit;

    RetentionService(RetentionRepository repository, RetentionRunner runner, CurrentUser currentUser, AuditService audit) {
        this.repository = repository;
        this.runner = runner;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The schedule, one rule per kind. */
    @Allowed(Permission.REVIEW_RETENTION)
    public List<RetentionRule> rules() {
        return runner.asSystem(repository::rules);
    }

    /** Changes a rule; refused if someone saved it meanwhile. Audited old → new. */
    @Allowed(Permission.MANAGE_RETENTION)
    public RetentionRule updateRule(RetentionKind kind,
                                    @Min(value = RetentionRule.MIN_YEARS, message = YEARS_RANGE)
                                    @Max(value = RetentionRule.MAX_YEARS, message = YEARS_RANGE) int years,
                                    boolean enabled, long version) {
        String user = currentUser.require().getUsername();
        return runner.asSystem(() -> {
            RetentionRule before = rule(kind);
            if (repository.updateRule(kind, years, enabled, version, user) == 0) {
                throw new ObjectOptimisticLockingFailureException("retention_rule", kind.name());
            }
            audit.recordMessage("RETENTION_RULE_CHANGED", "retention", kind.name(), new AuditMessage("history.dataprotection.ruleChanged",
                    List.of(AuditMessage.keys(List.of(kind.messageKey())), String.valueOf(before.years()), String.valueOf(years),
                            yesNo(before.enabled()), yesNo(enabled)),
                    "by " + user + ": years " + before.years() + " → " + years + ", enabled " + before.enabled() + " → " + enabled));
            return rule(kind);
        });
    }

    private RetentionRule rule(RetentionKind kind) {
        return repository.rules().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    /**
     * What the next run would do, by kind and partner. Managers see every partner, and the access
     * log and audit details (no partner's); a coordinator sees their own partner's counts only.
     */
    @Allowed(Permission.REVIEW_RETENTION)
    public List<DueCount> dryRunCounts() {
        @Nullable Long partner = currentUser.require().partnerScope();
        return runner.asSystem(() -> {
            LocalDate today = runner.today();
            List<DueCount> counts = new ArrayList<>();
            for (RetentionRule rule : repository.rules()) {
                if (!rule.enabled()) {
                    continue;
                }
                LocalDate cutoff = today.minusYears(rule.years());
                switch (rule.kind()) {
                    case INACTIVE_PERSON, CLOSED_CASE, ATTACHMENT -> counts.addAll(repository.countsByPartner(rule.kind(), cutoff, partner));
                    case ACCESS_LOG -> {
                        if (partner == null) {
                            counts.add(new DueCount(rule.kind(), null, audit.countAccessLogBefore(RetentionRepository.cutoffInstant(cutoff))));
                        }
                    }
                    case AUDIT_DETAILS -> {
                        if (partner == null) {
                            counts.add(new DueCount(rule.kind(), null, audit.countDetailsBefore(RetentionRepository.cutoffInstant(cutoff))));
                        }
                    }
                }
            }
            return counts;
        });
    }

    /** The coordinator's own people and cases the next run would anonymise or clear (at most {@link #DRY_RUN_LIST_MAX} of each). */
    @Allowed(Permission.REVIEW_RETENTION)
    public List<DueRecord> dryRunRecords() {
        AppUser user = currentUser.require();
        Long partner = user.partnerId();
        if (partner == null) {
            return List.of();
        }
        return runner.asSystem(() -> {
            LocalDate today = runner.today();
            List<RetentionRule> rules = repository.rules();
            LocalDate people = today.minusYears(years(rules, RetentionKind.INACTIVE_PERSON));
            LocalDate cases = today.minusYears(years(rules, RetentionKind.CLOSED_CASE));
            return repository.dueRecords(people, cases, partner, DRY_RUN_LIST_MAX).stream()
                    .filter(r -> enabled(rules, r.kind())).toList();
        });
    }

    private static int years(List<RetentionRule> rules, RetentionKind kind) {
        return rules.stream().filter(r -> r.kind() == kind).mapToInt(RetentionRule::years).findFirst().orElse(RetentionRule.MAX_YEARS);
    }

    private static boolean enabled(List<RetentionRule> rules, RetentionKind kind) {
        return rules.stream().anyMatch(r -> r.kind() == kind && r.enabled());
    }

    /** Runs retention now (as the daily job would); skipped while another node runs it. */
    @Allowed(Permission.MANAGE_RETENTION)
    public RetentionRunResult runNow() {
        return runner.run();
    }

    /** Keeps a person (by registration number) out of retention and erasure; audited with the reason. */
    @Allowed(Permission.MANAGE_RETENTION)
    public LegalHold placeHold(@Size(max = 20) @SingleLine String registrationNo,
                               @Size(max = LegalHold.REASON_MAX) @SingleLine String reason) {
        String user = currentUser.require().getUsername();
        return runner.asSystem(() -> {
            @Nullable Long person = repository.currentPerson(registrationNo.strip());
            new FieldErrors().rejectIf(person == null, "registrationNo", "dataprotection.validation.person")
                    .rejectIf(reason.isBlank(), "reason", "dataprotection.validation.reason")
                    .throwIfAny();
            new FieldErrors().rejectIf(repository.isHeld(person), "registrationNo", "dataprotection.validation.held").throwIfAny();
            long id = repository.placeHold(person, reason.strip(), user);
            audit.recordMessage("LEGAL_HOLD_PLACED", "person", person, new AuditMessage("history.dataprotection.holdPlaced",
                    List.of(AuditMessage.text(reason.strip())), "by " + user + ": " + reason.strip()));
            return repository.activeHolds(0, PAGE_MAX).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
        });
    }

    /** Releases a hold; audited. */
    @Allowed(Permission.MANAGE_RETENTION)
    public void releaseHold(long holdId) {
        String user = currentUser.require().getUsername();
        runner.asSystem(() -> {
            @Nullable Long person = repository.releaseHold(holdId, user);
            if (person != null) {
                audit.recordMessage("LEGAL_HOLD_RELEASED", "person", person, new AuditMessage("history.dataprotection.holdReleased",
                        List.of(), "by " + user));
            }
            return null;
        });
    }

    /** Active legal holds, newest first, one page. */
    @Allowed(Permission.MANAGE_RETENTION)
    public List<LegalHold> holds(int offset, int limit) {
        return runner.asSystem(() -> repository.activeHolds(Math.max(0, offset), Math.min(Math.max(limit, 0), PAGE_MAX)));
    }

    private static String yesNo(boolean value) {
        return AuditMessage.keys(List.of(value ? "common.yes" : "common.no"));
    }
}
