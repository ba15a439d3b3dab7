package org.protectioncases.shelters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.people.PersonNotFoundException;
import org.protectioncases.people.PersonService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.CommandRules;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of collective shelters (not personal data: every staff member may read it) and
 * who lives where (personal data: scoped like people). UNHCR managers, coordinators and monitors
 * keep the registry; coordinators, lawyers and monitors move the people their partner may see in
 * and out. Other partners' residents are counted, never named. ADMIN sees none of it.
 */
@Service
public class ShelterService {

    private static final String NO_OVERLAP_CONSTRAINT = "shelter_residence_no_overlap";
    private static final String BEFORE_MOVE_IN = "before_move_in";

    private final ShelterRepository shelters;
    private final ShelterResidenceRepository residences;
    private final ShelterQueryRepository queries;
    private final PersonService people;
    private final ReferenceDataService reference;
    private final CurrentUser currentUser;
    private final AuditService audit;

    private final CommandRules commandRules;
    private final Clock clock;

    ShelterService(ShelterRepository shelters, ShelterResidenceRepository residences, ShelterQueryRepository queries,
                   PersonService people, ReferenceDataService reference, CurrentUser currentUser, AuditService audit,
                   CommandRules commandRules, Clock clock) {
        this.clock = clock;
        this.commandRules = commandRules;
        this.shelters = shelters;
        this.residences = residences;
        this.queries = queries;
        this.people = people;
        this.reference = reference;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The partner whose people the user may see, or null for UNHCR managers (all partners). */
    private static @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    /** Every shelter, by name, for pick lists. */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public List<ShelterOption> options() {
        return shelters.findAllByOrderByNameAsc().stream().map(Shelter::toOption).toList();
    }

    /** One page of the registry, by name, each shelter with its occupancy today (one query). */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public List<ShelterSummary> list(@Valid ShelterFilter filter, Pageable pageable) {
        return queries.page(filter, LocalDate.now(clock), pageable);
    }

    /** How many shelters match the filter. */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public long count(@Valid ShelterFilter filter) {
        return queries.count(filter);
    }

    /** The shelter page data (occupancy today), or empty if there is no such shelter; the opening is logged. */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public Optional<ShelterDetails> get(long id) {
        AppUser user = currentUser.require();
        Optional<Shelter> shelter = shelters.findById(id);
        audit.recordAccess("shelter", id, user.partnerId(), shelter.isPresent());
        return shelter.map(s -> details(user, s));
    }

    private ShelterDetails details(AppUser user, Shelter s) {
        ShelterSummary summary = queries.summary(s.getId(), LocalDate.now(clock)).orElseThrow();
        return new ShelterDetails(summary, s.toForm(), s.getVersion(), Permission.EDIT_SHELTER_REGISTRY.allows(user.role()),
                Permission.RECORD_RESIDENCE.allows(user.role()));
    }

    /** Adds a shelter to the registry (open; the opening date, if known, not in the future). */
    @Allowed(Permission.EDIT_SHELTER_REGISTRY)
    @Transactional
    public ShelterDetails create(@Valid ShelterForm form) {
        AppUser user = currentUser.require();
        validate(form, null, -1);
        Shelter saved = save(new Shelter(form));
        audit.recordMessage("SHELTER_CREATED", "shelter", saved.getId(), ShelterHistory.created(saved.toForm()));
        return details(user, saved);
    }

    /** Changes a shelter's registry fields; refused if someone saved a newer version meanwhile. */
    @Allowed(Permission.EDIT_SHELTER_REGISTRY)
    @Transactional
    public ShelterDetails update(long id, long version, @Valid ShelterForm form) {
        AppUser user = currentUser.require();
        Shelter shelter = forChange(id, version);
        validate(form, shelter.getClosedOn(), id);
        ShelterForm before = shelter.toForm();
        shelter.apply(form);
        save(shelter);
        audit.recordMessage("SHELTER_UPDATED", "shelter", id, AuditMessage.changes("shelter", before, shelter.toForm()));
        return details(user, shelter);
    }

    /**
     * Closes the shelter on a date (not in the future, not before it opened). Only an empty shelter
     * closes: every stay must have ended by that day.
     */
    @Allowed(Permission.EDIT_SHELTER_REGISTRY)
    @Transactional
    public ShelterDetails close(long id, long version,
            @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate closedOn) {
        AppUser user = currentUser.require();
        Shelter shelter = forChange(id, version);
        new FieldErrors()
                .rejectIf(shelter.getStatus() == ShelterStatus.CLOSED, "closedOn", "shelter.validation.alreadyClosed")
                .rejectIf(closedOn != null && shelter.getOpenedOn() != null && closedOn.isBefore(shelter.getOpenedOn()),
                        "closedOn", "validation.endBeforeStart")
                .rejectIf(closedOn != null && queries.staysNotEndedBy(id, closedOn) > 0, "closedOn", "shelter.validation.residentsRemain")
                .throwIfAny();
        shelter.close(closedOn);
        shelters.saveAndFlush(shelter);
        audit.recordMessage("SHELTER_CLOSED", "shelter", id, ShelterHistory.closed(closedOn));
        return details(user, shelter);
    }

    /** Opens a closed shelter again on a date (not in the future, not before it closed). */
    @Allowed(Permission.EDIT_SHELTER_REGISTRY)
    @Transactional
    public ShelterDetails reopen(long id, long version,
            @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate reopenedOn) {
        AppUser user = currentUser.require();
        Shelter shelter = forChange(id, version);
        new FieldErrors()
                .rejectIf(shelter.getStatus() == ShelterStatus.OPEN, "reopenedOn", "shelter.validation.alreadyOpen")
                .rejectIf(reopenedOn != null && shelter.getClosedOn() != null && reopenedOn.isBefore(shelter.getClosedOn()),
                        "reopenedOn", "validation.endBeforeStart")
                .throwIfAny();
        LocalDate closedOn = shelter.getClosedOn();
        shelter.reopen(reopenedOn);
        shelters.saveAndFlush(shelter);
        audit.recordMessage("SHELTER_REOPENED", "shelter", id, ShelterHistory.reopened(reopenedOn, closedOn));
        return details(user, shelter);
    }

    /** The registry changes of a shelter, oldest first (no personal data: moves are in the persons' histories). */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public List<AuditEventDto> history(long shelterId) {
        shelters.findById(shelterId).orElseThrow(() -> new ShelterNotFoundException(shelterId));
        return audit.history("shelter", shelterId);
    }

    /** Residents on {@code asOf} the user may see, and how many other partners' residents are counted but not shown. */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public Residents residents(long shelterId, LocalDate asOf) {
        shelters.findById(shelterId).orElseThrow(() -> new ShelterNotFoundException(shelterId));
        Long scope = scope(currentUser.require());
        long[] counts = queries.personCounts(shelterId, asOf, scope);
        return new Residents(queries.residents(shelterId, asOf, scope), Math.max(0, counts[0] - counts[1]));
    }

    /** Every stay in the shelter of persons the user may see, latest first; other persons counted only. */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public Residents residenceHistory(long shelterId) {
        shelters.findById(shelterId).orElseThrow(() -> new ShelterNotFoundException(shelterId));
        Long scope = scope(currentUser.require());
        long[] counts = queries.personCounts(shelterId, null, scope);
        return new Residents(queries.stays(shelterId, scope), Math.max(0, counts[0] - counts[1]));
    }

    /**
     * Records that a person the user may see moved into an open shelter on a day (today if none;
     * not in the future). A person lives in one shelter at a time: a stay elsewhere that has not
     * ended by that day is refused, naming the shelter, whether found here or by the database's
     * exclusion constraint (two users at once).
     */
    @Allowed(Permission.RECORD_RESIDENCE)
    @Transactional
    public Resident moveIn(long shelterId, long personId, @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate movedIn) {
        AppUser user = currentUser.require();
        Shelter shelter = shelters.findById(shelterId).orElseThrow(() -> new ShelterNotFoundException(shelterId));
        if (!people.isVisible(personId)) {
            audit.recordAccess("person", personId, user.partnerId(), false);
            throw new PersonNotFoundException(personId);
        }
        LocalDate day = movedIn == null ? LocalDate.now(clock) : movedIn;
        new FieldErrors()
                .rejectIf(shelter.getStatus() == ShelterStatus.CLOSED, "person", "shelter.validation.closed")
                .rejectIf(shelter.getOpenedOn() != null && day.isBefore(shelter.getOpenedOn()), "movedIn", "shelter.validation.beforeOpening")
                .throwIfAny();
        Optional<ShelterQueryRepository.Conflict> conflict = queries.overlapping(personId, day);
        if (conflict.isPresent()) {
            throw new ResidenceConflictException(conflict.get().shelterName(), conflict.get().movedIn());
        }
        ShelterResidence saved;
        queries.savepoint(BEFORE_MOVE_IN);
        try {
            saved = residences.saveAndFlush(new ShelterResidence(shelterId, personId, day, user.getUsername()));
        } catch (DataIntegrityViolationException e) {
            if (!violates(e, NO_OVERLAP_CONSTRAINT)) {
                throw e;
            }
            // Someone recorded a stay for the person after our check, and PostgreSQL aborted this
            // transaction. Back to the savepoint, the winner's committed stay names its shelter:
            // on this connection, not a second one (which a full pool might never give).
            queries.rollbackTo(BEFORE_MOVE_IN);
            ShelterQueryRepository.Conflict winner = queries.overlapping(personId, day).orElse(null);
            throw winner == null ? new FieldValidationException("person", ResidenceConflictException.MESSAGE_KEY)
                    : new ResidenceConflictException(winner.shelterName(), winner.movedIn());
        }
        audit.recordMessage("SHELTER_MOVED_IN", "person", personId, ShelterHistory.moved("history.shelter.movedIn", shelter.getName(), shelterId, day));
        return queries.stay(saved.getId()).orElseThrow();
    }

    /**
     * Records that the person left on a day (today if none; not in the future, not before they
     * moved in). Refused over a newer version of the stay.
     */
    @Allowed(Permission.RECORD_RESIDENCE)
    @Transactional
    public Resident moveOut(long residenceId, @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate movedOut, long version) {
        AppUser user = currentUser.require();
        ShelterResidence stay = residences.findById(residenceId).orElseThrow(() -> new ShelterNotFoundException(residenceId));
        if (!people.isVisible(stay.getPersonId())) {
            audit.recordAccess("person", stay.getPersonId(), user.partnerId(), false);
            throw new PersonNotFoundException(stay.getPersonId());
        }
        if (stay.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(ShelterResidence.class, residenceId);
        }
        LocalDate day = movedOut == null ? LocalDate.now(clock) : movedOut;
        new FieldErrors()
                .rejectIf(stay.getMovedOut() != null, "movedOut", "shelter.validation.alreadyMovedOut")
                .rejectIf(day.isBefore(stay.getMovedIn()), "movedOut", "shelter.validation.moveOutBeforeMoveIn")
                .throwIfAny();
        stay.moveOut(day);
        residences.saveAndFlush(stay);
        Shelter shelter = shelters.findById(stay.getShelterId()).orElseThrow();
        audit.recordMessage("SHELTER_MOVED_OUT", "person", stay.getPersonId(),
                ShelterHistory.moved("history.shelter.movedOut", shelter.getName(), shelter.getId(), day));
        return queries.stay(residenceId).orElseThrow();
    }

    /** The factsheet figure: distinct persons resident in any shelter on {@code asOf}, and in how many shelters. Aggregate only. */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public ShelterOccupancy occupancyAsOf(LocalDate asOf) {
        return queries.occupancy(asOf);
    }

    /** Persons resident in one shelter on {@code asOf} (all partners, counted). */
    @Allowed(Permission.READ_SHELTERS)
    @Transactional(readOnly = true)
    public long occupancyAsOf(long shelterId, LocalDate asOf) {
        shelters.findById(shelterId).orElseThrow(() -> new ShelterNotFoundException(shelterId));
        return queries.occupancy(shelterId, asOf);
    }

    private Shelter forChange(long id, long version) {
        Shelter shelter = shelters.findById(id).orElseThrow(() -> new ShelterNotFoundException(id));
        if (shelter.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(Shelter.class, id);
        }
        return shelter;
    }

    private Shelter save(Shelter shelter) {
        try {
            return shelters.saveAndFlush(shelter);
        } catch (DataIntegrityViolationException e) {
            // Checked before saving; this is a second user saving the same name at the same moment.
            if (violates(e, "shelter_name_uk")) {
                throw new FieldValidationException("name", "shelter.validation.nameTaken");
            }
            throw e;
        }
    }

    private void validate(ShelterForm f, @Nullable LocalDate closedOn, long exceptId) {
        String municipality = f.municipalityCode() == null ? "" : f.municipalityCode().strip();
        boolean knownMunicipality = reference.municipalities(Locale.ENGLISH).stream().anyMatch(m -> m.code().equals(municipality));
        commandRules.check(f, Complete.class)
                .rejectIf(municipality.isEmpty(), "municipality", "validation.required")
                .rejectIf(!municipality.isEmpty() && !knownMunicipality, "municipality", "validation.choice")
                .rejectIf(f.openedOn() != null && closedOn != null && f.openedOn().isAfter(closedOn), "openedOn", "shelter.validation.openedAfterClosed")
                .rejectIf(!f.name().isBlank() && knownMunicipality && shelters.nameTaken(f.name().strip(), municipality, exceptId),
                        "name", "shelter.validation.nameTaken")
                .throwIfAny();
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException c && constraint.equals(c.getConstraintName())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
