package org.protectioncases.reports;

/** A population figure that can be broken down; label key {@code population.<NAME>}. */
public enum Population {
    ASYLUM_SEEKERS, AT_RISK_OF_STATELESSNESS, DISPLACED_WITHIN_KOSOVO, IN_SHELTERS, RETURNED_SINCE_2000;

    public String messageKey() {
        return "population." + name();
    }
}
