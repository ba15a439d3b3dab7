package org.protectioncases.monitoring;

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
import org.protectioncases.cases.ReferralService;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonService;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.CommandRules;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shelters.ShelterOption;
import org.protectioncases.shelters.ShelterService;
import org.springframework.stereotype.Component;

/**
 * The rules of a visit form, checked before anything is written: dates, place, counts, monitors,
 * people met and the referrals typed on the form (with the person's consent). Every broken rule
 * is reported at once, each under its field.
 */
@Component
class VisitRules {

    private final PersonService people;
    private final ConsentService consents;
    private final ShelterService shelters;
    private final ReferenceDataService reference;
    private final UserAccountService accounts;
    private final CommandRules commandRules;

    VisitRules(PersonService people, ConsentService consents, ShelterService shelters, ReferenceDataService reference,
               UserAccountService accounts, CommandRules commandRules) {
        this.people = people;
        this.consents = consents;
        this.shelters = shelters;
        this.reference = reference;
        this.accounts = accounts;
        this.commandRules = commandRules;
    }

    /** Checks every rule and returns the form as it will be stored (trimmed, normalised), or throws with all field errors. */
    VisitForm validate(AppUser user, VisitForm f, Set<String> formerMonitors) {
        LocationType type = f.locationType();
        // Visit date (given, not in the future), location type, purpose and municipality: VisitForm's
        // Complete constraints, reported with the rules below.
        FieldErrors errors = commandRules.check(f, Complete.class);
        String municipality = blankToNull(f.municipalityCode());
        errors.rejectIf(municipality != null && reference.municipalities(Locale.ENGLISH).stream().map(ReferenceItem::code)
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
        return f.toBuilder().monitors(monitors).municipalityCode(municipality)
                .shelterId(type == LocationType.COLLECTIVE_SHELTER ? f.shelterId() : null).place(place).concerns(concerns)
                .findings(findings).needsIdentified(needs).followUpOn(followUpOn)
                .personIds(List.copyOf(personIds)).referrals(referralsMade).build();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
