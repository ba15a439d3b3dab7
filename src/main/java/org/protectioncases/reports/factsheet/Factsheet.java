package org.protectioncases.reports.factsheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.DisplacementPlace;

/**
 * The factsheet for a year as of a date, every figure with its provenance.
 *
 * @param partnerCode       null for all partners (UNHCR managers), else the coordinator's partner
 * @param displaced         displaced persons with displacement-related needs by place of displacement
 * @param displacedTotal    the sum of the four places (computed)
 * @param shelterPersons    of the displaced within Kosovo, persons living in collective shelters on the date
 * @param fundedPercent     funded / requirement, computed; null when either is missing
 */
public record Factsheet(int year, LocalDate asOf, @Nullable String partnerCode,
                        Figure asylumSeekers, Figure asylumSeekersYearBefore, Figure atRiskOfStatelessness,
                        Figure returnsYearBefore, Figure returnsSince2000,
                        Map<DisplacementPlace, Figure> displaced, Figure displacedTotal,
                        Figure shelterPersons, Figure shelters,
                        Figure fundingRequirement, Figure funded, Figure unfunded,
                        @Nullable Double fundedPercent, @Nullable Double unfundedPercent,
                        List<String> partners,
                        Figure staffNational, Figure staffInternational, Figure interns, Figure offices) {

    /** The four places the factsheet's table shows, in its order. */
    public static final List<DisplacementPlace> PLACES = List.of(DisplacementPlace.WITHIN_KOSOVO, DisplacementPlace.SERBIA,
            DisplacementPlace.MONTENEGRO, DisplacementPlace.NORTH_MACEDONIA);
}
