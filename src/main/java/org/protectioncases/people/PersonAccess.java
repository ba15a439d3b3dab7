package org.protectioncases.people;

import org.protectioncases.shared.FieldErrors;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a person, one rule for all the people services: the registering partner
 * and partners the person was shared with (a case transfer), UNHCR managers read everyone, ADMIN
 * no one. A person one may not see is answered as "not found"; a refused change is logged.
 */
@Component
class PersonAccess {

    private final PersonRepository people;
    private final GroupMembershipRepository groups;
    private final PersonSearchRepository search;
    private final CurrentUser currentUser;
    private final AuditService audit;

    PersonAccess(PersonRepository people, GroupMembershipRepository groups, PersonSearchRepository search, CurrentUser currentUser,
                 AuditService audit) {
        this.people = people;
        this.groups = groups;
        this.search = search;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The partner whose people the user may see, or null for UNHCR managers (all partners). */
    @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    boolean visible(AppUser user, Person person) {
        Long scope = scope(user);
        return person.getMergedIntoId() == null && (scope == null || scope == person.getRegisteredByPartner()
                || search.hasAccess(person.getId(), scope));
    }

    /**
     * Whether the user may see the person's restricted needs (and history entries about them): staff
     * of a partner that may see the person, never UNHCR managers.
     */
    boolean seesRestricted(AppUser user, Person person) {
        Long partner = user.partnerId();
        return user.role() != Role.UNHCR_MANAGER && partner != null
                && (partner == person.getRegisteredByPartner() || search.hasAccess(person.getId(), partner));
    }

    /** The person if the user may see them, else "not found" (not logged: for reads whose opening is logged elsewhere). */
    Person visiblePerson(AppUser user, long id) {
        return people.findById(id).filter(p -> visible(user, p)).orElseThrow(() -> new PersonNotFoundException(id));
    }

    /** The person for a change; one the user may not see is "not found" and the attempt is logged. */
    Person editable(long id) {
        AppUser user = currentUser.require();
        Person person = people.findById(id).filter(p -> visible(user, p)).orElse(null);
        if (person == null) {
            audit.recordAccess("person", id, user.partnerId(), false);
            throw new PersonNotFoundException(id);
        }
        // Anonymisation is irreversible: nothing may be written back onto the record.
        new FieldErrors().rejectIf(person.isAnonymised(), "givenName", "dataprotection.anonymised.readOnly").throwIfAny();
        return person;
    }

    /** The person's page data. */
    PersonDetails details(Person p) {
        List<GroupMembershipDto> memberships = groups.findByPersonIdOrderByStartDateDesc(p.getId()).stream()
                .map(PersonGroupMembership::toDto).toList();
        return new PersonDetails(p.getId(), p.getRegistrationNo(), p.getRegisteredOn(), p.getRegisteredByPartner(),
                p.getRegisteredBy(), p.toForm(), memberships, p.getVersion());
    }
}
