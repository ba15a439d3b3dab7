package org.protectioncases.legal;

/** What time on a case was spent on (counselling sessions carry their own duration). */
public enum WorkKind {
    DRAFTING, COURT, TRAVEL, PHONE, OTHER;

    public String messageKey() {
        return "legal.workKind." + name();
    }
}
