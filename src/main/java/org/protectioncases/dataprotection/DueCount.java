package org.protectioncases.dataprotection;

import org.jspecify.annotations.Nullable;

/** Dry run: how many records of a kind the next run would touch, for a partner (null: not a partner's, e.g. the access log). */
public record DueCount(RetentionKind kind, @Nullable String partnerCode, long count) {
}
