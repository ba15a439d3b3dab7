package org.protectioncases.people;

/** Stored by name; shown through the message key {@code displacement.<NAME>}. */
public enum DisplacementPlace {
    WITHIN_KOSOVO, SERBIA, MONTENEGRO, NORTH_MACEDONIA, OTHER;

    public String messageKey() {
        return "displacement." + name();
    }
}
