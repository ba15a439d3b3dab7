package org.protectioncases.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a record's history: who did what, when, with the changed fields in {@code details};
 * entries written as an {@link AuditMessage} also carry its key and arguments, to be shown in the
 * reader's language ({@code messageKey} is null for older entries and the others).
 */
public record AuditEventDto(Instant at, String actor, String action, @Nullable String details, @Nullable String messageKey,
                            List<String> messageArgs) {

    public AuditEventDto {
        messageArgs = List.copyOf(messageArgs);
    }

    public AuditEventDto(Instant at, String actor, String action, @Nullable String details) {
        this(at, actor, action, details, null, List.of());
    }
}
