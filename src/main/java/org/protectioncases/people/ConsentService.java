package org.protectioncases.people;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.validation.MultiLine;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consents a person gave (to referral, to transfer, ...), their withdrawal, and the active
 * consent other modules need before personal data leaves the partner. Withdrawn consents stay on record.
 */
@Service
public class ConsentService {

    // Column size (db-changelog/people); the form uses the same constant.
    public static final int CONSENT_NOTE_MAX = 300;
    /** There are four scopes; the bound keeps a request from carrying more. */
    public static final int SCOPES_MAX = 4;

    private final ConsentRepository consents;
    private final PersonAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    private final Clock clock;

    /** At least one scope must be chosen. */
    private static final String SCOPE_REQUIRED = "consent.validation.scope";

    ConsentService(ConsentRepository consents, PersonAccess access, CurrentUser currentUser, AuditService audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.consents = consents;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
    }

    /** The person's consents, newest first. */
    @Allowed(Permission.READ_PEOPLE)
    @Transactional(readOnly = true)
    public List<ConsentDto> consents(long personId) {
        access.visiblePerson(currentUser.require(), personId);
        return consents.findByPersonIdOrderByGivenOnDescIdDesc(personId).stream().map(Consent::toDto).toList();
    }

    /** Records a consent the person gave themselves (date not in the future). */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public ConsentDto recordConsent(long personId, ConsentScope scope, @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate givenOn,
                                    @Size(max = CONSENT_NOTE_MAX) @MultiLine @Nullable String note) {
        return record(personId, scope, ConsentGiver.PERSON, givenOn, note);
    }

    /**
     * Records the consents given at one time by the person or for them (the consent dialog a
     * referral, transfer or registration offers): one row per scope, all or none. Scopes that already
     * have an active consent are recorded again, so the record shows the latest time it was given.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public List<ConsentDto> recordConsents(long personId, @Required(message = SCOPE_REQUIRED) @Size(max = SCOPES_MAX) Set<ConsentScope> scopes,
                                           @Required @Nullable ConsentGiver givenBy,
                                           @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate givenOn,
                                           @Size(max = CONSENT_NOTE_MAX) @MultiLine @Nullable String note) {
        access.editable(personId);
        return Arrays.stream(ConsentScope.values()).filter(scopes::contains)
                .map(scope -> record(personId, scope, Objects.requireNonNull(givenBy), givenOn, note)).toList();
    }

    /**
     * Checks consents by the rules of {@link #recordConsents}, saving nothing (the registration form,
     * before the person exists).
     */
    @Allowed(Permission.EDIT_PEOPLE)
    public void checkConsents(@Required(message = SCOPE_REQUIRED) @Size(max = SCOPES_MAX) Set<ConsentScope> scopes,
                              @Required @Nullable ConsentGiver givenBy, @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate givenOn) {
        // Every rule is a constraint on the parameters, checked (as for recordConsents) before this runs.
    }

    private ConsentDto record(long personId, ConsentScope scope, ConsentGiver givenBy, @Nullable LocalDate givenOn, @Nullable String note) {
        access.editable(personId);
        Consent saved = consents.saveAndFlush(new Consent(personId, scope, givenBy, givenOn,
                note == null || note.isBlank() ? null : note.strip(), currentUser.username()));
        String scopeArg = AuditMessage.keys(List.of(scope.messageKey()));
        audit.recordMessage("CONSENT_RECORDED", "person", personId, givenBy == ConsentGiver.PERSON
                ? new AuditMessage("history.person.consent", List.of(scopeArg, Formats.date(givenOn)), scope + " given " + givenOn)
                : new AuditMessage("history.person.consentBy", List.of(scopeArg, Formats.date(givenOn), AuditMessage.keys(List.of(givenBy.messageKey()))),
                        scope + " given " + givenOn + " by " + givenBy));
        return saved.toDto();
    }

    /** Records that a consent was withdrawn; it stays on record. */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public ConsentDto withdrawConsent(long consentId, LocalDate on) {
        Consent consent = consents.findById(consentId).orElseThrow(() -> new PersonNotFoundException(consentId));
        access.editable(consent.getPersonId());
        new FieldErrors().rejectIf(on.isBefore(consent.getGivenOn()) || on.isAfter(LocalDate.now(clock)), "withdrawnOn", "consent.validation.withdrawal")
                .throwIfAny();
        consent.withdraw(on, currentUser.username());
        ConsentScope scope = consent.toDto().scope();
        audit.recordMessage("CONSENT_WITHDRAWN", "person", consent.getPersonId(), new AuditMessage("history.person.consentWithdrawn",
                List.of(AuditMessage.keys(List.of(scope.messageKey())), Formats.date(on)), scope + " withdrawn " + on));
        ConsentDto saved = consents.saveAndFlush(consent).toDto();
        events.publishEvent(new ConsentWithdrawn(consent.getPersonId(), saved.scope(), on, currentUser.username()));
        return saved;
    }

    /**
     * The id of an active consent of this scope, if the person has one (for referrals and transfers).
     * A person the user may not see is answered as not found and the attempt is logged, as on reading.
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional // not read-only: a refusal writes record_access
    public Optional<Long> activeConsent(long personId, ConsentScope scope) {
        access.editable(personId);
        return consents.findByPersonIdOrderByGivenOnDescIdDesc(personId).stream()
                .filter(c -> c.getWithdrawnOn() == null && c.toDto().scope() == scope)
                .map(c -> c.toDto().id()).findFirst();
    }
}
