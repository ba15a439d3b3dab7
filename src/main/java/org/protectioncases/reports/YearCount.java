package org.protectioncases.reports;

/** A count for one calendar year (distinct people). */
public record YearCount(int year, long persons) {
}
