package org.protectioncases.counselling;

/** How the session took place; label key {@code session.mode.<NAME>}. */
public enum SessionMode {
    OFFICE, OUTREACH, PHONE, ONLINE;

    public String messageKey() {
        return "session.mode." + name();
    }
}
