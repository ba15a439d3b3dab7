package org.protectioncases.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * What a monitor records about a visit (new or changed). {@link VisitRules} checks the constraints
 * of the {@link Complete} group (not a draft's: it may be incomplete) with the rest of its rules
 * (location type, registries, people met), so one save shows every mistake.
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
public record VisitForm(@Required(groups = Complete.class) @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE, groups = Complete.class)
                        @Nullable LocalDate visitDate,
                        @Size(max = MONITORS_MAX) Set<@Size(max = TextRules.USERNAME) @SingleLine String> monitors,
                        @Required(groups = Complete.class) @Nullable LocationType locationType,
                        @Required(groups = Complete.class) @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String municipalityCode,
                        @Nullable Long shelterId, @Size(max = PLACE_MAX) @SingleLine @Nullable String place,
                        @Required(groups = Complete.class) @Nullable VisitPurpose purpose, OthersMet othersMet, Set<ProtectionConcern> concerns,
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
        return toBuilder().othersMet(OthersMet.NONE).referrals(List.of()).build();
    }

    /** An empty form to fill by name (no monitors, people, concerns or referrals; no one else met). */
    public static Builder builder() {
        return new Builder();
    }

    /** This form's values, to change a few by name. */
    public Builder toBuilder() {
        return new Builder()
                .visitDate(visitDate)
                .monitors(monitors)
                .locationType(locationType)
                .municipalityCode(municipalityCode)
                .shelterId(shelterId)
                .place(place)
                .purpose(purpose)
                .othersMet(othersMet)
                .concerns(concerns)
                .findings(findings)
                .needsIdentified(needsIdentified)
                .followUpRequired(followUpRequired)
                .followUpOn(followUpOn)
                .personsObserved(personsObserved)
                .newArrivals(newArrivals)
                .asylumIntentions(asylumIntentions)
                .personIds(personIds)
                .referrals(referrals);
    }

    /** Fills a form by component name rather than by position among eighteen. */
    public static final class Builder {
        private @Nullable LocalDate visitDate;
        private Set<String> monitors = Set.of();
        private @Nullable LocationType locationType;
        private @Nullable String municipalityCode;
        private @Nullable Long shelterId;
        private @Nullable String place;
        private @Nullable VisitPurpose purpose;
        private OthersMet othersMet = OthersMet.NONE;
        private Set<ProtectionConcern> concerns = Set.of();
        private @Nullable String findings;
        private @Nullable String needsIdentified;
        private boolean followUpRequired;
        private @Nullable LocalDate followUpOn;
        private @Nullable Integer personsObserved;
        private @Nullable Integer newArrivals;
        private @Nullable Integer asylumIntentions;
        private List<Long> personIds = List.of();
        private List<VisitFormReferral> referrals = List.of();

        private Builder() {
        }

        public Builder visitDate(@Nullable LocalDate visitDate) {
            this.visitDate = visitDate;
            return this;
        }

        public Builder monitors(Set<String> monitors) {
            this.monitors = monitors;
            return this;
        }

        public Builder locationType(@Nullable LocationType locationType) {
            this.locationType = locationType;
            return this;
        }

        public Builder municipalityCode(@Nullable String municipalityCode) {
            this.municipalityCode = municipalityCode;
            return this;
        }

        public Builder shelterId(@Nullable Long shelterId) {
            this.shelterId = shelterId;
            return this;
        }

        public Builder place(@Nullable String place) {
            this.place = place;
            return this;
        }

        public Builder purpose(@Nullable VisitPurpose purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder othersMet(OthersMet othersMet) {
            this.othersMet = othersMet;
            return this;
        }

        public Builder concerns(Set<ProtectionConcern> concerns) {
            this.concerns = concerns;
            return this;
        }

        public Builder findings(@Nullable String findings) {
            this.findings = findings;
            return this;
        }

        public Builder needsIdentified(@Nullable String needsIdentified) {
            this.needsIdentified = needsIdentified;
            return this;
        }

        public Builder followUpRequired(boolean followUpRequired) {
            this.followUpRequired = followUpRequired;
            return this;
        }

        public Builder followUpOn(@Nullable LocalDate followUpOn) {
            this.followUpOn = followUpOn;
            return this;
        }

        public Builder personsObserved(@Nullable Integer personsObserved) {
            this.personsObserved = personsObserved;
            return this;
        }

        public Builder newArrivals(@Nullable Integer newArrivals) {
            this.newArrivals = newArrivals;
            return this;
        }

        public Builder asylumIntentions(@Nullable Integer asylumIntentions) {
            this.asylumIntentions = asylumIntentions;
            return this;
        }

        public Builder personIds(List<Long> personIds) {
            this.personIds = personIds;
            return this;
        }

        public Builder referrals(List<VisitFormReferral> referrals) {
            this.referrals = referrals;
            return this;
        }

        public VisitForm build() {
            return new VisitForm(visitDate, monitors, locationType, municipalityCode, shelterId, place, purpose, othersMet, concerns, findings, needsIdentified, followUpRequired, followUpOn, personsObserved, newArrivals, asylumIntentions, personIds, referrals);
        }
    }
}

