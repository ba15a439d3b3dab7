package org.protectioncases.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of the case timeline. */
public record StatusChangeDto(@Nullable CaseStatus from, CaseStatus to, @Nullable String reason, String changedBy, Instant at) {
}
