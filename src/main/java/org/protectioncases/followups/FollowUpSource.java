package org.protectioncases.followups;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
}
