package org.protectioncases.followups;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Implemented by each module that has follow-ups (a Spring bean). Implementations scope to the
 * signed-in user themselves (their own records only) and check, in {@link #markDone}, that the
 * user may change the record.
 */
public interface FollowUpSource {

    FollowUpKind kind();

    /** The signed-in user's open follow-ups due on or before {@code until}, oldest first, at most {@code limit}. */
    List<FollowUp> openFollowUps(LocalDate until, int limit);

    /** Marks the follow-up of the record as handled; refuses records the user may not change. */
    void markDone(long recordId);

    /**
     * For a coordinator: how many follow-ups of this kind are overdue on {@code today}, per staff
     * member (username) of the coordinator's partner. Sources without such a count answer empty.
     */
    default Map<String, Long> overdueByStaff(LocalDate today) {
        return Map.of();
    }

    /**
     * For a coordinator: the open follow-ups of this kind of every staff member of the coordinator's
     * partner (never another partner's), due from {@code from} to {@code until} (both included),
     * oldest first, at most {@code limit}; each with whose it is, chosen as in "My follow-ups" (the
     * same record for the same person). Sources that keep no such list (visits: the monitors' field
     * work, not the partner's legal calendar) answer empty.
     */
    default List<StaffFollowUp> partnerFollowUps(@Nullable LocalDate from, LocalDate until, int limit) {
        return List.of();
    }
}
