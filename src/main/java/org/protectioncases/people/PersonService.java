package org.protectioncases.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldChanges;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and finds people of concern. Partner staff see and change only the people their
 * partner registered; UNHCR managers read everyone; ADMIN sees no one. Asking for a person one may
 * not see answers exactly like a missing person, and is logged as a refused access.
 */
@Service
public class PersonService {

    // Column sizes (db-changelog/people); the forms use the same constants.
    public static final int CONSENT_NOTE_MAX = 300;
    public static final int NEED_NOTE_MAX = 500;
    static final int SHARE_REASON_MAX = 100;

    private final PersonRepository people;
    private final GroupMembershipRepository groups;
    private final PersonSearchRepository search;
    private final ConsentRepository consents;
    private final PersonRecordsRepository records;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final jakarta.persistence.EntityManager entityManager;
    private final CurrentUser currentUser;
    private final AuditService audit;

    PersonService(PersonRepository people, GroupMembershipRepository groups, PersonSearchRepository search,
                  ConsentRepository consents, PersonRecordsRepository records, CurrentUser currentUser, AuditService audit,
                  org.springframework.context.ApplicationEventPublisher events, jakarta.persistence.EntityManager entityManager) {
        this.events = events;
        this.entityManager = entityManager;
        this.consents = consents;
        this.records = records;
        this.people = people;
        this.groups = groups;
        this.search = search;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** What an access-log row says was withheld when a reader was not shown a person's restricted needs. */
    static final String WITHHELD_NEEDS = "restricted needs";

    /** The partner whose people the user may see, or null for UNHCR managers (all partners). */
    private @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    private boolean visible(AppUser user, Person person) {
        Long scope = scope(user);
        return person.getMergedIntoId() == null && (scope == null || scope == person.getRegisteredByPartner()
                || search.hasAccess(person.getId(), scope));
    }

    /**
     * Whether the user may see the person's restricted needs (and history entries about them): staff
     * of a partner that may see the person, never UNHCR managers.
     */
    private boolean seesRestricted(AppUser user, Person person) {
        Long partner = user.partnerId();
        return user.role() != Role.UNHCR_MANAGER && partner != null
                && (partner == person.getRegisteredByPartner() || search.hasAccess(person.getId(), partner));
    }

    /**
     * Lets another partner see the person because a case for them moved there (case transfer).
     * Called by the cases module inside the accepting coordinator's transaction.
     */
    @Allowed(Permission.SHARE_PERSON)
    @Transactional
    public void shareWithPartner(long personId, long partnerId, @Size(max = SHARE_REASON_MAX) @SingleLine String reason) {
        if (!Objects.equals(currentUser.require().partnerId(), partnerId) || !search.grantAccess(personId, partnerId, reason)) {
            throw new org.springframework.security.access.AccessDeniedException("No accepted transfer of a case for person " + personId);
        }
        audit.record("PERSON_SHARED", "person", personId, "with partner " + partnerId + ": " + reason);
    }

    /** One page of the people the user may see (for lazy grids; count separately with {@link #count}). */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<PersonSummary> list(@Valid PersonFilter filter, Pageable pageable) {
        return search.page(scope(currentUser.require()), filter, pageable);
    }

    /** How many people the user may see match the filter. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public long count(@Valid PersonFilter filter) {
        return search.count(scope(currentUser.require()), filter);
    }

    /** The person's page data, or empty if there is no such person or the user may not see them. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public Optional<PersonDetails> get(long id) {
        AppUser user = currentUser.require();
        Optional<Person> person = people.findById(id).filter(p -> visible(user, p));
        boolean withheld = person.isPresent() && !seesRestricted(user, person.get())
                && records.withholdsRestrictedNeeds(id);
        audit.recordAccess("person", id, user.partnerId(), person.isPresent(), withheld ? WITHHELD_NEEDS : null);
        return person.map(this::details);
    }

    private PersonDetails details(Person p) {
        List<GroupMembershipDto> memberships = groups.findByPersonIdOrderByStartDateDesc(p.getId()).stream()
                .map(PersonGroupMembership::toDto).toList();
        return new PersonDetails(p.getId(), p.getRegistrationNo(), p.getRegisteredOn(), p.getRegisteredByPartner(),
                p.getRegisteredBy(), p.toForm(), memberships, p.getVersion());
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
        if (givenName.isBlank() || familyName.isBlank()) {
            return new DuplicateCheck(List.of(), 0);
        }
        Long scope = scope(currentUser.require());
        List<PersonSearchRepository.Candidate> candidates = search.duplicateCandidates(givenName, familyName, birthYear, excludeId);
        List<DuplicateCheck.Match> visible = candidates.stream()
                .filter(c -> scope == null || c.partnerId() == scope).map(PersonSearchRepository.Candidate::match).toList();
        // Other partners' matches are hidden from partner staff by row-level security; the database counts them.
        int elsewhere = scope == null ? candidates.size() - visible.size()
                : search.duplicatesElsewhere(givenName, familyName, birthYear, excludeId);
        return new DuplicateCheck(visible, elsewhere);
    }

    /**
     * Registers a person for the user's partner. {@code notDuplicatesOf} are the suggested matches
     * the user looked at and declared to be someone else; the decision is recorded.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonDetails register(@Valid PersonForm form, @Size(max = 100) List<Long> notDuplicatesOf) {
        AppUser user = currentUser.require();
        validate(form);
        Person person = save(new Person(Objects.requireNonNull(user.partnerId()), user.getUsername(), form));
        for (Long other : notDuplicatesOf) {
            search.recordNotDuplicate(person.getId(), other, user.getUsername());
        }
        audit.record("PERSON_REGISTERED", "person", person.getId(), person.getRegistrationNo()
                + (notDuplicatesOf.isEmpty() ? "" : " not duplicate of " + notDuplicatesOf));
        return details(person);
    }

    /** Changes a person's profile; refused if someone saved a newer version meanwhile. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonDetails update(long id, long version, @Valid PersonForm form) {
        Person person = editable(id);
        if (person.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Person.class, id);
        }
        validate(form);
        PersonForm before = person.toForm();
        person.apply(form);
        save(person);
        audit.record("PERSON_UPDATED", "person", id, FieldChanges.between(before, form));
        return details(person);
    }

    /** Adds a population-group membership (e.g. IDP since a date, displaced within Kosovo). */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public GroupMembershipDto addGroup(long personId, PopulationGroup group, @Nullable LocalDate start, @Nullable LocalDate end,
                                       @Nullable DisplacementPlace place) {
        editable(personId);
        FieldErrors errors = new FieldErrors()
                .rejectIf(start == null, "startDate", "validation.required")
                .rejectIf(start != null && start.isAfter(LocalDate.now()), "startDate", "validation.notInFuture")
                .rejectIf(start != null && end != null && end.isBefore(start), "endDate", "validation.endBeforeStart")
                .rejectIf(group == PopulationGroup.IDP && place == null, "displacementPlace", "person.validation.displacementPlace");
        errors.throwIfAny();
        PersonGroupMembership saved = groups.saveAndFlush(new PersonGroupMembership(personId, group, start, end,
                group == PopulationGroup.IDP || group == PopulationGroup.RETURNEE ? place : null));
        audit.record("PERSON_GROUP_ADDED", "person", personId, group + " from " + start + (end == null ? "" : " to " + end));
        return saved.toDto();
    }

    /** Records a return of the person (date not in the future, to a Kosovo municipality). */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonRecords.ReturnEvent addReturn(long personId, @Nullable LocalDate date, @Nullable DisplacementPlace from,
                                               @Size(max = TextRules.MUNICIPALITY_CODE) @SingleLine @Nullable String returnMunicipality,
                                               boolean assisted) {
        editable(personId);
        new FieldErrors()
                .rejectIf(date == null, "returnDate", "validation.required")
                .rejectIf(date != null && date.isAfter(LocalDate.now()), "returnDate", "validation.notInFuture")
                .rejectIf(from == null, "returnedFrom", "validation.required")
                .rejectIf(returnMunicipality == null || returnMunicipality.isBlank(), "returnMunicipality", "validation.required")
                .throwIfAny();
        long id = records.addReturn(personId, date, from, returnMunicipality, assisted, currentUser.username());
        audit.record("RETURN_RECORDED", "person", personId, "from " + from + " to " + returnMunicipality + " on " + date
                + (assisted ? " (assisted)" : ""));
        return records.returns(personId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** Records a civil document the person holds (with its issue date) or lacks. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonRecords.CivilDocument addDocument(long personId, @Nullable DocumentType type, boolean held, @Nullable LocalDate issuedOn) {
        editable(personId);
        new FieldErrors()
                .rejectIf(type == null, "documentType", "validation.required")
                .rejectIf(issuedOn != null && issuedOn.isAfter(LocalDate.now()), "issuedOn", "validation.notInFuture")
                .rejectIf(!held && issuedOn != null, "issuedOn", "person.validation.issuedButMissing")
                .throwIfAny();
        long id = records.addDocument(personId, type, held, issuedOn, currentUser.username());
        audit.record("DOCUMENT_RECORDED", "person", personId, type + (held ? " held" + (issuedOn == null ? "" : ", issued " + issuedOn) : " missing"));
        return records.documents(personId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    /** Whether the person's birth is registered. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public void setBirthRegistered(long personId, BirthRegistration value) {
        editable(personId);
        BirthRegistration before = records.birthRegistered(personId);
        records.setBirthRegistered(personId, value);
        audit.record("PERSON_UPDATED", "person", personId, "birthRegistered: " + before + " → " + value);
    }

    /** Notes a specific need. Restricted needs (SGBV, torture) never reach UNHCR managers. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public PersonRecords.Need addNeed(long personId, @Nullable SpecificNeed need, @Nullable LocalDate notedOn,
                                     @Size(max = NEED_NOTE_MAX) @MultiLine @Nullable String note) {
        editable(personId);
        new FieldErrors()
                .rejectIf(need == null, "need", "validation.required")
                .rejectIf(notedOn == null, "notedOn", "validation.required")
                .rejectIf(notedOn != null && notedOn.isAfter(LocalDate.now()), "notedOn", "validation.notInFuture")
                .throwIfAny();
        long id = records.addNeed(personId, need, notedOn, note == null || note.isBlank() ? null : note.strip(), currentUser.username());
        if (need.restricted()) {
            // Shown only to those who may see the need; not named, as the audit log file is read by operators.
            audit.recordRestricted("NEED_RECORDED", "person", personId, "restricted need");
        } else {
            audit.record("NEED_RECORDED", "person", personId, need.name());
        }
        return records.needs(personId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    /** Returns, documents, needs and birth registration as the user may see them. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public PersonFile file(long personId) {
        AppUser user = currentUser.require();
        Person person = people.findById(personId).filter(p -> visible(user, p)).orElseThrow(() -> new PersonNotFoundException(personId));
        boolean ownPartner = seesRestricted(user, person);
        List<PersonRecords.Need> needs = records.needs(personId).stream()
                .filter(n -> ownPartner || !n.need().restricted()).toList();
        return new PersonFile(records.birthRegistered(personId), records.returns(personId), records.documents(personId), needs);
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
        audit.record("PERSON_MERGED", "person", keptId, other.getRegistrationNo() + " merged into " + kept.getRegistrationNo());
        audit.record("PERSON_MERGED", "person", other.getId(), other.getRegistrationNo() + " merged into " + kept.getRegistrationNo());
        entityManager.refresh(kept);
        return details(kept);
    }

    /** The record a merged person now points to, if the user may see it. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public Optional<Long> mergedInto(long personId) {
        AppUser user = currentUser.require();
        return records.mergedInto(personId).filter(kept -> people.findById(kept).filter(p -> visible(user, p)).isPresent());
    }

    /**
     * Adds a person (found by registration number) to the household of {@code headId}, creating
     * the household with {@code headId} as its head if needed. A person is in one household only.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public List<HouseholdMember> addToHousehold(long headId, @Size(max = TextRules.REGISTRATION_NO) @SingleLine String memberRegistrationNo,
                                                @Nullable Relationship relationship) {
        editable(headId);
        AppUser user = currentUser.require();
        Optional<Person> member = records.idByRegistrationNo(memberRegistrationNo).flatMap(people::findById)
                .filter(p -> visible(user, p) && !p.getId().equals(headId));
        FieldErrors errors = new FieldErrors()
                .rejectIf(member.isEmpty(), "memberRegistrationNo", "household.validation.member")
                .rejectIf(relationship == null || relationship == Relationship.HEAD, "relationship", "validation.required");
        errors.rejectIf(member.isPresent() && records.householdOf(member.get().getId()).isPresent(),
                "memberRegistrationNo", "household.validation.elsewhere");
        errors.throwIfAny();
        long household = records.householdOf(headId).orElseGet(() -> records.createHousehold(headId, user.getUsername()));
        records.addMember(household, member.get().getId(), relationship, user.getUsername());
        audit.record("HOUSEHOLD_MEMBER_ADDED", "person", headId, member.get().getRegistrationNo() + " as " + relationship);
        return household(headId);
    }

    /** The person's household members the user may see, head first. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<HouseholdMember> household(long personId) {
        AppUser user = currentUser.require();
        people.findById(personId).filter(p -> visible(user, p)).orElseThrow(() -> new PersonNotFoundException(personId));
        return records.householdOf(personId).map(records::members).orElse(List.of()).stream()
                .filter(row -> people.findById((Long) row[0]).filter(p -> visible(user, p)).isPresent())
                .map(row -> new HouseholdMember((Long) row[0], (String) row[1], (Relationship) row[2])).toList();
    }

    /**
     * The person's change history, oldest first (field by field for profile edits). Entries about
     * restricted needs only for those who may see the needs: for others not even that they exist.
     */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<org.protectioncases.audit.AuditEventDto> history(long personId) {
        AppUser user = currentUser.require();
        Person person = people.findById(personId).filter(p -> visible(user, p)).orElseThrow(() -> new PersonNotFoundException(personId));
        return audit.history("person", personId, seesRestricted(user, person));
    }

    /** Whether the user may see the person (no access-log entry: for other modules' checks). */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public boolean isVisible(long personId) {
        AppUser user = currentUser.require();
        return people.findById(personId).filter(p -> visible(user, p)).isPresent();
    }

    /** The id of the person with this registration number, if the user may see them. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public Optional<Long> findVisibleByRegistrationNo(@Size(max = TextRules.REGISTRATION_NO) @SingleLine String registrationNo) {
        AppUser user = currentUser.require();
        return records.idByRegistrationNo(registrationNo).flatMap(people::findById).filter(p -> visible(user, p)).map(Person::getId);
    }

    /** Short label "KOS-2026-000123 Given Family" of a person the user may see. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public Optional<String> label(long personId) {
        AppUser user = currentUser.require();
        return people.findById(personId).filter(p -> visible(user, p))
                .map(p -> p.getRegistrationNo() + " " + p.toForm().givenName() + " " + p.toForm().familyName());
    }

    /** The person's consents, newest first. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<ConsentDto> consents(long personId) {
        AppUser user = currentUser.require();
        people.findById(personId).filter(p -> visible(user, p)).orElseThrow(() -> new PersonNotFoundException(personId));
        return consents.findByPersonIdOrderByGivenOnDescIdDesc(personId).stream().map(Consent::toDto).toList();
    }

    /** Records a consent the person gave (date not in the future). */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public ConsentDto recordConsent(long personId, ConsentScope scope, @Nullable LocalDate givenOn,
                                    @Size(max = CONSENT_NOTE_MAX) @MultiLine @Nullable String note) {
        editable(personId);
        new FieldErrors()
                .rejectIf(givenOn == null, "givenOn", "validation.required")
                .rejectIf(givenOn != null && givenOn.isAfter(LocalDate.now()), "givenOn", "validation.notInFuture")
                .throwIfAny();
        Consent saved = consents.saveAndFlush(new Consent(personId, scope, givenOn,
                note == null || note.isBlank() ? null : note.strip(), currentUser.username()));
        audit.record("CONSENT_RECORDED", "person", personId, scope + " given " + givenOn);
        return saved.toDto();
    }

    /** Records that a consent was withdrawn; it stays on record. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public ConsentDto withdrawConsent(long consentId, LocalDate on) {
        Consent consent = consents.findById(consentId).orElseThrow(() -> new PersonNotFoundException(consentId));
        editable(consent.getPersonId());
        new FieldErrors().rejectIf(on.isBefore(consent.getGivenOn()) || on.isAfter(LocalDate.now()), "withdrawnOn", "consent.validation.withdrawal")
                .throwIfAny();
        consent.withdraw(on, currentUser.username());
        audit.record("CONSENT_WITHDRAWN", "person", consent.getPersonId(), consent.toDto().scope() + " withdrawn " + on);
        return consents.saveAndFlush(consent).toDto();
    }

    /**
     * The id of an active consent of this scope, if the person has one (for referrals and transfers).
     * A person the user may not see is answered as not found and the attempt is logged, as on reading.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional // not read-only: a refusal writes record_access
    public Optional<Long> activeConsent(long personId, ConsentScope scope) {
        editable(personId);
        return consents.findByPersonIdOrderByGivenOnDescIdDesc(personId).stream()
                .filter(c -> c.getWithdrawnOn() == null && c.toDto().scope() == scope)
                .map(c -> c.toDto().id()).findFirst();
    }

    /** Who opened the person's page (UNHCR managers and the registering partner's coordinator). */
    @Allowed(Permission.READ_ACCESS_LOG)
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(long personId) {
        AppUser user = currentUser.require();
        people.findById(personId).filter(p -> visible(user, p)).orElseThrow(() -> new PersonNotFoundException(personId));
        return audit.accessLog("person", personId, 200);
    }

    private Person editable(long id) {
        AppUser user = currentUser.require();
        Person person = people.findById(id).filter(p -> visible(user, p)).orElse(null);
        if (person == null) {
            audit.recordAccess("person", id, user.partnerId(), false);
            throw new PersonNotFoundException(id);
        }
        return person;
    }

    private Person save(Person person) {
        try {
            return people.saveAndFlush(person);
        } catch (DataIntegrityViolationException e) {
            // Reference codes are checked by foreign keys; the form offers only valid ones.
            throw new FieldValidationException("municipality", "person.validation.reference");
        }
    }

    private static void validate(PersonForm f) {
        LocalDate today = LocalDate.now();
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
