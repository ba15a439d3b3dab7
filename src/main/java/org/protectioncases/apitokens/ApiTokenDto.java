package org.protectioncases.apitokens;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;

/**
 * A token as listed: never the secret or its hash, only the non-secret prefix that identifies it.
 *
 * @param ownerRole the owner's current role (a token acts with it, not with the role at creation)
 */
public record ApiTokenDto(long id, long ownerId, String ownerUsername, String ownerName, Role ownerRole,
                          @Nullable String ownerPartnerCode, String name, String prefix, Instant createdAt, String createdBy,
                          Instant expiresAt, @Nullable Instant revokedAt, @Nullable String revokedBy,
                          @Nullable Instant lastUsedAt) {

    public ApiTokenStatus status(Instant now) {
        if (revokedAt != null) {
            return ApiTokenStatus.REVOKED;
        }
        return expiresAt.isAfter(now) ? ApiTokenStatus.ACTIVE : ApiTokenStatus.EXPIRED;
    }
}
