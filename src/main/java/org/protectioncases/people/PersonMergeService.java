package org.protectioncases.people;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging duplicate records (UNHCR managers) and following a merged record to the one kept. Other
 * modules move their records on {@link PersonsMerged}, in the merge's transaction.
 */
@Service
public class PersonMergeService {

    private final PersonRepository people;
    private final PersonRecordsRepository records;
    private final PersonAccess access;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final CurrentUser currentUser;
    private final AuditService audit;

    PersonMergeService(PersonRepository people, PersonRecordsRepository records, PersonAccess access, ApplicationEventPublisher events,
                       EntityManager entityManager, CurrentUser currentUser, AuditService audit) {
        this.people = people;
        this.records = records;
        this.access = access;
        this.events = events;
        this.entityManager = entityManager;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * UNHCR managers merge a duplicate into the record to keep: groups, consents, returns,
     * documents, needs, access grants and (through {@link PersonsMerged}) cases move to the kept
     * record; the merged one stays as a pointer. Audited on both records.
     */
    @Allowed(Permission.MERGE_PEOPLE)
    @Transactional
    public PersonDetails merge(long keptId, @Size(max = TextRules.REGISTRATION_NO) @SingleLine String registrationNo) {
        Person kept = people.findById(keptId).filter(p -> p.getMergedIntoId() == null).orElseThrow(() -> new PersonNotFoundException(keptId));
        Optional<Person> merged = records.idByRegistrationNo(registrationNo).flatMap(people::findById)
                .filter(p -> p.getMergedIntoId() == null && !p.getId().equals(keptId));
        new FieldErrors().rejectIf(merged.isEmpty(), "registrationNo", "person.validation.mergeTarget").throwIfAny();
        Person other = merged.get();
        records.moveRecords(keptId, other.getId(), other.getRegisteredByPartner());
        events.publishEvent(new PersonsMerged(keptId, other.getId()));
        AuditMessage history = new AuditMessage("history.person.merged", List.of(other.getRegistrationNo(), kept.getRegistrationNo()),
                other.getRegistrationNo() + " merged into " + kept.getRegistrationNo());
        audit.recordMessage("PERSON_MERGED", "person", keptId, history);
        audit.recordMessage("PERSON_MERGED", "person", other.getId(), history);
        entityManager.refresh(kept);
        return access.details(kept);
    }

    /** The record a merged person now points to, if the user may see it. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public Optional<Long> mergedInto(long personId) {
        AppUser user = currentUser.require();
        return records.mergedInto(personId).filter(kept -> people.findById(kept).filter(p -> access.visible(user, p)).isPresent());
    }
}
