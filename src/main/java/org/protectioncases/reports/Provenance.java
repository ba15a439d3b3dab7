package org.protectioncases.reports;

/** Where a figure comes from; label key {@code provenance.<NAME>}. */
public enum Provenance {
    /** Counted from individual records of people (group memberships, return events). */
    INDIVIDUAL_RECORDS,
    /** Counted from shelter residence records. */
    SHELTER_RECORDS,
    /** A dated figure entered with its source (e.g. a host authority's report). */
    REPORTED,
    /** Computed from other figures (totals, percentages). */
    COMPUTED,
    /** Partner records. */
    PARTNER_RECORDS,
    /** No record and no reported figure: shown as not available, never as zero. */
    NOT_AVAILABLE;

    public String messageKey() {
        return "provenance." + name();
    }
}
