package org.protectioncases.monitoring;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A row of the visits list.
 *
 * @param place      the shelter's name or the free-text place
 * @param monitors   usernames, comma-separated
 * @param peopleMet  others counted plus registered people linked
 */
public record VisitSummary(long id, LocalDate visitDate, LocationType locationType, String municipalityCode, String place,
                           VisitPurpose purpose, String partnerCode, String monitors, int peopleMet,
                           @Nullable Integer personsObserved, @Nullable LocalDate followUpOn, boolean followUpDone) {

    public boolean followUpOverdue(LocalDate today) {
        return followUpOn != null && !followUpDone && followUpOn.isBefore(today);
    }
}
