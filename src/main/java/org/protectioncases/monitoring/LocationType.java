package org.protectioncases.monitoring;

/** Where a visit took place. Stored by name; shown through the message key {@code locationType.<NAME>}. */
public enum LocationType {
    RETURNEE_COMMUNITY, COLLECTIVE_SHELTER, BORDER_CROSSING_POINT, AIRPORT, ASYLUM_CENTRE, DETENTION_OR_POLICE, MUNICIPAL_OFFICE,
    HOUSEHOLD;

    /** Border crossing points and the airport record arrivals and asylum intentions (the border counts). */
    public boolean entryPoint() {
        return this == BORDER_CROSSING_POINT || this == AIRPORT;
    }

    public String messageKey() {
        return "locationType." + name();
    }
}
