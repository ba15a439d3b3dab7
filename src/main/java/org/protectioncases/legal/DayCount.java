package org.protectioncases.legal;

/** How a rule's days are counted. */
public enum DayCount {
    /** Every day counts; a deadline ending on a weekend or holiday moves to the next working day. */
    CALENDAR,
    /** Only Monday–Friday days that are not public holidays count. */
    WORKING;

    public String messageKey() {
        return "legal.dayCount." + name();
    }
}
