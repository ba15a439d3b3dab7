package org.protectioncases.people;

/** Stored by name; shown through the message key {@code birthPrecision.<NAME>}. */
public enum BirthDatePrecision {
    EXACT, MONTH, YEAR;

    public String messageKey() {
        return "birthPrecision." + name();
    }
}
