package org.protectioncases.people;

/** A member of a person's household as the reader may see it (other partners' members are left out). */
public record HouseholdMember(long personId, String label, Relationship relationship) {
}
