package org.protectioncases.counselling;

/**
 * What a session was about (several per session); label key {@code session.topic.<NAME>}. A
 * restricted topic (SGBV) tells that the person is a survivor, like a restricted specific need: it
 * is shown, filtered on and named in history only for the staff of the partner that held the
 * session. Activity statistics still count it (aggregates name no one).
 */
public enum SessionTopic {
    CIVIL_DOCUMENTATION(false), ASYLUM(false), PROPERTY_HOUSING(false), SOCIAL_ASSISTANCE(false), EDUCATION(false),
    HEALTH(false), FAMILY_LAW(false), SGBV(true), OTHER(false);

    private final boolean restricted;

    SessionTopic(boolean restricted) {
        this.restricted = restricted;
    }

    public boolean restricted() {
        return restricted;
    }

    public String messageKey() {
        return "session.topic." + name();
    }
}
