package org.protectioncases.reports.factsheet;

/** A count for one calendar year (distinct people). */
public record YearCount(int year, long persons) {
}
