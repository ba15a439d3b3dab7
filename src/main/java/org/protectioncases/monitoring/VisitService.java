package org.protectioncases.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldChanges;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shelters.ShelterOption;
import org.protectioncases.shelters.ShelterService;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protection monitoring visits. The owning partner's staff read its visits (lawyers included);
 * protection monitors change the visits they made, coordinators all of their partner's; UNHCR
 * managers read all; ADMIN nothing. A visit one may not see is "not found" and the attempt is
 * logged. Every rule is checked before anything is written, so a refused save leaves no trace.
 */
@Service
public class VisitService {

    private final MonitoringVisitRepository visits;
    private final VisitQueryRepository queries;
    private final PersonService people;
    private final ReferralService referrals;
    private final ShelterService shelters;
    private final ReferenceDataService reference;
    private final UserAccountService accounts;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final org.protectioncases.shared.StaffNames staff;
    private final ConsentService consents;

    VisitService(MonitoringVisitRepository visits, VisitQueryRepository queries, PersonService people, ReferralService referrals,
                 ShelterService shelters, ReferenceDataService reference, UserAccountService accounts, CurrentUser currentUser,
                 AuditService audit, org.protectioncases.shared.StaffNames staff, ConsentService consents) {
        this.staff = staff;
        this.consents = consents;
        this.visits = visits;
        this.queries = queries;
        this.people = people;
        this.referrals = referrals;
        this.shelters = shelters;
        this.reference = reference;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    private static @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    private static boolean visible(AppUser user, MonitoringVisit v) {
        Long scope = scope(user);
        return scope == null || scope == v.getOwningPartner();
    }

    private static boolean editable(AppUser user, MonitoringVisit v) {
        return Objects.equals(user.partnerId(), v.getOwningPartner())
                && (user.role() == Role.PARTNER_COORDINATOR
                || user.role() == Role.PROTECTION_MONITOR && v.getMonitors().contains(user.getUsername()));
    }

    /** Whether the user may see the visit (not logged: for attachment checks). */
    @Allowed(Permission.READ_VISITS)
    @Transactional(readOnly = true)
    public boolean canSee(long visitId) {
        AppUser user = currentUser.require();
        return visits.findById(visitId).filter(v -> visible(user, v)).isPresent();
    }

    /** Whether the user may change the visit (its monitors, or a coordinator of its partner). */
    @Allowed(Permission.READ_VISITS)
    @Transactional(readOnly = true)
    public boolean canEdit(long visitId) {
        AppUser user = currentUser.require();
        return visits.findById(visitId).filter(v -> editable(user, v)).isPresent();
    }

    /** One page of the visits the user may see, newest first unless sorted otherwise. */
    @Allowed(Permission.READ_VISITS)
    @Transactional(readOnly = true)
    public List<VisitSummary> list(@Valid VisitFilter filter, Pageable pageable) {
        return queries.page(scope(currentUser.require()), filter, pageable);
    }

    @Allowed(Permission.READ_VISITS)
    @Transactional(readOnly = true)
    public long count(@Valid VisitFilter filter) {
        return queries.count(scope(currentUser.require()), filter);
    }

    /** Usernames of everyone who made a visit the user may see (the list's monitor filter). */
    @Allowed(Permission.READ_VISITS)
    @Transactional(readOnly = true)
    public List<String> monitorNames() {
        return queries.monitors(scope(currentUser.require()));
    }

    /** The visit page data, or empty if missing or not the user's to see; the opening is logged either way. */
    @Allowed(Permission.READ_VISITS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public Optional<VisitDetails> get(long id) {
        AppUser user = currentUser.require();
        Optional<MonitoringVisit> found = visits.findById(id).filter(v -> visible(user, v));
        audit.recordAccess("visit", id, user.partnerId(), found.isPresent());
        return found.map(v -> details(user, v));
    }

    /**
     * Records a visit for the user's partner; with no monitors given, the user made it. Referrals
     * typed on the form are sent in the same transaction (dated on the visit's day), after every rule
     * of the visit and of each referral was checked: a refused one leaves nothing written.
     */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public VisitDetails record(@Valid VisitForm form) {
        AppUser user = currentUser.require();
        VisitForm clean = validate(user, form.monitors().isEmpty() ? withMonitors(form, Set.of(user.getUsername())) : form, Set.of());
        MonitoringVisit v = new MonitoringVisit(Objects.requireNonNull(user.partnerId()), user.getUsername());
        v.apply(clean);
        MonitoringVisit saved = visits.saveAndFlush(v);
        audit.record("VISIT_RECORDED", "visit", saved.getId(), clean.locationType() + " in " + clean.municipalityCode()
                + " on " + clean.visitDate() + " by " + String.join(", ", clean.monitors()));
        sendReferrals(saved, clean);
        return details(user, saved);
    }

    /** The form's referrals, each through the same call as a referral added to the saved visit (so reports count them alike). */
    private void sendReferrals(MonitoringVisit v, VisitForm clean) {
        for (VisitFormReferral r : clean.referrals()) {
            referrals.referFromVisit(v.getId(), v.getOwningPartner(), Objects.requireNonNull(r.personId()),
                    Objects.requireNonNull(r.target()), clean.visitDate(), r.reason());
        }
    }

    /** Changes a visit; refused over a newer version (the page then says who changed it). */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public VisitDetails update(long id, long version, @Valid VisitForm form) {
        AppUser user = currentUser.require();
        MonitoringVisit v = forChange(user, id, version);
        VisitForm before = v.toForm();
        VisitForm clean = validate(user, form, before.monitors());
        v.apply(clean);
        visits.saveAndFlush(v);
        String changes = joinChanges(FieldChanges.between(before.withoutCounts(), clean.withoutCounts()),
                FieldChanges.between(before.othersMet(), clean.othersMet()));
        audit.record("VISIT_UPDATED", "visit", id, changes);
        sendReferrals(v, clean);
        return details(user, v);
    }

    /**
     * Refers a person met on the visit to an institution; the person's consent to referral is
     * required (checked by the cases module, which keeps all referrals). The date is not before the
     * visit and not in the future.
     */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public ReferralDto refer(long visitId, @Nullable Long personId, @Nullable ReferralTarget target, @Nullable LocalDate referredOn,
                             @Size(max = ReferralService.REFERRAL_REASON_MAX) @MultiLine String reason) {
        AppUser user = currentUser.require();
        MonitoringVisit v = forChange(user, visitId, null);
        new FieldErrors()
                .rejectIf(personId == null || !v.getPersonIds().contains(personId), "personId", "visit.validation.referralPerson")
                .rejectIf(target == null, "target", "validation.required")
                .rejectIf(referredOn != null && referredOn.isBefore(v.getVisitDate()), "referredOn", "visit.validation.beforeVisit")
                .throwIfAny();
        return referrals.referFromVisit(visitId, v.getOwningPartner(), Objects.requireNonNull(personId), Objects.requireNonNull(target),
                referredOn, reason);
    }

    /** Records the institution's answer to a referral made during the visit. */
    @Allowed(Permission.RECORD_VISITS)
    @Transactional
    public ReferralDto respondToReferral(long visitId, long referralId, long version,
                                         org.protectioncases.cases.ReferralStatus status, @Nullable LocalDate responseOn) {
        forChange(currentUser.require(), visitId, null);
        return referrals.respondToVisitReferral(visitId, referralId, version, status, responseOn);
    }

    /** Referrals made during the visit, newest first. */
    @Allowed(Permission.READ_VISITS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public List<ReferralDto> referrals(long visitId) {
        visibleVisit(visitId);
        return referrals.visitReferrals(visitId);
    }

    /** Marks the visit's follow-up as done (a monitor of the visit or the partner's coordinator). */
    @Allowed(Permission.WORK_FOLLOW_UPS)
    @Transactional
    public VisitDetails markFollowUpDone(long visitId) {
        AppUser user = currentUser.require();
        MonitoringVisit v = forChange(user, visitId, null);
        new FieldErrors()
                .rejectIf(!v.isFollowUpRequired(), "followUpOn", "visit.validation.noFollowUp")
                .rejectIf(v.getFollowUpDoneAt() != null, "followUpOn", "visit.validation.followUpDone")
                .throwIfAny();
        v.markFollowUpDone(user.getUsername());
        visits.saveAndFlush(v);
        audit.record("VISIT_FOLLOW_UP_DONE", "visit", visitId, null);
        return details(user, v);
    }

    /**
     * The user's open visit follow-ups (visits they made for their partner), due on or before
     * {@code until}, oldest first. Lawyers who went along have none: they cannot close them.
     */
    @Allowed(Permission.WORK_FOLLOW_UPS)
    @Transactional(readOnly = true)
    public List<FollowUp> openFollowUps(LocalDate until, int limit) {
        AppUser user = currentUser.require();
        if (!Permission.RECORD_VISITS.allows(user.role())) {
            return List.of();
        }
        return queries.openFollowUps(Objects.requireNonNull(user.partnerId()), user.getUsername(), until, limit);
    }

    /** The visit's change history, for those who may see it. */
    @Allowed(Permission.READ_VISITS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public List<AuditEventDto> history(long visitId) {
        visibleVisit(visitId);
        return audit.history("visit", visitId);
    }

    /** Who opened the visit page (UNHCR managers and the owning partner's coordinator). */
    @Allowed(Permission.READ_ACCESS_LOG)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public List<AccessLogEntry> accessLog(long visitId) {
        visibleVisit(visitId);
        return audit.accessLog("visit", visitId, 200);
    }

    private MonitoringVisit visibleVisit(long id) {
        AppUser user = currentUser.require();
        Optional<MonitoringVisit> found = visits.findById(id).filter(v -> visible(user, v));
        if (found.isEmpty()) {
            audit.recordAccess("visit", id, user.partnerId(), false);
            throw new VisitNotFoundException(id);
        }
        return found.get();
    }

    private MonitoringVisit forChange(AppUser user, long id, @Nullable Long version) {
        MonitoringVisit v = visibleVisit(id);
        if (!editable(user, v)) {
            throw new AccessDeniedException("Visit " + id + " is not one you may change");
        }
        if (version != null && v.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(MonitoringVisit.class, id);
        }
        return v;
    }

    private VisitDetails details(AppUser user, MonitoringVisit v) {
        VisitForm form = v.toForm();
        String shelterName = v.getShelterId() == null ? null : shelters.options().stream()
                .filter(s -> s.id() == v.getShelterId()).map(ShelterOption::name).findFirst().orElse("#" + v.getShelterId());
        List<VisitPerson> met = form.personIds().stream()
                .map(id -> new VisitPerson(id, people.label(id).orElse("#" + id))).toList();
        return new VisitDetails(v.getId(), v.getOwningPartner(), queries.partnerCode(v.getOwningPartner()), form, shelterName, met,
                v.getFollowUpDoneAt(), v.getFollowUpDoneBy(), v.getCreatedBy(), v.getCreatedAt(), v.getVersion(), editable(user, v),
                monitorNames(user, v.getOwningPartner(), form.monitors()));
    }

    /** The monitors by name ("Besnik Hoxha"); an account that no longer exists shows its username. */
    private List<String> monitorNames(AppUser user, long owningPartner, Set<String> monitors) {
        return monitors.stream().map(staff::name).toList();
    }

    private static VisitForm withMonitors(VisitForm f, Set<String> monitors) {
        return new VisitForm(f.visitDate(), monitors, f.locationType(), f.municipalityCode(), f.shelterId(), f.place(), f.purpose(),
                f.othersMet(), f.concerns(), f.findings(), f.needsIdentified(), f.followUpRequired(), f.followUpOn(),
                f.personsObserved(), f.newArrivals(), f.asylumIntentions(), f.personIds(), f.referrals());
    }

    /** Checks every rule and returns the form as it will be stored (trimmed, normalised), or throws with all field errors. */
    private VisitForm validate(AppUser user, VisitForm f, Set<String> formerMonitors) {
        LocalDate today = LocalDate.now();
        LocationType type = f.locationType();
        FieldErrors errors = new FieldErrors()
                .rejectIf(f.visitDate() == null, "visitDate", "validation.required")
                .rejectIf(f.visitDate() != null && f.visitDate().isAfter(today), "visitDate", "validation.notInFuture")
                .rejectIf(type == null, "locationType", "validation.required")
                .rejectIf(f.purpose() == null, "purpose", "validation.required");

        String municipality = blankToNull(f.municipalityCode());
        errors.rejectIf(municipality == null, "municipalityCode", "validation.required")
                .rejectIf(municipality != null && reference.municipalities(Locale.ENGLISH).stream().map(ReferenceItem::code)
                        .noneMatch(municipality::equals), "municipalityCode", "validation.choice");

        // The place: a shelter from the registry at a collective shelter, a free-text name elsewhere.
        String place = blankToNull(f.place());
        if (type == LocationType.COLLECTIVE_SHELTER) {
            Optional<ShelterOption> shelter = f.shelterId() == null ? Optional.empty()
                    : shelters.options().stream().filter(s -> s.id() == f.shelterId()).findFirst();
            errors.rejectIf(f.shelterId() == null, "shelterId", "visit.validation.shelterRequired")
                    .rejectIf(f.shelterId() != null && shelter.isEmpty(), "shelterId", "validation.choice")
                    .rejectIf(shelter.isPresent() && municipality != null && !shelter.get().municipalityCode().equals(municipality),
                            "municipalityCode", "visit.validation.shelterMunicipality");
        } else {
            errors.rejectIf(f.shelterId() != null, "shelterId", "visit.validation.shelterOnlyAtShelter")
                    .rejectIf(type != null && place == null, "place", "validation.required");
        }
        errors.rejectIf(place != null && place.length() > VisitForm.PLACE_MAX, "place", "validation.tooLong");

        for (AgeGroup group : AgeGroup.values()) {
            for (boolean female : new boolean[] {true, false}) {
                errors.rejectIf(f.othersMet().count(female, group) < 0, OthersMet.fieldKey(female, group), "visit.validation.notNegative");
            }
        }

        // Border counts: required at entry points (arrivals and asylum intentions are among those observed), absent elsewhere.
        boolean entryPoint = type != null && type.entryPoint();
        Integer observed = f.personsObserved();
        Integer arrivals = f.newArrivals();
        Integer intentions = f.asylumIntentions();
        if (entryPoint) {
            errors.rejectIf(observed == null, "personsObserved", "validation.required")
                    .rejectIf(arrivals == null, "newArrivals", "validation.required")
                    .rejectIf(intentions == null, "asylumIntentions", "validation.required")
                    .rejectIf(observed != null && observed < 0, "personsObserved", "visit.validation.notNegative")
                    .rejectIf(arrivals != null && arrivals < 0, "newArrivals", "visit.validation.notNegative")
                    .rejectIf(intentions != null && intentions < 0, "asylumIntentions", "visit.validation.notNegative")
                    .rejectIf(observed != null && arrivals != null && arrivals > observed, "newArrivals", "visit.validation.moreThanObserved")
                    .rejectIf(observed != null && intentions != null && intentions > observed, "asylumIntentions",
                            "visit.validation.moreThanObserved");
        } else {
            errors.rejectIf(observed != null, "personsObserved", "visit.validation.onlyAtEntryPoints")
                    .rejectIf(arrivals != null, "newArrivals", "visit.validation.onlyAtEntryPoints")
                    .rejectIf(intentions != null, "asylumIntentions", "visit.validation.onlyAtEntryPoints");
        }

        LocalDate followUpOn = f.followUpRequired() ? f.followUpOn() : null;
        errors.rejectIf(f.followUpRequired() && followUpOn == null, "followUpOn", "validation.required")
                .rejectIf(followUpOn != null && f.visitDate() != null && followUpOn.isBefore(f.visitDate()), "followUpOn",
                        "visit.validation.followUpBeforeVisit");

        String findings = blankToNull(f.findings());
        String needs = blankToNull(f.needsIdentified());
        errors.rejectIf(findings != null && findings.length() > VisitForm.FINDINGS_MAX, "findings", "validation.tooLong")
                .rejectIf(needs != null && needs.length() > VisitForm.NEEDS_MAX, "needsIdentified", "validation.tooLong");

        // Monitors: the user and colleagues of the same partner. A monitor records only visits they made (else they could not change it).
        Set<String> monitors = f.monitors().stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> colleagues = accounts.partnerColleagues().stream().map(UserAccountDto::username).collect(Collectors.toSet());
        colleagues.add(user.getUsername());
        // Someone who made the visit stays on it even if their account has since been disabled.
        colleagues.addAll(formerMonitors);
        errors.rejectIf(monitors.isEmpty(), "monitors", "validation.required")
                .rejectIf(!colleagues.containsAll(monitors), "monitors", "visit.validation.monitor")
                .rejectIf(user.role() == Role.PROTECTION_MONITOR && !monitors.isEmpty() && !monitors.contains(user.getUsername()),
                        "monitors", "visit.validation.includeYourself");

        List<Long> personIds = new ArrayList<>(new LinkedHashSet<>(f.personIds()));
        personIds.sort(null);
        boolean peopleVisible = personIds.stream().allMatch(people::isVisible);
        errors.rejectIf(!peopleVisible, "people", "visit.validation.person");

        // Referrals made on the form: the rules of VisitService.refer and ReferralService (consent included),
        // each error under "referrals.<n>.<field>" so the form shows it next to that referral's field.
        List<VisitFormReferral> referralsMade = new ArrayList<>();
        for (int i = 0; i < f.referrals().size(); i++) {
            VisitFormReferral r = f.referrals().get(i);
            String at = "referrals." + i + ".";
            boolean metHere = r.personId() != null && personIds.contains(r.personId());
            String reason = r.reason().strip();
            errors.rejectIf(!metHere, at + "personId", "visit.validation.referralPerson")
                    .rejectIf(r.target() == null, at + "target", "validation.required")
                    .rejectIf(reason.isEmpty(), at + "reason", "validation.required")
                    .rejectIf(reason.length() > ReferralService.REFERRAL_REASON_MAX, at + "reason", "validation.tooLong")
                    .rejectIf(metHere && peopleVisible && consents.activeConsent(Objects.requireNonNull(r.personId()),
                            ConsentScope.REFERRAL).isEmpty(), at + "consent", "referral.validation.noConsent");
            referralsMade.add(new VisitFormReferral(r.personId(), r.target(), reason));
        }
        errors.throwIfAny();

        Set<ProtectionConcern> concerns = EnumSet.noneOf(ProtectionConcern.class);
        concerns.addAll(f.concerns());
        return new VisitForm(f.visitDate(), monitors, type, municipality, type == LocationType.COLLECTIVE_SHELTER ? f.shelterId() : null,
                place, f.purpose(), f.othersMet(), concerns, findings, needs, f.followUpRequired(), followUpOn,
                observed, arrivals, intentions, List.copyOf(personIds), referralsMade);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String joinChanges(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
