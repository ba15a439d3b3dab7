package org.protectioncases.reports.population;

/** A population figure that can be broken down; label key {@code population.<NAME>}. */
public enum Population {
    ASYLUM_SEEKERS, AT_RISK_OF_STATELESSNESS, DISPLACED_WITHIN_KOSOVO, IN_SHELTERS, RETURNED_SINCE_2000,
    /** Distinct people who returned in the year (factsheet) or period (statistics). */
    RETURNED_IN_PERIOD;

    public String messageKey() {
        return "population." + name();
    }
}
