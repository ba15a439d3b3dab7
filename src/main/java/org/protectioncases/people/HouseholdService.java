package org.protectioncases.people;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Households: who lives with whom, head first. A person is in one household only; members are shown only if the user may see them. */
@Service
public class HouseholdService {

    private final PersonRepository people;
    private final PersonRecordsRepository records;
    private final PersonAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;

    HouseholdService(PersonRepository people, PersonRecordsRepository records, PersonAccess access, CurrentUser currentUser,
                     AuditService audit) {
        this.people = people;
        this.records = records;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * Adds a person (found by registration number) to the household of {@code headId}, creating
     * the household with {@code headId} as its head if needed. A person is in one household only.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public List<HouseholdMember> addToHousehold(long headId, @Size(max = TextRules.REGISTRATION_NO) @SingleLine String memberRegistrationNo,
                                                @Nullable Relationship relationship) {
        access.editable(headId);
        AppUser user = currentUser.require();
        Optional<Person> member = records.idByRegistrationNo(memberRegistrationNo).flatMap(people::findById)
                .filter(p -> access.visible(user, p) && !p.getId().equals(headId));
        FieldErrors errors = new FieldErrors()
                .rejectIf(member.isEmpty(), "memberRegistrationNo", "household.validation.member")
                .rejectIf(relationship == null || relationship == Relationship.HEAD, "relationship", "validation.required");
        errors.rejectIf(member.isPresent() && records.householdOf(member.get().getId()).isPresent(),
                "memberRegistrationNo", "household.validation.elsewhere");
        errors.throwIfAny();
        long household = records.householdOf(headId).orElseGet(() -> records.createHousehold(headId, user.getUsername()));
        records.addMember(household, member.get().getId(), relationship, user.getUsername());
        audit.recordMessage("HOUSEHOLD_MEMBER_ADDED", "person", headId, new AuditMessage("history.person.householdMember",
                List.of(member.get().getRegistrationNo(), AuditMessage.keys(List.of(relationship.messageKey()))),
                member.get().getRegistrationNo() + " as " + relationship));
        return household(headId);
    }

    /** The person's household members the user may see, head first. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<HouseholdMember> household(long personId) {
        AppUser user = currentUser.require();
        access.visiblePerson(user, personId);
        return records.householdOf(personId).map(records::members).orElse(List.of()).stream()
                .filter(row -> people.findById((Long) row[0]).filter(p -> access.visible(user, p)).isPresent())
                .map(row -> new HouseholdMember((Long) row[0], (String) row[1], (Relationship) row[2])).toList();
    }
}
