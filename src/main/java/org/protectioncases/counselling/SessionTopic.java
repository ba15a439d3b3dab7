package org.protectioncases.counselling;

/** What a session was about (several per session); label key {@code session.topic.<NAME>}. */
public enum SessionTopic {
    CIVIL_DOCUMENTATION, ASYLUM, PROPERTY_HOUSING, SOCIAL_ASSISTANCE, EDUCATION, HEALTH, FAMILY_LAW, SGBV, OTHER;

    public String messageKey() {
        return "session.topic." + name();
    }
}
