package org.protectioncases.legal;

/** A name in another of the partner's cases close to the one checked (what a check would record). */
public record ConflictCandidate(long matchedCaseId, String matchedCaseNo, String matchedName, double score) {
}
