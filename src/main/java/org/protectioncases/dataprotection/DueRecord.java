package org.protectioncases.dataprotection;

/** Dry run, for the owning partner's coordinator: one person or case the next run would anonymise or clear. */
public record DueRecord(RetentionKind kind, long id, String label) {
}
