package org.protectioncases.people;

/** Stored by name; shown through the message key {@code citizenship.<NAME>}. */
public enum CitizenshipStatus {
    COUNTRY, UNDETERMINED, STATELESS;

    public String messageKey() {
        return "citizenship." + name();
    }
}
