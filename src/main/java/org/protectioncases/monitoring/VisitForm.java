package org.protectioncases.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * What a monitor records about a visit (new or changed). Validated by {@link VisitService}.
 *
 * @param monitors         usernames of the staff who made the visit; empty on a new visit means "me"
 * @param shelterId        the shelter, required for (and only for) a collective shelter
 * @param place            free-text place (village, crossing point), required unless a shelter is named
 * @param followUpOn       when follow-up is due: not before the visit; ignored unless follow-up is required
 * @param personsObserved  border crossing point and airport only (required there), like the next two
 * @param personIds        registered people met, each one the user may see
 * @param referrals        referrals made during the visit, recorded with it (a saved visit always reads back none:
 *                         referrals are kept by the cases module and read with {@link VisitService#referrals})
 */
public record VisitForm(@Nullable LocalDate visitDate,
                        @Size(max = MONITORS_MAX) Set<@Size(max = TextRules.USERNAME) @SingleLine String> monitors,
                        @Nullable LocationType locationType,
                        @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode,
                        @Nullable Long shelterId, @Size(max = PLACE_MAX) @SingleLine @Nullable String place,
                        @Nullable VisitPurpose purpose, OthersMet othersMet, Set<ProtectionConcern> concerns,
                        @Size(max = FINDINGS_MAX) @MultiLine @Nullable String findings,
                        @Size(max = NEEDS_MAX) @MultiLine @Nullable String needsIdentified, boolean followUpRequired,
                        @Nullable LocalDate followUpOn, @Nullable Integer personsObserved, @Nullable Integer newArrivals,
                        @Nullable Integer asylumIntentions, @Size(max = PEOPLE_MAX) List<Long> personIds,
                        @Size(max = REFERRALS_MAX) List<@Valid VisitFormReferral> referrals) {

    // Column sizes of monitoring_visit (db-changelog/monitoring); the form uses the same constants.
    public static final int PLACE_MAX = 200;
    public static final int FINDINGS_MAX = 4000;
    public static final int NEEDS_MAX = 2000;
    /** Bounds on the lists, so one request cannot make the service check thousands of ids. */
    public static final int MONITORS_MAX = 20;
    public static final int PEOPLE_MAX = 500;
    public static final int REFERRALS_MAX = 50;

    public VisitForm {
        // Drafts saved before referrals were on the form have none.
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
    }

    /** A visit without referrals made on the form (a saved visit, or one whose referrals follow on its page). */
    public VisitForm(@Nullable LocalDate visitDate, Set<String> monitors, @Nullable LocationType locationType,
                     @Nullable String municipalityCode, @Nullable Long shelterId, @Nullable String place,
                     @Nullable VisitPurpose purpose, OthersMet othersMet, Set<ProtectionConcern> concerns,
                     @Nullable String findings, @Nullable String needsIdentified, boolean followUpRequired,
                     @Nullable LocalDate followUpOn, @Nullable Integer personsObserved, @Nullable Integer newArrivals,
                     @Nullable Integer asylumIntentions, List<Long> personIds) {
        this(visitDate, monitors, locationType, municipalityCode, shelterId, place, purpose, othersMet, concerns, findings,
                needsIdentified, followUpRequired, followUpOn, personsObserved, newArrivals, asylumIntentions, personIds, List.of());
    }

    /** The same form without the head counts (the audit diff lists those cell by cell) and referrals (audited as sent). */
    VisitForm withoutCounts() {
        return new VisitForm(visitDate, monitors, locationType, municipalityCode, shelterId, place, purpose, OthersMet.NONE,
                concerns, findings, needsIdentified, followUpRequired, followUpOn, personsObserved, newArrivals, asylumIntentions,
                personIds);
    }
}
