package org.protectioncases.people;

/**
 * Specific needs (a subset of UNHCR's codes). Restricted ones are shown only to the staff of the
 * partner that registered the person, never to UNHCR managers, never in reports.
 */
public enum SpecificNeed {
    DISABILITY(false),
    OLDER_PERSON_AT_RISK(false),
    UNACCOMPANIED_OR_SEPARATED_CHILD(false),
    SINGLE_PARENT(false),
    SGBV_SURVIVOR(true),
    TORTURE_SURVIVOR(true),
    SERIOUS_MEDICAL_CONDITION(false);

    private final boolean restricted;

    SpecificNeed(boolean restricted) {
        this.restricted = restricted;
    }

    public boolean restricted() {
        return restricted;
    }

    public String messageKey() {
        return "need." + name();
    }
}
