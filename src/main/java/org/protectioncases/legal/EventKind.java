package org.protectioncases.legal;

/** What a case event is. */
public enum EventKind {
    HEARING, DEADLINE, DECISION_SERVED;

    public String messageKey() {
        return "legal.eventKind." + name();
    }
}
