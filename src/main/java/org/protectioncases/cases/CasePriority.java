package org.protectioncases.cases;

/** Stored by name; shown through the message key {@code priority.<NAME>}. */
public enum CasePriority {
    LOW, NORMAL, HIGH, URGENT;

    public String messageKey() {
        return "priority." + name();
    }
}
