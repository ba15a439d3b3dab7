package org.protectioncases.reports.factsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonMergeService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.reports.population.Population;
import org.protectioncases.shared.Role;
import org.protectioncases.shelters.ShelterDetails;
import org.protectioncases.shelters.ShelterForm;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.support.ActingUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * "Persons in collective shelters" has one definition: the factsheet (and its breakdown) and the
 * shelter registry's {@code occupancyAsOf} give the same figure, and a merged duplicate who was
 * recorded in a shelter counts once, as the kept person, also on days only the duplicate's stay covers.
 */
@SpringBootTest
class ShelterOccupancyAgreementIT extends ActingUsers {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    ShelterService shelters;
    @Autowired
    PersonService people;
    @Autowired
    PersonMergeService personMerges;
    @Autowired
    FactsheetService factsheets;

    private ShelterDetails shelter() {
        return as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.create(new ShelterForm("Agreement " + UUID.randomUUID().toString()
                .substring(0, 8), "SHT", "Rruga 1", 40, TODAY.minusYears(3), null)));
    }

    private PersonDetails person(String partnerCode) {
        return as(Role.PARTNER_LAWYER, partnerCode, () -> people.register(PersonForm.of("Twice", "Recorded", Sex.FEMALE,
                LocalDate.of(1966, 6, 6), BirthDatePrecision.EXACT, Community.ROMA, "SHT"), List.of()));
    }

    /** {persons, shelters} from the factsheet, the shelter registry and the breakdown's total, as a manager. */
    private long[] figures(LocalDate on) {
        return as(Role.UNHCR_MANAGER, "UNHCR", () -> {
            Factsheet f = factsheets.factsheet(on.getYear(), on);
            var occupancy = shelters.occupancyAsOf(on);
            long breakdown = factsheets.breakdown(Population.IN_SHELTERS, on.getYear(), on).total();
            return new long[] {f.shelterPersons().value().longValueExact(), f.shelters().value().longValueExact(),
                    occupancy.persons(), occupancy.shelters(), breakdown};
        });
    }

    @Test
    void theFactsheetAndTheRegistryCountAMergedResidentOnceUnderTheKeptPerson() {
        LocalDate onlyDuplicate = TODAY.minusDays(55);
        LocalDate both = TODAY.minusDays(45);
        long[] beforeOnlyDuplicate = figures(onlyDuplicate);
        long[] beforeBoth = figures(both);

        ShelterDetails first = shelter();
        ShelterDetails second = shelter();
        PersonDetails kept = person("CRPK");
        PersonDetails duplicate = person("AT");
        as(Role.PROTECTION_MONITOR, "AT", () -> shelters.moveIn(second.summary().id(), duplicate.id(), TODAY.minusDays(60)));
        as(Role.PROTECTION_MONITOR, "CRPK", () -> shelters.moveIn(first.summary().id(), kept.id(), TODAY.minusDays(50)));
        // The two stays overlap, so the duplicate's stay stays on its record and is folded through merged_into_id.
        as(Role.UNHCR_MANAGER, "UNHCR", () -> personMerges.merge(kept.id(), duplicate.registrationNo()));

        long[] afterOnlyDuplicate = figures(onlyDuplicate);
        long[] afterBoth = figures(both);
        // The factsheet, the registry and the breakdown agree, and the person counts once.
        assertThat(minus(afterOnlyDuplicate, beforeOnlyDuplicate)).containsExactly(1, 1, 1, 1, 1);
        assertThat(minus(afterBoth, beforeBoth)).containsExactly(1, 2, 1, 2, 1);
        assertThat(afterBoth[0]).isEqualTo(afterBoth[2]).isEqualTo(afterBoth[4]);
        assertThat(afterBoth[1]).isEqualTo(afterBoth[3]);
        assertThat(afterOnlyDuplicate[0]).isEqualTo(afterOnlyDuplicate[2]).isEqualTo(afterOnlyDuplicate[4]);
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
