package org.protectioncases.imports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A batch that cannot be undone, and (message key {@code import.undo.blocked}) the people that keep it. */
public class UndoRefusedException extends RuntimeException {

    /** A person of the batch that keeps it: the file's row, the person and why (CHANGED, LINKED, NOT_FOUND). */
    public record Blocker(@Nullable Integer row, long personId, String reason) {
    }

    private final String messageKey;
    private final transient List<Blocker> blockers;

    public UndoRefusedException(String messageKey, List<Blocker> blockers) {
        super(messageKey + " " + blockers);
        this.messageKey = messageKey;
        this.blockers = List.copyOf(blockers);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Blocker> blockers() {
        return blockers;
    }
}
