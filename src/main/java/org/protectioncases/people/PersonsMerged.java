package org.protectioncases.people;

/**
 * Published inside the merge transaction: modules that refer to people (cases, sessions) move
 * their records from {@code mergedId} to {@code keptId} so nothing stays attached to the pointer.
 */
public record PersonsMerged(long keptId, long mergedId) {
}
