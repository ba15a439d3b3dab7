package org.protectioncases.people;

import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdraws people registered by mistake as a whole (a bulk import undone): only people nobody has
 * touched since, i.e. same version, and nothing else in the database refers to them (a case, a
 * consent, a session, a household, a later group membership...). People knows no other module, so
 * it asks PostgreSQL's catalogue which tables refer to a person.
 */
@Service
public class PersonWithdrawalService {

    /** Why a person cannot be withdrawn: a message key of the imports' undo. */
    public enum Blocker { NOT_FOUND, CHANGED, LINKED }

    private final PersonWithdrawalRepository repository;
    private final AuditService audit;

    PersonWithdrawalService(PersonWithdrawalRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * What keeps each of these people from being withdrawn; empty when none. {@code expected} maps
     * person id to the version and the number of group memberships it had when it was registered.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional(readOnly = true)
    public Map<Long, Blocker> blockers(Map<Long, Expected> expected) {
        Map<Long, Blocker> blockers = new LinkedHashMap<>();
        Map<Long, Long> versions = repository.versions(expected.keySet());
        expected.forEach((id, e) -> {
            // Row-level security leaves out the people the user may not see.
            if (!versions.containsKey(id)) {
                blockers.put(id, Blocker.NOT_FOUND);
            } else if (versions.get(id) != e.version()) {
                blockers.put(id, Blocker.CHANGED);
            }
        });
        Map<Long, Integer> groups = repository.groupCounts(expected.keySet());
        expected.forEach((id, e) -> {
            if (groups.getOrDefault(id, 0) != e.groups()) {
                blockers.putIfAbsent(id, Blocker.CHANGED);
            }
        });
        for (long id : repository.referencedElsewhere(expected.keySet())) {
            blockers.putIfAbsent(id, Blocker.LINKED);
        }
        return blockers;
    }

    /** At most this many people in one withdrawal (an import's row limit is far below it). */
    public static final int MAX_PEOPLE = 1_000_000;

    /** Deletes these people (after {@link #blockers} found none), with their group memberships. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public void withdraw(@Size(max = MAX_PEOPLE) Collection<Long> ids,
                         long importBatch) {
        List<Long> list = List.copyOf(ids);
        Map<Long, Long> versions = repository.versions(list);
        for (Long id : list) {
            if (!versions.containsKey(id)) {
                throw new PersonNotFoundException(id);
            }
        }
        repository.delete(list);
        audit.recordEach("PERSON_WITHDRAWN", "person", list, AuditMessage.importUndone(importBatch));
    }

    /** A person's version and group count when it was registered. */
    public record Expected(long version, int groups) {
    }
}
