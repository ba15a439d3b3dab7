package org.protectioncases.legal;

/** The kinds of decision whose service starts a deadline (deadline_rule.decision_type). */
public enum DecisionType {
    COURT_JUDGMENT, COURT_RULING, ADMINISTRATIVE_DECISION, ASYLUM_DECISION, CIVIL_REGISTRY_DECISION, PROPERTY_CLAIM_DECISION, OTHER;

    public String messageKey() {
        return "legal.decisionType." + name();
    }
}
