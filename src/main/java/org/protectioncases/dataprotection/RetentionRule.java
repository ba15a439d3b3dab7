package org.protectioncases.dataprotection;

import java.time.Instant;

/** One rule of the retention schedule. */
public record RetentionRule(RetentionKind kind, int years, boolean enabled, String updatedBy, Instant updatedAt, long version) {

    public static final int MIN_YEARS = 1;
    public static final int MAX_YEARS = 100;
}
