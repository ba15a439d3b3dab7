package org.protectioncases.followups;

import java.util.Map;

/**
 * One staff member's overdue work, for the coordinator's home page.
 *
 * @param username the staff member (shown by name)
 * @param counts   overdue items per kind (absent kinds: none)
 */
public record TeamOverdue(String username, Map<FollowUpKind, Long> counts) {

    public long count(FollowUpKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
