package org.protectioncases.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a record's history: who did what, when, with the changed fields in {@code details}. */
public record AuditEventDto(Instant at, String actor, String action, @Nullable String details) {
}
