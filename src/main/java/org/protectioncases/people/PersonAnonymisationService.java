package org.protectioncases.people;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.ui.PersonLabels;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Irreversible anonymisation of people (issue #16), used by retention and by erasure on request.
 * Removed: names, father's name, other spellings (and dictionary names nobody uses any more),
 * place of birth, languages, phone, address, notes on needs and consents, "not a duplicate"
 * decisions, and the details of the person's audit entries; the registration number becomes a
 * random token. Kept, because statistics count them: sex, the birth date (age groups are the age on
 * any as-of date, so only the exact date keeps every breakdown identical), community,
 * municipality, citizenship, groups, returns, documents held, needs (codes), consents (scopes and
 * dates), households. Other modules clear their own records on {@link PersonsAnonymised}.
 * Set-based SQL so a batch of hundreds of people is a handful of statements.
 */
@Service
public class PersonAnonymisationService {

    /** What an anonymised person is called in every list (a grid never shows an empty name). */
    public static final String ANONYMISED_NAME = PersonLabels.ANONYMISED;
    /** Registration numbers of anonymised people start with this (registered ones with "KOS-"). */
    public static final String TOKEN_PREFIX = "ANON-";
    /** The largest batch one call takes; callers split larger runs into short transactions. */
    public static final int MAX_BATCH = 5000;

    private final PersonAnonymisationRepository people;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    PersonAnonymisationService(PersonAnonymisationRepository people, AuditService audit, ApplicationEventPublisher events) {
        this.people = people;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Anonymises the people (and the duplicates merged into them) that are not anonymised yet, in
     * the caller's transaction or one of its own. Returns the ids anonymised. Callers decide who
     * is due and check legal holds; row-level security must let the caller write every partner's
     * rows (the system principal), or restricted notes would survive.
     *
     * @param basis why, for the audit trail (e.g. "retention INACTIVE_PERSON", "erasure request 12"); no personal data
     */
    @Allowed(Permission.ANONYMISE_PEOPLE)
    @Transactional
    public List<Long> anonymise(@Size(max = MAX_BATCH) List<Long> personIds, AuditMessage basis) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = people.lockNotAnonymised(personIds);
        if (ids.isEmpty()) {
            return ids;
        }
        List<String> oldNames = people.searchNames(ids);
        people.anonymise(ids, ANONYMISED_NAME, TOKEN_PREFIX);
        people.deleteUnusedNames(oldNames);
        people.clearNotesAndDecisions(ids);
        audit.scrubDetails("person", ids);
        events.publishEvent(new PersonsAnonymised(List.copyOf(ids)));
        audit.recordEach("PERSON_ANONYMISED", "person", ids, basis);
        return ids;
    }

    /** Whether the person was anonymised (for views that must not offer edits). */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public boolean isAnonymised(long personId) {
        return people.isAnonymised(personId);
    }
}
