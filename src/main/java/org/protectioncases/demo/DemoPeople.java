package org.protectioncases.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo people for one partner, registered through {@link PersonService} by a partner user (so
 * validation, registration numbers and the audit trail apply). Names come from
 * {@code demo/names.csv}; a fixed seed makes every demo database the same.
 */
@Component
class DemoPeople {

    record Name(String kind, Community community, String sex, List<String> spellings) {
    }

    private final PersonService people;
    private final ReferenceDataService reference;
    private final PersonFileService files;
    private final ConsentService consents;
    private final CaseService cases;
    private final CaseWorkflowService workflow;
    private final ReferralService referrals;
    private final List<Name> names;

    private final Clock clock;

    DemoPeople(PersonService people, PersonFileService files,
               ConsentService consents, ReferenceDataService reference,
               CaseService cases, CaseWorkflowService workflow,
               ReferralService referrals, Clock clock) {
        this.clock = clock;
        this.people = people;
        this.files = files;
        this.consents = consents;
        this.reference = reference;
        this.cases = cases;
        this.workflow = workflow;
        this.referrals = referrals;
        this.names = load();
    }

    private static List<Name> load() {
        List<Name> list = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/names.csv").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().skip(1).map(l -> l.split(",", -1)).filter(f -> f.length == 4)
                    .forEach(f -> list.add(new Name(f[0], Community.valueOf(f[1]), f[2], List.of(f[3].split("\\|")))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** Registers {@code count} people for the signed-in partner user; returns how many were created. */
    int register(int count, long seed) {
        Random random = new Random(seed);
        List<ReferenceItem> municipalities = reference.municipalities(Locale.ENGLISH);
        int created = 0;
        for (int i = 0; i < count; i++) {
            Community community = pickCommunity(random);
            Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            Name given = pick(random, "given", community, sex == Sex.FEMALE ? "F" : "M");
            Name family = pick(random, "family", community, "");
            // Mostly the usual spelling; sometimes a variant, as different offices write names differently.
            String givenName = spelling(random, given);
            String familyName = spelling(random, family);
            int age = ageFor(random);
            BirthDatePrecision precision = random.nextInt(10) < 8 ? BirthDatePrecision.EXACT : BirthDatePrecision.YEAR;
            LocalDate birth = LocalDate.now(clock).minusYears(age).minusDays(random.nextInt(365));
            if (precision == BirthDatePrecision.YEAR) {
                birth = birth.withDayOfYear(1);
            }
            String municipality = municipalities.get(random.nextInt(municipalities.size())).code();
            PersonDetails person = people.register(PersonForm.of(givenName, familyName, sex, birth, precision, community, municipality), List.of());
            addGroups(random, person.id(), community);
            if (random.nextInt(100) < 40) {
                addCase(random, person.id());
            }
            created++;
        }
        return created;
    }

    /** A case in a realistic state: some waiting on an authority, some referred, some closed. */
    private void addCase(Random random, long personId) {
        CaseType[] types = CaseType.values();
        CaseType type = random.nextInt(3) == 0 ? CaseType.CIVIL_DOCUMENTATION
                : types[random.nextInt(types.length)];
        var opened = workflow.open(new NewCase(personId, type,
                CasePriority.values()[random.nextInt(4)], "Demo case",
                type == CaseType.CIVIL_DOCUMENTATION ? DocumentType.BIRTH_CERTIFICATE : null,
                null, LocalDate.now(clock).minusDays(random.nextInt(400))));
        int roll = random.nextInt(100);
        var current = opened;
        if (roll < 30) {
            consents.recordConsent(personId, ConsentScope.REFERRAL, LocalDate.now(clock).minusDays(1), null);
            referrals.refer(current.id(), current.version(), ReferralTarget.values()[random.nextInt(12)],
                    LocalDate.now(clock), "Demo referral");
            current = cases.get(current.id()).orElseThrow();
        }
        if (roll < 50) {
            current = workflow.changeStatus(current.id(), current.version(), CaseStatus.WAITING_FOR_AUTHORITY, null, null);
        }
        if (roll >= 50 && roll < 65) {
            workflow.changeStatus(current.id(), current.version(), CaseStatus.CLOSED, null, type.outcomes().get(0));
        } else {
            workflow.update(current.id(), current.version(), new CaseUpdate(
                    CasePriority.NORMAL, LocalDate.now(clock).plusDays(random.nextInt(60) - 20), "Demo case",
                    type == CaseType.CIVIL_DOCUMENTATION ? DocumentType.BIRTH_CERTIFICATE : null,
                    null, null, null));
        }
    }

    /** A named person, e.g. the seeded near-duplicate the README tells demo users to try. */
    void registerKnown(String givenName, String familyName, LocalDate birthDate) {
        PersonDetails p = people.register(PersonForm.of(givenName, familyName, Sex.MALE, birthDate, BirthDatePrecision.EXACT,
                Community.SERB, null), List.of());
        files.addGroup(p.id(), PopulationGroup.IDP, LocalDate.of(1999, 6, 15), null, DisplacementPlace.WITHIN_KOSOVO);
    }

    private void addGroups(Random random, long personId, Community community) {
        int roll = random.nextInt(100);
        LocalDate since = LocalDate.now(clock).minusYears(1 + random.nextInt(20)).minusDays(random.nextInt(365));
        if (roll < 45) {
            DisplacementPlace place = random.nextInt(4) == 0 ? DisplacementPlace.SERBIA : DisplacementPlace.WITHIN_KOSOVO;
            files.addGroup(personId, PopulationGroup.IDP, since, null, place);
        } else if (roll < 65) {
            files.addGroup(personId, PopulationGroup.RETURNEE, since, null, DisplacementPlace.SERBIA);
        } else if (roll < 75) {
            files.addGroup(personId, PopulationGroup.ASYLUM_SEEKER, LocalDate.now(clock).minusDays(random.nextInt(700)), null, null);
        }
        boolean ray = community == Community.ROMA || community == Community.ASHKALI || community == Community.EGYPTIAN;
        if (ray && random.nextInt(3) == 0) {
            files.addGroup(personId, PopulationGroup.AT_RISK_OF_STATELESSNESS, since, null, null);
        }
    }

    private static Community pickCommunity(Random random) {
        int r = random.nextInt(100);
        if (r < 40) {
            return Community.SERB;
        }
        if (r < 65) {
            return Community.ALBANIAN;
        }
        if (r < 75) {
            return Community.ROMA;
        }
        if (r < 85) {
            return Community.ASHKALI;
        }
        if (r < 90) {
            return Community.EGYPTIAN;
        }
        return switch (random.nextInt(3)) {
            case 0 -> Community.BOSNIAK;
            case 1 -> Community.GORANI;
            default -> Community.TURKISH;
        };
    }

    private Name pick(Random random, String kind, Community community, String sex) {
        List<Name> candidates = names.stream()
                .filter(n -> n.kind().equals(kind) && n.community() == community && (sex.isEmpty() || n.sex().equals(sex))).toList();
        if (candidates.isEmpty()) {
            candidates = names.stream().filter(n -> n.kind().equals(kind) && (sex.isEmpty() || n.sex().equals(sex))).toList();
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static String spelling(Random random, Name name) {
        List<String> latin = name.spellings().stream().filter(s -> s.chars().noneMatch(c -> c >= 0x400 && c <= 0x4FF)).toList();
        return random.nextInt(10) < 8 || latin.size() == 1 ? latin.get(0) : latin.get(1 + random.nextInt(latin.size() - 1));
    }

    private static int ageFor(Random random) {
        int r = random.nextInt(100);
        if (r < 8) {
            return random.nextInt(5);
        }
        if (r < 20) {
            return 5 + random.nextInt(7);
        }
        if (r < 30) {
            return 12 + random.nextInt(6);
        }
        if (r < 88) {
            return 18 + random.nextInt(42);
        }
        return 60 + random.nextInt(30);
    }
}
