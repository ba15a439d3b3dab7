package org.protectioncases.dataprotection;

import java.time.Instant;

/** A person kept out of every retention run (and erasure) until a manager releases the hold. */
public record LegalHold(long id, long personId, String registrationNo, String reason, String placedBy, Instant placedAt) {

    public static final int REASON_MAX = 500;
}
