package org.protectioncases.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shelters.Resident;
import org.protectioncases.shelters.ShelterDetails;
import org.protectioncases.shelters.ShelterForm;
import org.protectioncases.shelters.ShelterService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Demo collective shelters (22, most of them open) and a few dozen internally displaced demo
 * people living in them, some moved out. The UNHCR manager keeps the registry; each partner's
 * monitor (CRPK: its lawyer) moves its own people, through {@link ShelterService}, so the rules
 * and the audit trail apply. A fixed seed makes every demo database the same.
 */
@Component
class DemoShelters {

    record Site(String name, String municipality, String address, int capacity, LocalDate openedOn, @Nullable LocalDate closedOn) {
    }

    static final List<Site> SITES = List.of(
            new Site("Plemetin collective centre", "OBI", "Plemetin, former school compound", 70, LocalDate.of(1999, 7, 1), null),
            new Site("Collective Centre Shtime", "SHT", "Rruga Adem Jashari, former workers' hostel", 45, LocalDate.of(1999, 8, 15), null),
            new Site("Collective Centre Gračanica", "GRA", "Former agricultural cooperative building", 60, LocalDate.of(1999, 9, 1), null),
            new Site("Laplje Selo collective centre", "GRA", "Laplje Selo, prefabricated housing", 35, LocalDate.of(2000, 3, 1), null),
            new Site("Collective Centre Sočanica", "LEP", "Sočanica, former school", 40, LocalDate.of(1999, 10, 1), null),
            new Site("Collective Centre Leposavić", "LEP", "Leposavić centre, former hotel", 80, LocalDate.of(1999, 7, 20), null),
            new Site("Collective Centre Zvečan", "ZVE", "Zvečan, prefabricated barracks", 50, LocalDate.of(1999, 8, 1), null),
            new Site("Collective Centre Zubin Potok", "ZUB", "Zubin Potok, former health centre", 25, LocalDate.of(2000, 5, 1), null),
            new Site("Brđani collective centre", "MIN", "Brđani, North Mitrovica", 30, LocalDate.of(2004, 4, 1), null),
            new Site("Collective Centre Brezovica", "STR", "Brezovica, former holiday home", 55, LocalDate.of(1999, 9, 15), null),
            new Site("Collective Centre Ranilug", "RAN", "Ranilug, former school annex", 20, LocalDate.of(2001, 2, 1), null),
            new Site("Collective Centre Partesh", "PAR", "Partesh, community building", 15, LocalDate.of(2002, 6, 1), null),
            new Site("Collective Centre Kllokot", "KLO", "Kllokot spa, former guest house", 30, LocalDate.of(1999, 11, 1), null),
            new Site("Collective Centre Kamenica", "KAM", "Kamenica, former military barracks", 45, LocalDate.of(1999, 10, 15), null),
            new Site("Collective Centre Gjilan", "GJI", "Gjilan, former textile factory dormitory", 40, LocalDate.of(1999, 8, 20), null),
            new Site("Collective Centre Novo Brdo", "NOV", "Bostane, former school", 20, LocalDate.of(2000, 9, 1), null),
            new Site("Collective Centre Fushë Kosovë", "FUS", "Fushë Kosovë, railway workers' housing", 50, LocalDate.of(1999, 12, 1), null),
            new Site("Collective Centre Lipjan", "LIP", "Lipjan, former municipal hostel", 25, LocalDate.of(2001, 4, 1), null),
            new Site("Collective Centre Osojane", "IST", "Osojane, prefabricated houses", 18, LocalDate.of(2001, 8, 1), null),
            new Site("Collective Centre Goraždevac", "PEJ", "Goraždevac, community house", 12, LocalDate.of(2000, 7, 1), null),
            new Site("Collective Centre Vushtrri", "VUS", "Vushtrri, former school building", 35, LocalDate.of(1999, 9, 1), LocalDate.of(2023, 6, 30)),
            new Site("Collective Centre Skenderaj", "SKE", "Skenderaj, former cultural centre", 22, LocalDate.of(2000, 1, 15), LocalDate.of(2022, 12, 31)));

    /** Who moves a partner's people: its protection monitor where there is one. */
    private static final Map<String, String> MOVERS = Map.of("CRPK", "lawyer.crpk", "AT", "monitor.at", "KRCT", "monitor.krct");

    private final ShelterService shelters;
    private final PersonService people;
    private final ReferenceDataService reference;
    private final SystemAccess system;

    private final Clock clock;

    DemoShelters(ShelterService shelters, PersonService people, ReferenceDataService reference, SystemAccess system, Clock clock) {
        this.clock = clock;
        this.shelters = shelters;
        this.people = people;
        this.reference = reference;
        this.system = system;
    }

    /** Creates the shelters and residences; returns a line for the log. Runs once, on the first start with demo data. */
    String create() {
        Random random = new Random(22);
        LocalDate today = LocalDate.now(clock);
        List<ShelterDetails> created = system.runAsAccount("manager", () -> {
            Map<String, String> names = reference.municipalities(Locale.ENGLISH).stream()
                    .collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
            return SITES.stream().map(s -> shelters.create(new ShelterForm(s.name(), s.municipality(), s.address(), s.capacity(),
                    s.openedOn(), "Municipal Office for Communities and Returns, " + names.get(s.municipality())))).toList();
        });
        List<ShelterDetails> open = new ArrayList<>();
        List<ShelterDetails> toClose = new ArrayList<>();
        for (int i = 0; i < SITES.size(); i++) {
            (SITES.get(i).closedOn() == null ? open : toClose).add(created.get(i));
        }
        int stays = 0;
        for (var mover : MOVERS.entrySet()) {
            stays += system.runAsAccount(mover.getValue(), () -> {
                List<PersonSummary> idps = people.list(new PersonFilter(null, null, PopulationGroup.IDP, null, null), PageRequest.of(0, 14));
                int n = 0;
                for (int i = 0; i < idps.size(); i++) {
                    long personId = idps.get(i).id();
                    // The first two lived in a shelter that has since closed, before moving on.
                    if (i < 2) {
                        ShelterDetails gone = toClose.get(i % toClose.size());
                        LocalDate closed = SITES.get(created.indexOf(gone)).closedOn();
                        LocalDate in = closed.minusYears(2).minusDays(random.nextInt(300));
                        Resident r = shelters.moveIn(gone.id(), personId, in);
                        shelters.moveOut(r.residenceId(), closed.minusDays(10 + random.nextInt(60)), r.version());
                        n++;
                    }
                    ShelterDetails home = open.get(random.nextInt(open.size()));
                    LocalDate in = today.minusDays(60 + random.nextInt(900));
                    Resident r = shelters.moveIn(home.id(), personId, in);
                    n++;
                    // About one in four has left since (found housing, returned, moved elsewhere).
                    if (random.nextInt(4) == 0) {
                        LocalDate out = in.plusDays(30 + random.nextInt(300));
                        shelters.moveOut(r.residenceId(), out.isBefore(today) ? out : today.minusDays(1), r.version());
                    }
                }
                return n;
            });
        }
        system.runAsAccount("manager", () -> {
            for (ShelterDetails s : toClose) {
                ShelterDetails now = shelters.get(s.id()).orElseThrow();
                shelters.close(s.id(), now.version(), SITES.get(created.indexOf(s)).closedOn());
            }
            return null;
        });
        var figure = system.runAsAccount("manager", () -> shelters.occupancyAsOf(today));
        return created.size() + " shelters, " + stays + " stays; today " + figure.persons() + " persons in " + figure.shelters() + " shelters";
    }
}
