package org.protectioncases.imports;

/** What the coordinator said about a row that looks like someone already known. */
public sealed interface Decision {

    /** The row is this person of the registry: attach to them, register no one. */
    record SamePerson(long personId) implements Decision {
    }

    /** The row is the person of an earlier row of the same file: register them once. */
    record SameAsRow(int row) implements Decision {
    }

    /** Someone else: register a new person and record that they are not the suggested matches. */
    record DifferentPerson() implements Decision {
    }
}
