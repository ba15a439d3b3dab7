package org.protectioncases.monitoring;

/** A registered person met on a visit, with the label "KOS-2026-000123 Given Family". */
public record VisitPerson(long personId, String label) {
}
