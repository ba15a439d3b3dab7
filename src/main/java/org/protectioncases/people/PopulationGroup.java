package org.protectioncases.people;

/** Stored by name; shown through the message key {@code group.<NAME>}. */
public enum PopulationGroup {
    ASYLUM_SEEKER, REFUGEE, IDP, RETURNEE, AT_RISK_OF_STATELESSNESS, STATELESS;

    public String messageKey() {
        return "group." + name();
    }
}
