package org.protectioncases.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.OthersMet;
import org.protectioncases.monitoring.ProtectionConcern;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.monitoring.VisitReferralService;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shelters.ShelterOption;
import org.protectioncases.shelters.ShelterService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * About 60 monitoring visits over the last 18 months, recorded through {@link VisitService} by the
 * demo monitors of KRCT and AT: returnee communities, border crossing points and the airport with
 * their counts, offices, households, and collective shelters when the registry has any. Some link
 * the partner's demo people, a few refer one of them, some have follow-ups due or overdue.
 */
@Component
class DemoVisits {

    private record Place(LocationType type, String municipality, String name, VisitPurpose purpose) {
    }

    private static final List<Place> KRCT_PLACES = List.of(
            new Place(LocationType.BORDER_CROSSING_POINT, "POD", "Merdare crossing point", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.BORDER_CROSSING_POINT, "PRZ", "Vërmicë crossing point", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.BORDER_CROSSING_POINT, "HAN", "Hani i Elezit crossing point", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.AIRPORT, "LIP", "Pristina International Airport", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.RETURNEE_COMMUNITY, "MIS", "Roma Mahalla", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.RETURNEE_COMMUNITY, "FUS", "Ashkali neighbourhood, Fushë Kosovë", VisitPurpose.PARTICIPATORY_ASSESSMENT),
            new Place(LocationType.RETURNEE_COMMUNITY, "GJA", "Egyptian community, Ali Ibra", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.RETURNEE_COMMUNITY, "FER", "Ashkali community, Dubravë", VisitPurpose.COMMUNITY_FORUM),
            new Place(LocationType.ASYLUM_CENTRE, "LIP", "Asylum Centre Magura", VisitPurpose.OTHER),
            new Place(LocationType.DETENTION_OR_POLICE, "PRI", "Detention Centre for Foreigners, Vranidoll", VisitPurpose.OTHER),
            new Place(LocationType.MUNICIPAL_OFFICE, "PRZ", "Municipal Office for Communities and Return, Prizren", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.HOUSEHOLD, "PEJ", "Family home, Kapeshnicë", VisitPurpose.RETURN_MONITORING));

    private static final List<Place> AT_PLACES = List.of(
            new Place(LocationType.BORDER_CROSSING_POINT, "LEP", "Jarinje crossing point", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.BORDER_CROSSING_POINT, "ZUB", "Bërnjak crossing point", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.BORDER_CROSSING_POINT, "POD", "Merdare crossing point", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.AIRPORT, "LIP", "Pristina International Airport", VisitPurpose.BORDER_MONITORING),
            new Place(LocationType.RETURNEE_COMMUNITY, "IST", "Osojane", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.RETURNEE_COMMUNITY, "KLI", "Drsnik", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.RETURNEE_COMMUNITY, "PEJ", "Belo Polje", VisitPurpose.PARTICIPATORY_ASSESSMENT),
            new Place(LocationType.RETURNEE_COMMUNITY, "OBI", "Plemetina", VisitPurpose.COMMUNITY_FORUM),
            new Place(LocationType.RETURNEE_COMMUNITY, "GRA", "Gračanica returnee settlement", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.RETURNEE_COMMUNITY, "STR", "Sevce", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.MUNICIPAL_OFFICE, "KLI", "Municipal Office for Communities and Return, Klina", VisitPurpose.RETURN_MONITORING),
            new Place(LocationType.HOUSEHOLD, "MIN", "Family home, Suvi Do", VisitPurpose.RETURN_MONITORING));

    private static final List<String> FINDINGS = List.of(
            "Several families still lack civil registration documents for children born abroad.",
            "Returnees report that reconstructed houses have no electricity connection yet.",
            "Access to the health centre is difficult: no regular transport from the village.",
            "Property usurpation claims pending at the KPCVA for more than a year.",
            "Community members report verbal harassment on the way to the market.",
            "Children do not attend school regularly; some lack birth certificates.",
            "Deportees arrived without identity documents and were not informed about reintegration support.",
            "Two persons expressed fear of return to their country of origin and asked about asylum.",
            "Good cooperation with the municipal office; the returnee list is up to date.",
            "Women's group raised concerns about domestic violence and the lack of a safe space.");

    private static final List<String> NEEDS = List.of(
            "Legal counselling on late birth registration",
            "Follow-up with the municipal civil registry on pending applications",
            "Information session on the asylum procedure",
            "Referral to the municipal office for communities and return for reconstruction assistance",
            "Visit by a psychosocial counsellor",
            "Transport to the health centre for elderly returnees");

    private final VisitService visits;
    private final VisitReferralService visitReferrals;
    private final PersonService people;
    private final ConsentService consents;
    private final ShelterService shelters;
    private final SystemAccess system;

    private final Clock clock;

    DemoVisits(VisitService visits, VisitReferralService visitReferrals, PersonService people, ConsentService consents,
               ShelterService shelters, SystemAccess system, Clock clock) {
        this.clock = clock;
        this.visits = visits;
        this.visitReferrals = visitReferrals;
        this.people = people;
        this.consents = consents;
        this.shelters = shelters;
        this.system = system;
    }

    /** Records the demo visits of both demo monitors; returns how many. */
    int create() {
        return system.runAsAccount("monitor.krct", () -> recordFor(KRCT_PLACES, "coordinator.krct", 31L))
                + system.runAsAccount("monitor.at", () -> recordFor(AT_PLACES, "lawyer.at", 47L));
    }

    private int recordFor(List<Place> places, String colleague, long seed) {
        Random random = new Random(seed);
        List<PersonSummary> partnerPeople = people.list(PersonFilter.none(), PageRequest.of(0, 40));
        List<ShelterOption> shelterOptions = shelters.options();
        LocalDate today = LocalDate.now(clock);
        int created = 0;
        int referrals = 0;
        for (int i = 0; i < 30; i++) {
            Place place = places.get(random.nextInt(places.size()));
            @Nullable ShelterOption shelter = null;
            if (!shelterOptions.isEmpty() && i % 10 == 3) {
                shelter = shelterOptions.get(random.nextInt(shelterOptions.size()));
                place = new Place(LocationType.COLLECTIVE_SHELTER, shelter.municipalityCode(), shelter.name(),
                        VisitPurpose.COLLECTIVE_SHELTER_MONITORING);
            }
            // Spread over 18 months; the last few are recent so that follow-ups are due now.
            LocalDate date = i < 25 ? today.minusDays(30 + random.nextInt(510)) : today.minusDays(random.nextInt(20));
            boolean entryPoint = place.type().entryPoint();
            Integer observed = entryPoint ? 10 + random.nextInt(140) : null;
            Integer arrivals = observed == null ? null : random.nextInt(observed / 2 + 1);
            Integer intentions = observed == null ? null : random.nextInt(Math.min(4, observed) + 1);
            OthersMet others = entryPoint ? OthersMet.NONE : counts(random);

            Set<ProtectionConcern> concerns = EnumSet.noneOf(ProtectionConcern.class);
            for (int c = random.nextInt(3); c > 0; c--) {
                concerns.add(ProtectionConcern.values()[random.nextInt(ProtectionConcern.values().length)]);
            }
            List<Long> linked = new ArrayList<>();
            if (!entryPoint && !partnerPeople.isEmpty() && random.nextInt(3) == 0) {
                for (int p = 1 + random.nextInt(2); p > 0; p--) {
                    long id = partnerPeople.get(random.nextInt(partnerPeople.size())).id();
                    if (!linked.contains(id)) {
                        linked.add(id);
                    }
                }
            }
            boolean followUp = random.nextInt(4) == 0 || i >= 25;
            // Older visits' follow-ups fall in the past (overdue unless done), recent ones in the coming weeks.
            LocalDate followUpOn = followUp ? date.plusDays(7 + random.nextInt(30)) : null;
            Set<String> monitors = random.nextInt(5) == 0 ? Set.of("monitor." + (seed == 31L ? "krct" : "at"), colleague)
                    : Set.of("monitor." + (seed == 31L ? "krct" : "at"));
            VisitDetails v = visits.record(VisitForm.builder()
                    .visitDate(date).monitors(monitors).locationType(place.type()).municipalityCode(place.municipality())
                    .shelterId(shelter == null ? null : shelter.id()).place(shelter == null ? place.name() : null)
                    .purpose(place.purpose()).othersMet(others).concerns(concerns)
                    .findings(FINDINGS.get(random.nextInt(FINDINGS.size())))
                    .needsIdentified(followUp || random.nextBoolean() ? NEEDS.get(random.nextInt(NEEDS.size())) : null)
                    .followUpRequired(followUp).followUpOn(followUpOn)
                    .personsObserved(observed).newArrivals(arrivals).asylumIntentions(intentions).personIds(linked)
                    .build());
            created++;
            if (followUp && i < 20 && random.nextBoolean()) {
                visits.markFollowUpDone(v.id());
            }
            if (!linked.isEmpty() && referrals < 4) {
                long person = linked.get(0);
                if (consents.activeConsent(person, ConsentScope.REFERRAL).isEmpty()) {
                    consents.recordConsent(person, ConsentScope.REFERRAL, date, "Given during a monitoring visit");
                }
                ReferralTarget target = List.of(ReferralTarget.MUNICIPAL_CIVIL_REGISTRY, ReferralTarget.MUNICIPAL_OFFICE_COMMUNITIES_RETURN,
                        ReferralTarget.KPCVA, ReferralTarget.DANISH_REFUGEE_COUNCIL).get(referrals);
                visitReferrals.refer(v.id(), person, target, date, "Referred during the visit: " + NEEDS.get(referrals));
                referrals++;
            }
        }
        return created;
    }

    private static OthersMet counts(Random random) {
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Mostly adults, some children and elderly; many cells empty.
            int max = i % 5 == 3 ? 12 : 5;
            cells.add(random.nextInt(3) == 0 ? 0 : random.nextInt(max));
        }
        return OthersMet.of(cells);
    }
}
