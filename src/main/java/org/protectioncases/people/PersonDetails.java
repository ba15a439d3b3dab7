package org.protectioncases.people;

import java.time.LocalDate;
import java.util.List;

/** Everything the person page shows, for someone allowed to see the person. */
public record PersonDetails(long id, String registrationNo, LocalDate registeredOn, long registeredByPartnerId,
                            String registeredBy, PersonForm profile, List<GroupMembershipDto> groups, long version) {

    public String fullName() {
        return (profile.givenName() + " " + profile.familyName()).strip();
    }

    /** Anonymised (issue #16): the registration number is a token, the record is read-only. */
    public boolean anonymised() {
        return registrationNo.startsWith(PersonAnonymisationService.TOKEN_PREFIX);
    }
}
