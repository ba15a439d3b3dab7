package org.protectioncases.people;

/** Whether the person's birth is registered in a civil registry. */
public enum BirthRegistration {
    YES, NO, UNKNOWN;

    public String messageKey() {
        return "birthRegistered." + name();
    }
}
