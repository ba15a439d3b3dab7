package org.protectioncases.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a monitor records about a visit (new or changed). Validated by {@link VisitService}.
 *
 * @param monitors         usernames of the staff who made the visit; empty on a new visit means "me"
 * @param shelterId        the shelter, required for (and only for) a collective shelter
 * @param place            free-text place (village, crossing point), required unless a shelter is named
 * @param followUpOn       when follow-up is due: not before the visit; ignored unless follow-up is required
 * @param personsObserved  border crossing point and airport only (required there), like the next two
 * @param personIds        registered people met, each one the user may see
 */
public record VisitForm(@Nullable LocalDate visitDate, Set<String> monitors, @Nullable LocationType locationType,
                        @Nullable String municipalityCode, @Nullable Long shelterId, @Nullable String place,
                        @Nullable VisitPurpose purpose, OthersMet othersMet, Set<ProtectionConcern> concerns,
                        @Nullable String findings, @Nullable String needsIdentified, boolean followUpRequired,
                        @Nullable LocalDate followUpOn, @Nullable Integer personsObserved, @Nullable Integer newArrivals,
                        @Nullable Integer asylumIntentions, List<Long> personIds) {

    /** The same form without the head counts (the audit diff lists those cell by cell). */
    VisitForm withoutCounts() {
        return new VisitForm(visitDate, monitors, locationType, municipalityCode, shelterId, place, purpose, OthersMet.NONE,
                concerns, findings, needsIdentified, followUpRequired, followUpOn, personsObserved, newArrivals, asylumIntentions,
                personIds);
    }
}
