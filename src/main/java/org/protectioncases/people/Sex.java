package org.protectioncases.people;

/** Stored by name; shown through the message key {@code sex.<NAME>}. */
public enum Sex {
    FEMALE, MALE, OTHER;

    public String messageKey() {
        return "sex." + name();
    }
}
