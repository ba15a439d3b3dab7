package org.protectioncases.people;

import java.time.LocalDate;
import java.util.List;

/** Everything the person page shows, for someone allowed to see the person. */
public record PersonDetails(long id, String registrationNo, LocalDate registeredOn, long registeredByPartnerId,
                            String registeredBy, PersonForm profile, List<GroupMembershipDto> groups, long version) {

    public String fullName() {
        return profile.givenName() + " " + profile.familyName();
    }
}
