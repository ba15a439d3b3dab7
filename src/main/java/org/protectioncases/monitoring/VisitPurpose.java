package org.protectioncases.monitoring;

/** Why the visit was made. Stored by name; shown through the message key {@code visitPurpose.<NAME>}. */
public enum VisitPurpose {
    RETURN_MONITORING, BORDER_MONITORING, COLLECTIVE_SHELTER_MONITORING, PARTICIPATORY_ASSESSMENT, COMMUNITY_FORUM, OTHER;

    public String messageKey() {
        return "visitPurpose." + name();
    }
}
