package org.protectioncases.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and finds people of concern. Partner staff see and change only the people their
 * partner registered (or that were shared with it); UNHCR managers read everyone; ADMIN sees no
 * one. Asking for a person one may not see answers exactly like a missing person, and is logged
 * as a refused access. A person's file, consents, household and merging are in
 * {@link PersonFileService}, {@link ConsentService}, {@link HouseholdService} and {@link PersonMergeService}.
 */
@Service
public class PersonService {

    static final int SHARE_REASON_MAX = 100;

    private final PersonRepository people;
    private final PersonSearchRepository search;
    private final PersonRecordsRepository records;
    private final PersonAccess access;
    private final DuplicateSearch duplicates;
    private final List<PersonSharingBasis> sharingBases;
    private final CurrentUser currentUser;
    private final AuditService audit;

    private final Clock clock;

    PersonService(PersonRepository people, PersonSearchRepository search, PersonRecordsRepository records, PersonAccess access,
                  DuplicateSearch duplicates, List<PersonSharingBasis> sharingBases, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.clock = clock;
        this.people = people;
        this.search = search;
        this.records = records;
        this.access = access;
        this.duplicates = duplicates;
        this.sharingBases = sharingBases;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** What an access-log row says was withheld when a reader was not shown a person's restricted needs. */
    static final String WITHHELD_NEEDS = "restricted needs";

    /**
     * Lets another partner see the person because a case for them moved there (case transfer).
     * Called by the cases module inside the accepting coordinator's transaction; refused unless a
     * {@link PersonSharingBasis} (an accepted transfer) entitles the partner.
     */
    @Allowed(Permission.SHARE_PERSON)
    @Transactional
    public void shareWithPartner(long personId, long partnerId, @Size(max = SHARE_REASON_MAX) @SingleLine String reason) {
        if (!Objects.equals(currentUser.require().partnerId(), partnerId)
                || sharingBases.stream().noneMatch(b -> b.entitles(personId, partnerId))
                || !search.grantAccess(personId, partnerId, reason)) {
            throw new AccessDeniedException("No accepted transfer of a case for person " + personId);
        }
        audit.recordMessage("PERSON_SHARED", "person", personId, new AuditMessage("history.person.shared",
                List.of(String.valueOf(partnerId), AuditMessage.text(reason)), "with partner " + partnerId + ": " + reason));
    }

    /** One page of the people the user may see (for lazy grids; count separately with {@link #count}). */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<PersonSummary> list(@Valid PersonFilter filter, Pageable pageable) {
        return search.page(access.scope(currentUser.require()), filter, pageable);
    }

    /**
     * The same page, continuing after {@code afterId} (the last id of the page before, as the grid
     * remembers it) when the list is in its default order: deep pages by keyset instead of offset.
     * With {@code afterId} null, a name search or a sort order, exactly {@link #list(PersonFilter, Pageable)}.
     */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<PersonSummary> list(@Valid PersonFilter filter, Pageable pageable, @Nullable Long afterId) {
        return search.page(access.scope(currentUser.require()), filter, pageable, afterId);
    }

    /** How many people the user may see match the filter. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public long count(@Valid PersonFilter filter) {
        return search.count(access.scope(currentUser.require()), filter);
    }

    /** The person's page data, or empty if there is no such person or the user may not see them. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public Optional<PersonDetails> get(long id) {
        AppUser user = currentUser.require();
        Optional<Person> person = people.findById(id).filter(p -> access.visible(user, p));
        boolean withheld = person.isPresent() && !access.seesRestricted(user, person.get())
                && records.withholdsRestrictedNeeds(id);
        audit.recordAccess("person", id, user.partnerId(), person.isPresent(), withheld ? WITHHELD_NEEDS : null);
        return person.map(access::details);
    }

    /**
     * Likely duplicates of a person about to be registered (or of {@code excludeId}): details of
     * those the user may see, a bare count of other partners' ones.
     */
    @Allowed(Permission.FIND_DUPLICATES)
    @Transactional(readOnly = true)
    public DuplicateCheck findDuplicates(@Size(max = TextRules.NAME) @SingleLine String givenName,
                                         @Size(max = TextRules.NAME) @SingleLine String familyName,
                                         @Nullable Integer birthYear, @Nullable Long excludeId) {
        Long scope = access.scope(currentUser.require());
        return duplicates.check(List.of(PersonSearchRepository.Probe.of(givenName, familyName, birthYear, excludeId)),
                List.of(givenName.isBlank() || familyName.isBlank()), scope).getFirst();
    }

    /**
     * Registers a person for the user's partner. {@code notDuplicatesOf} are the suggested matches
     * the user looked at and declared to be someone else; the decision is recorded.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonDetails register(@Valid PersonForm form, @Size(max = 100) List<Long> notDuplicatesOf) {
        AppUser user = currentUser.require();
        validate(form, LocalDate.now(clock));
        Person person = save(new Person(Objects.requireNonNull(user.partnerId()), user.getUsername(), form, LocalDate.now(clock)));
        for (Long other : notDuplicatesOf) {
            search.recordNotDuplicate(person.getId(), other, user.getUsername());
        }
        audit.recordMessage("PERSON_REGISTERED", "person", person.getId(), notDuplicatesOf.isEmpty()
                ? new AuditMessage("history.person.registered", List.of(person.getRegistrationNo()), person.getRegistrationNo())
                : new AuditMessage("history.person.registeredNotDuplicate", List.of(person.getRegistrationNo(), notDuplicatesOf.toString()),
                        person.getRegistrationNo() + " not duplicate of " + notDuplicatesOf));
        return access.details(person);
    }

    /**
     * Checks a form by exactly the rules {@link #register} applies (bean validation of the form,
     * then the service rules), saving nothing: the bulk import's dry run. Throws
     * {@link FieldValidationException} keyed by form component, as registration would.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    public void checkRegistration(@Valid PersonForm form) {
        validate(form, LocalDate.now(clock));
    }

    /** Changes a person's profile; refused if someone saved a newer version meanwhile. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonDetails update(long id, long version, @Valid PersonForm form) {
        Person person = access.editable(id);
        if (person.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Person.class, id);
        }
        validate(form, LocalDate.now(clock));
        PersonForm before = person.toForm();
        person.apply(form);
        save(person);
        audit.recordMessage("PERSON_UPDATED", "person", id, AuditMessage.changes("person", before, form));
        return access.details(person);
    }

    /**
     * A correction asked for by the person or for them (right to rectification): the same change as
     * {@link #update}, and the history records who asked, when and why.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonDetails rectify(long id, long version, @Valid PersonForm form, @Valid Rectification request) {
        PersonDetails updated = update(id, version, form);
        audit.recordMessage("PERSON_RECTIFIED", "person", id, new AuditMessage("history.person.rectified",
                List.of(AuditMessage.keys(List.of(Objects.requireNonNull(request.requester()).messageKey())), Formats.date(request.requestedOn()),
                        AuditMessage.text(request.reason().strip())),
                "asked by " + request.requester() + " on " + request.requestedOn() + ": " + request.reason().strip()));
        return updated;
    }

    /**
     * The person's change history, oldest first (field by field for profile edits). Entries about
     * restricted needs only for those who may see the needs: for others not even that they exist.
     */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<AuditEventDto> history(long personId) {
        AppUser user = currentUser.require();
        Person person = access.visiblePerson(user, personId);
        return audit.history("person", personId, access.seesRestricted(user, person));
    }

    /** Whether the user may see the person (no access-log entry: for other modules' checks). */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public boolean isVisible(long personId) {
        AppUser user = currentUser.require();
        return people.findById(personId).filter(p -> access.visible(user, p)).isPresent();
    }

    /** The id of the person with this registration number, if the user may see them. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public Optional<Long> findVisibleByRegistrationNo(@Size(max = TextRules.REGISTRATION_NO) @SingleLine String registrationNo) {
        AppUser user = currentUser.require();
        return records.idByRegistrationNo(registrationNo).flatMap(people::findById).filter(p -> access.visible(user, p)).map(Person::getId);
    }

    /** Short label "KOS-2026-000123 Given Family" of a person the user may see. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public Optional<String> label(long personId) {
        AppUser user = currentUser.require();
        return people.findById(personId).filter(p -> access.visible(user, p))
                .map(p -> p.getRegistrationNo() + " " + p.toForm().givenName() + " " + p.toForm().familyName());
    }

    /** Who opened the person's page (UNHCR managers and the registering partner's coordinator). */
    @Allowed(Permission.READ_ACCESS_LOG)
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(long personId) {
        access.visiblePerson(currentUser.require(), personId);
        return audit.accessLog("person", personId, 200);
    }

    private Person save(Person person) {
        try {
            return people.saveAndFlush(person);
        } catch (DataIntegrityViolationException e) {
            // Reference codes are checked by foreign keys; the form offers only valid ones.
            throw new FieldValidationException("municipality", "person.validation.reference");
        }
    }

    /** The registration form's rules on {@code today} (birth not in the future); the bulk import uses them too. */
    static void validate(PersonForm f, LocalDate today) {
        new FieldErrors()
                .rejectIf(f.givenName().isBlank(), "givenName", "validation.required")
                .rejectIf(f.givenName().strip().length() > 100, "givenName", "validation.tooLong")
                .rejectIf(f.familyName().isBlank(), "familyName", "validation.required")
                .rejectIf(f.familyName().strip().length() > 100, "familyName", "validation.tooLong")
                .rejectIf(f.birthDate() != null && f.birthDate().isAfter(today), "birthDate", "validation.notInFuture")
                .rejectIf(f.birthDate() != null && f.birthDate().isBefore(today.minusYears(120)), "birthDate", "person.validation.birthDateTooEarly")
                .rejectIf(f.citizenshipStatus() == CitizenshipStatus.COUNTRY
                        && (f.citizenshipCountry() == null || f.citizenshipCountry().isBlank()), "citizenshipCountry", "validation.required")
                .throwIfAny();
    }
}
