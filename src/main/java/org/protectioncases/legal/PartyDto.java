package org.protectioncases.legal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A party of a case. */
public record PartyDto(long id, long caseId, PartyRole role, String name, @Nullable String organisation, String addedBy,
                       Instant addedAt) {
}
