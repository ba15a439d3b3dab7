package org.protectioncases.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person page as a hub: current population group, consent status, the restricted-need flag
 * for those who may see restricted needs, and the person's cases from the modules that keep them
 * ({@link PersonWorkSource}), in one read.
 */
@Service
public class PersonOverviewService {

    private final PersonAccess access;
    private final GroupMembershipRepository groups;
    private final ConsentRepository consents;
    private final PersonRecordsRepository records;
    private final CurrentUser currentUser;
    private final List<PersonWorkSource> sources;
    private final Clock clock;

    PersonOverviewService(PersonAccess access, GroupMembershipRepository groups, ConsentRepository consents,
                          PersonRecordsRepository records, CurrentUser currentUser, List<PersonWorkSource> sources,
                          ObjectProvider<Clock> clock) {
        this.access = access;
        this.groups = groups;
        this.consents = consents;
        this.records = records;
        this.currentUser = currentUser;
        this.sources = sources;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The overview of a person the user may see; another partner's person is "not found". */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public PersonOverview overview(long personId) {
        AppUser user = currentUser.require();
        Person person = access.visiblePerson(user, personId);
        LocalDate today = LocalDate.now(clock);
        PopulationGroup current = groups.findByPersonIdOrderByStartDateDesc(personId).stream()
                .map(PersonGroupMembership::toDto)
                .filter(g -> !g.startDate().isAfter(today) && (g.endDate() == null || !g.endDate().isBefore(today)))
                .map(GroupMembershipDto::group).findFirst().orElse(null);
        Set<ConsentScope> active = EnumSet.noneOf(ConsentScope.class);
        consents.findByPersonIdOrderByGivenOnDescIdDesc(personId).stream().map(Consent::toDto)
                .filter(ConsentDto::active).forEach(c -> active.add(c.scope()));
        // Only those who may see restricted needs learn that there is one (row-level security hides them from the rest too).
        boolean restricted = access.seesRestricted(user, person)
                && records.needs(personId).stream().anyMatch(n -> n.need().restricted());
        List<PersonWork> work = sources.stream().flatMap(s -> s.workFor(personId).stream())
                .sorted(Comparator.comparing((PersonWork w) -> !w.open())).toList();
        return new PersonOverview(current, Set.copyOf(active), restricted, work);
    }
}
