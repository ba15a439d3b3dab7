package org.protectioncases.counselling;

/** The type of legal aid given; label key {@code session.aid.<NAME>}. */
public enum LegalAidType {
    INFORMATION, COUNSELLING, ASSISTANCE, REPRESENTATION, ACCOMPANIMENT;

    public String messageKey() {
        return "session.aid." + name();
    }
}
