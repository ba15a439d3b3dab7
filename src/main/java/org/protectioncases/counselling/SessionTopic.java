package org.protectioncases.counselling;

import java.util.Set;
import org.protectioncases.cases.CaseType;

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

    /**
     * The topics a new session of a case of this type starts with (the counsellor changes them if
     * the session was about something else): what the case type is mostly about.
     */
    public static Set<SessionTopic> defaultsFor(CaseType type) {
        return switch (type) {
            case ASYLUM -> Set.of(ASYLUM);
            // Statelessness is settled through civil registration and nationality documents.
            case CIVIL_DOCUMENTATION, STATELESSNESS -> Set.of(CIVIL_DOCUMENTATION);
            // Returns and durable solutions for the displaced turn mostly on property and housing in Kosovo.
            case RETURN_REINTEGRATION, IDP_DURABLE_SOLUTIONS -> Set.of(PROPERTY_HOUSING);
            case GENERAL_PROTECTION -> Set.of();
        };
    }

    public String messageKey() {
        return "session.topic." + name();
    }
}
