package org.protectioncases.legal;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's list of deadline rules ("N days from service of decision type X"), audited. */
@Service
public class DeadlineRuleService {

    private final CaseEventRepository repository;
    private final AuditService audit;

    DeadlineRuleService(CaseEventRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** All rules, active and not (a short list: at most 500). */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional(readOnly = true)
    public List<DeadlineRuleDto> all() {
        return repository.rules(false, null);
    }

    /** Adds a rule ({@code id} null) or changes one at its version. */
    @Allowed(Permission.MANAGE_DEADLINE_RULES)
    @Transactional
    public DeadlineRuleDto save(@Valid DeadlineRuleDto rule) {
        String name = rule.name() == null ? "" : rule.name().strip();
        // Required fields and the day range are DeadlineRuleDto's constraints, refused before this runs.
        DecisionType type = Objects.requireNonNull(rule.decisionType());
        DayCount count = Objects.requireNonNull(rule.dayCount());
        long id;
        if (rule.id() == null) {
            id = repository.insertRule(type, name, rule.days(), count, rule.active());
            audit.record("DEADLINE_RULE_ADDED", "deadline_rule", id, type + ": " + rule.days() + " " + count + " days, " + name);
        } else {
            id = rule.id();
            DeadlineRuleDto before = repository.rule(id).orElseThrow(() -> new LegalRecordNotFoundException("deadline rule", rule.id()));
            if (!repository.updateRule(id, rule.version(), type, name, rule.days(), count, rule.active())) {
                throw new OptimisticLockingFailureException("deadline rule " + id + " changed meanwhile");
            }
            audit.record("DEADLINE_RULE_CHANGED", "deadline_rule", id, before.decisionType() + " " + before.days() + " " + before.dayCount()
                    + (before.active() ? "" : " inactive") + " → " + type + " " + rule.days() + " " + count + (rule.active() ? "" : " inactive")
                    + ", " + name);
        }
        return repository.rule(id).orElseThrow();
    }
}
