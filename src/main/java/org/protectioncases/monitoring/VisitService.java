package org.protectioncases.monitoring;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AccessLogEntry;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.followups.FollowUp;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.StaffNames;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shelters.ShelterOption;
import org.protectioncases.shelters.ShelterService;
import org.springframework.data.domain.Pageable;
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
    private final VisitAccess access;
    private final VisitRules rules;
    private final PersonService people;
    private final ReferralService referrals;
    private final ShelterService shelters;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final StaffNames staff;

    private final Clock clock;

    VisitService(MonitoringVisitRepository visits, VisitQueryRepository queries, VisitAccess access, VisitRules rules,
                 PersonService people, ReferralService referrals, ShelterService shelters, CurrentUser currentUser,
                 AuditService audit, StaffNames staff, Clock clock) {
        this.clock = clock;
        this.visits = visits;
        this.queries = queries;
        this.access = access;
        this.rules = rules;
        this.people = people;
        this.referrals = referrals;
        this.shelters = shelters;
        this.currentUser = currentUser;
        this.audit = audit;
        this.staff = staff;
    }

    private static @Nullable Long scope(AppUser user) {
        return user.partnerScope();
    }

    /** Whether the user may see the visit (not logged: for attachment checks). */
    @Allowed(Permission.READ_VISITS)
    @Transactional(readOnly = true)
    public boolean canSee(long visitId) {
        AppUser user = currentUser.require();
        return visits.findById(visitId).filter(v -> VisitAccess.visible(user, v)).isPresent();
    }

    /** Whether the user may change the visit (its monitors, or a coordinator of its partner). */
    @Allowed(Permission.READ_VISITS)
    @Transactional(readOnly = true)
    public boolean canEdit(long visitId) {
        AppUser user = currentUser.require();
        return visits.findById(visitId).filter(v -> VisitAccess.editable(user, v)).isPresent();
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
        Optional<MonitoringVisit> found = visits.findById(id).filter(v -> VisitAccess.visible(user, v));
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
        VisitForm clean = rules.validate(user, form.monitors().isEmpty() ? withMonitors(form, Set.of(user.getUsername())) : form, Set.of());
        MonitoringVisit v = new MonitoringVisit(Objects.requireNonNull(user.partnerId()), user.getUsername());
        v.apply(clean);
        MonitoringVisit saved = visits.saveAndFlush(v);
        audit.recordMessage("VISIT_RECORDED", "visit", saved.getId(), new AuditMessage("history.visit.recorded",
                List.of(AuditMessage.keys(List.of(Objects.requireNonNull(clean.locationType()).messageKey())), String.valueOf(clean.municipalityCode()),
                        Formats.date(clean.visitDate()), String.join(", ", clean.monitors())),
                clean.locationType() + " in " + clean.municipalityCode() + " on " + clean.visitDate() + " by " + String.join(", ", clean.monitors())));
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
        MonitoringVisit v = access.forChange(user, id, version);
        VisitForm before = v.toForm();
        VisitForm clean = rules.validate(user, form, before.monitors());
        v.apply(clean);
        visits.saveAndFlush(v);
        audit.recordMessage("VISIT_UPDATED", "visit", id, VisitChanges.between(before, clean));
        sendReferrals(v, clean);
        return details(user, v);
    }

    /** Marks the visit's follow-up as done (a monitor of the visit or the partner's coordinator). */
    @Allowed(Permission.WORK_FOLLOW_UPS)
    @Transactional
    public VisitDetails markFollowUpDone(long visitId) {
        AppUser user = currentUser.require();
        MonitoringVisit v = access.forChange(user, visitId, null);
        new FieldErrors()
                .rejectIf(!v.isFollowUpRequired(), "followUpOn", "visit.validation.noFollowUp")
                .rejectIf(v.getFollowUpDoneAt() != null, "followUpOn", "visit.validation.followUpDone")
                .throwIfAny();
        v.markFollowUpDone(user.getUsername(), Instant.now(clock));
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
        access.visibleVisit(visitId);
        return audit.history("visit", visitId);
    }

    /** Who opened the visit page (UNHCR managers and the owning partner's coordinator). */
    @Allowed(Permission.READ_ACCESS_LOG)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public List<AccessLogEntry> accessLog(long visitId) {
        access.visibleVisit(visitId);
        return audit.accessLog("visit", visitId, 200);
    }

    private VisitDetails details(AppUser user, MonitoringVisit v) {
        VisitForm form = v.toForm();
        String shelterName = v.getShelterId() == null ? null : shelters.options().stream()
                .filter(s -> s.id() == v.getShelterId()).map(ShelterOption::name).findFirst().orElse("#" + v.getShelterId());
        List<VisitPerson> met = form.personIds().stream()
                .map(id -> new VisitPerson(id, people.label(id).orElse("#" + id))).toList();
        return new VisitDetails(v.getId(), v.getOwningPartner(), queries.partnerCode(v.getOwningPartner()), form, shelterName, met,
                v.getFollowUpDoneAt(), v.getFollowUpDoneBy(), v.getCreatedBy(), v.getCreatedAt(), v.getVersion(), VisitAccess.editable(user, v),
                monitorNames(user, v.getOwningPartner(), form.monitors()));
    }

    /** The monitors by name ("Besnik Hoxha"); an account that no longer exists shows its username. */
    private List<String> monitorNames(AppUser user, long owningPartner, Set<String> monitors) {
        return monitors.stream().map(staff::name).toList();
    }

    private static VisitForm withMonitors(VisitForm f, Set<String> monitors) {
        return f.toBuilder().monitors(monitors).build();
    }
}
