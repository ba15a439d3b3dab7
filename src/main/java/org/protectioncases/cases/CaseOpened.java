package org.protectioncases.cases;

/**
 * Published inside the transaction that opens a case, so that modules building on cases (the
 * legal module's conflict check) can act on it in the same transaction without cases knowing them.
 */
public record CaseOpened(long caseId, long personId, long partnerId) {
}
