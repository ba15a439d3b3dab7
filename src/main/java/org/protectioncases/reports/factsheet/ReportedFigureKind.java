package org.protectioncases.reports.factsheet;

/** A figure entered by UNHCR managers rather than counted; label key {@code reported.<NAME>}. */
public enum ReportedFigureKind {
    DISPLACED_IN_SERBIA, DISPLACED_IN_MONTENEGRO, DISPLACED_IN_NORTH_MACEDONIA,
    FUNDING_REQUIREMENT_USD, FUNDING_RECEIVED_USD,
    STAFF_NATIONAL, STAFF_INTERNATIONAL, INTERNS, OFFICES;

    public String messageKey() {
        return "reported." + name();
    }
}
