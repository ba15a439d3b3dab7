package org.protectioncases.dataprotection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A coordinator's request to erase (anonymise now) one of the partner's people; a UNHCR manager decides. */
public record ErasureRequest(long id, long personId, String registrationNo, String partnerCode, String reason, String requestedBy,
                             Instant requestedAt, ErasureStatus status, @Nullable String decidedBy, @Nullable Instant decidedAt) {

    public static final int REASON_MAX = 500;
}
