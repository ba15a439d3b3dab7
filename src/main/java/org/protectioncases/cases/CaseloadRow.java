package org.protectioncases.cases;

import org.jspecify.annotations.Nullable;

/**
 * Open cases of a partner by caseworker and status.
 *
 * @param assignedTo the caseworker, or null for cases whose assignee is disabled or left the partner
 */
public record CaseloadRow(@Nullable String assignedTo, CaseStatus status, long cases) {
}
