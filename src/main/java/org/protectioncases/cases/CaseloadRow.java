package org.protectioncases.cases;

/**
 * Open cases of a partner by caseworker and status.
 *
 * @param assignedTo the caseworker, or null for cases whose assignee is disabled or left the partner
 */
public record CaseloadRow(@org.jspecify.annotations.Nullable String assignedTo, CaseStatus status, long cases) {
}
