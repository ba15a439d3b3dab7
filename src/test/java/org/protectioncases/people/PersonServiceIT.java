package org.protectioncases.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class PersonServiceIT extends ActingUsers {

    @Autowired
    PersonService people;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    ConsentService consents;
    @Autowired
    HouseholdService households;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private static String unique(String base) {
        // Letters only, so the unique part survives name folding; keeps tests independent of each other.
        String tag = java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return base + tag;
    }

    private PersonDetails register(String partnerCode, String given, String family, LocalDate birth) {
        return as(Role.PARTNER_LAWYER, partnerCode, () -> people.register(
                PersonForm.of(given, family, Sex.FEMALE, birth, BirthDatePrecision.EXACT, Community.ROMA, "PRI"), List.of()));
    }

    @Test
    void registrationNumbersAreSequentialWithoutGapsEvenWhenARegistrationRollsBack() {
        PersonDetails first = register("CRPK", "Sequence", unique("One"), LocalDate.of(1990, 1, 1));
        // A registration that is rolled back must give its number back. (The outer transaction is the
        // lawyer's: row-level security scopes a transaction by the user who began it.)
        as(Role.PARTNER_LAWYER, "CRPK", () -> tx.execute(status -> {
            register("CRPK", "Sequence", unique("Rolled"), LocalDate.of(1990, 1, 1));
            status.setRollbackOnly();
            return null;
        }));
        PersonDetails second = register("CRPK", "Sequence", unique("Two"), LocalDate.of(1990, 1, 1));
        assertThat(first.registrationNo()).matches("KOS-\\d{4}-\\d{6}");
        assertThat(number(second)).isEqualTo(number(first) + 1);
    }

    private static int number(PersonDetails p) {
        return Integer.parseInt(p.registrationNo().substring(p.registrationNo().lastIndexOf('-') + 1));
    }

    @Test
    void concurrentRegistrationsGetDistinctConsecutiveNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<PersonDetails>> futures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            futures.add(pool.submit(() -> register("AT", "Parallel", unique("Person"), LocalDate.of(2001, 5, 5))));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<PersonDetails> f : futures) {
            numbers.add(number(f.get()));
        }
        pool.shutdown();
        Collections.sort(numbers);
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(numbers.size() - 1);
    }

    @Test
    void anotherPartnersPersonIsLikeAMissingOneAndTheAttemptIsLogged() {
        PersonDetails p = register("CRPK", "Hidden", unique("Person"), LocalDate.of(1985, 3, 3));
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> people.get(p.id()))).isPresent();
        assertThat(as(Role.PROTECTION_MONITOR, "KRCT", () -> people.get(p.id()))).isEmpty();
        assertThat(as(Role.PROTECTION_MONITOR, "KRCT", () -> people.get(Long.MAX_VALUE))).isEmpty();
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> personFiles.addGroup(p.id(), PopulationGroup.IDP,
                LocalDate.of(2000, 1, 1), null, DisplacementPlace.WITHIN_KOSOVO))).isInstanceOf(PersonNotFoundException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> people.update(p.id(), p.version(), p.profile())))
                .isInstanceOf(PersonNotFoundException.class);
        // UNHCR managers read everyone; administrators no one.
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> people.get(p.id()))).isPresent();
        assertThatThrownBy(() -> system.runAsAdmin(() -> people.get(p.id()))).isInstanceOf(AccessDeniedException.class);

        List<Boolean> log = jdbc.sql("select granted from record_access where entity_type = 'person' and entity_id = :id order by id")
                .param("id", p.id()).query(Boolean.class).list();
        assertThat(log).containsExactly(true, false, false, false, true);
    }

    @Test
    void listsAndCountsOnlyTheUsersPartnerButEverythingForManagers() {
        String family = unique("Scoped");
        register("CRPK", "Lista", family, LocalDate.of(1970, 1, 1));
        register("AT", "Lista", family, LocalDate.of(1970, 1, 1));
        PersonFilter byName = new PersonFilter(family, null, null, null, null);
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> people.count(byName))).isEqualTo(1);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> people.list(byName, PageRequest.of(0, 10))))
                .singleElement().satisfies(s -> assertThat(s.partnerId()).isEqualTo(partner("AT")));
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> people.count(byName))).isEqualTo(2);
        assertThatThrownBy(() -> system.runAsAdmin(() -> people.count(byName))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPageByKeysetEqualsTheSamePageByOffsetAndStaysInTheUsersPartner() {
        PersonFilter all = PersonFilter.none();
        List<PersonSummary> first = as(Role.PARTNER_COORDINATOR, "CRPK", () -> people.list(all, PageRequest.of(0, 5)));
        List<PersonSummary> byOffset = as(Role.PARTNER_COORDINATOR, "CRPK", () -> people.list(all, PageRequest.of(1, 5)));
        Long after = first.getLast().id();
        List<PersonSummary> byKeyset = as(Role.PARTNER_COORDINATOR, "CRPK", () -> people.list(all, PageRequest.of(1, 5), after));
        assertThat(byOffset).hasSize(5);
        assertThat(byKeyset).isEqualTo(byOffset);
        assertThat(byKeyset).allSatisfy(s -> assertThat(s.id()).isLessThan(after));
        // Another partner's key does not widen the scope: the page stays the user's own people.
        List<PersonSummary> at = as(Role.PARTNER_COORDINATOR, "AT", () -> people.list(all, PageRequest.of(1, 5), after));
        assertThat(at).isNotEmpty().allSatisfy(s ->
                assertThat(as(Role.PARTNER_COORDINATOR, "AT", () -> people.get(s.id()))).as("visible to AT").isPresent());
        // A sort order or a name search ignores the key (offset paging, as before).
        PageRequest sorted = PageRequest.of(1, 5, org.springframework.data.domain.Sort.by("familyName"));
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> people.list(all, sorted, after)))
                .isEqualTo(as(Role.PARTNER_COORDINATOR, "CRPK", () -> people.list(all, sorted)));
    }

    @Test
    void duplicateCheckToleratesDiacriticsCyrillicNameOrderAndTypos() {
        String suffix = unique("");
        register("CRPK", "Đorđe" + suffix, "Stanković", LocalDate.of(1979, 4, 12));
        for (String[] spelling : new String[][] {
                {"Djordje" + suffix, "Stankovic"},
                {"Dorde" + suffix, "Stankovich"},
                {"Stankovic", "Djordje" + suffix},
                {"Ђорђе" + suffix, "Станковић"}}) {
            DuplicateCheck check = as(Role.PARTNER_LAWYER, "CRPK", () -> people.findDuplicates(spelling[0], spelling[1], 1979, null));
            assertThat(check.visible()).as(String.join(" ", spelling))
                    .anyMatch(m -> m.familyName().equals("Stanković") && m.givenName().startsWith("Đorđe"));
        }
        // Born decades apart: not the same person.
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> people.findDuplicates("Djordje" + suffix, "Stankovic", 2015, null)).visible())
                .noneMatch(m -> m.givenName().startsWith("Đorđe"));
    }

    @Test
    void otherPartnersDuplicatesAreOnlyCounted() {
        String suffix = unique("");
        register("CRPK", "Xhevahire" + suffix, "Berisha", LocalDate.of(1988, 8, 8));
        DuplicateCheck check = as(Role.PARTNER_LAWYER, "AT", () -> people.findDuplicates("Dževahire" + suffix, "Beriša", 1988, null));
        assertThat(check.visible()).noneMatch(m -> m.givenName().startsWith("Xhevahire"));
        assertThat(check.otherPartners()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void notTheSamePersonIsRecordedAndNotSuggestedAgain() {
        String suffix = unique("");
        PersonDetails existing = register("KRCT", "Arbnora" + suffix, "Krasniqi", LocalDate.of(1995, 2, 2));
        PersonDetails created = as(Role.PARTNER_LAWYER, "KRCT", () -> people.register(PersonForm.of("Arbnore" + suffix, "Krasniqi",
                Sex.FEMALE, LocalDate.of(1995, 6, 1), BirthDatePrecision.EXACT, Community.ALBANIAN, null), List.of(existing.id())));
        assertThat(jdbc.sql("select decided_by from person_not_duplicate where person_id = :p and other_id = :o")
                .param("p", created.id()).param("o", existing.id()).query(String.class).single()).isEqualTo("system");
        DuplicateCheck again = as(Role.PARTNER_LAWYER, "KRCT", () -> people.findDuplicates("Arbnora" + suffix, "Krasniqi", 1995, created.id()));
        assertThat(again.visible()).noneMatch(m -> m.id() == existing.id());
    }

    @Test
    void invalidInputIsRejectedPerFieldAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> people.register(PersonForm.builder(" ", "X", Sex.MALE, Community.SERB)
                .birthDate(LocalDate.now().plusDays(3)).birthPrecision(BirthDatePrecision.EXACT).citizenshipStatus(CitizenshipStatus.COUNTRY)
                .build(), List.of())))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("givenName", "validation.required")
                        .containsEntry("birthDate", "validation.notInFuture")
                        .containsEntry("citizenshipCountry", "validation.required"));
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void groupMembershipsAnswerWhoIsInAGroupToday() {
        String family = unique("Grouped");
        PersonDetails p = register("AT", "Member", family, LocalDate.of(1960, 1, 1));
        as(Role.PARTNER_LAWYER, "AT", () -> personFiles.addGroup(p.id(), PopulationGroup.IDP, LocalDate.of(1999, 6, 1), null, DisplacementPlace.WITHIN_KOSOVO));
        as(Role.PARTNER_LAWYER, "AT", () -> personFiles.addGroup(p.id(), PopulationGroup.ASYLUM_SEEKER, LocalDate.of(2010, 1, 1), LocalDate.of(2011, 1, 1), null));
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> people.count(new PersonFilter(family, null, PopulationGroup.IDP, null, null)))).isEqualTo(1);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> people.count(new PersonFilter(family, null, PopulationGroup.ASYLUM_SEEKER, null, null)))).isZero();
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> personFiles.addGroup(p.id(), PopulationGroup.IDP, LocalDate.of(2001, 1, 1), null, null)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("displacementPlace"));
    }

    @Test
    void staleEditsAreRefusedAndChangesAreAuditedFieldByField() {
        PersonDetails p = register("CRPK", "Editable", unique("Person"), LocalDate.of(1980, 1, 1));
        PersonForm changed = PersonForm.builder(p.profile().givenName(), p.profile().familyName(), Sex.FEMALE, Community.ROMA)
                .fatherName("Ramadan").birthDate(p.profile().birthDate()).birthPrecision(BirthDatePrecision.EXACT)
                .citizenshipStatus(CitizenshipStatus.STATELESS).municipalityCode("PRI").build();
        PersonDetails updated = as(Role.PARTNER_LAWYER, "CRPK", () -> people.update(p.id(), p.version(), changed));
        assertThat(updated.profile().fatherName()).isEqualTo("Ramadan");
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> people.update(p.id(), p.version(), changed)))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        String details = jdbc.sql("select details from audit_event where entity_type = 'person' and entity_id = :id and action = 'PERSON_UPDATED'")
                .param("id", String.valueOf(p.id())).query(String.class).single();
        assertThat(details).contains("fatherName: null → Ramadan", "citizenshipStatus: UNDETERMINED → STATELESS");
    }

    @Test
    void fuzzyListSearchRanksTheBestMatchFirst() {
        String suffix = unique("");
        register("CRPK", "Shpresa" + suffix, "Hoxha", LocalDate.of(1975, 1, 1));
        List<PersonSummary> found = as(Role.PARTNER_LAWYER, "CRPK", () -> people.list(
                new PersonFilter("Špresa" + suffix + " Hodža", null, null, null, null), PageRequest.of(0, 5, Sort.by("familyName"))));
        assertThat(found).first().satisfies(s -> assertThat(s.givenName()).isEqualTo("Shpresa" + suffix));
    }

    @Test
    void duplicateCheckTakesOneYearEitherSideAndPeopleOfUnknownBirthYear() {
        String suffix = unique("");
        register("AT", "Valbona" + suffix, "Morina", LocalDate.of(1990, 12, 31));
        PersonDetails unknown = as(Role.PARTNER_LAWYER, "AT", () -> people.register(
                PersonForm.of("Valbone" + suffix, "Morina", Sex.FEMALE, null, null, Community.ALBANIAN, null), List.of()));
        java.util.function.IntFunction<List<String>> check = year -> as(Role.PARTNER_LAWYER, "AT",
                () -> people.findDuplicates("Valbona" + suffix, "Morina", year, null)).visible().stream()
                .map(DuplicateCheck.Match::givenName).toList();
        assertThat(check.apply(1991)).containsExactlyInAnyOrder("Valbona" + suffix, "Valbone" + suffix);
        assertThat(check.apply(1989)).containsExactlyInAnyOrder("Valbona" + suffix, "Valbone" + suffix);
        // Two years off: only the person whose birth year nobody knows is still a candidate.
        assertThat(check.apply(1992)).containsExactly("Valbone" + suffix);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> people.findDuplicates("Valbona" + suffix, "Morina", null, null)).visible())
                .extracting(DuplicateCheck.Match::id).contains(unknown.id());
    }

    @Test
    void fuzzySearchFindsNewAndRenamedPeopleAndCountsWhatItLists() {
        String suffix = unique("");
        // Unique family name too: the demo data has other Kelmendis, which the search rightly finds as well.
        String family = unique("Kelmendi");
        PersonDetails p = register("CRPK", "Blerina" + suffix, family, LocalDate.of(1983, 3, 3));
        register("CRPK", "Blerine" + suffix, family, LocalDate.of(1984, 4, 4));
        PersonFilter byName = new PersonFilter("Blerina" + suffix + " " + family, null, null, null, null);
        List<PersonSummary> found = as(Role.PARTNER_LAWYER, "CRPK", () -> people.list(byName, PageRequest.of(0, 10)));
        assertThat(found).extracting(PersonSummary::givenName).containsExactly("Blerina" + suffix, "Blerine" + suffix);
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> people.count(byName))).isEqualTo(2);
        // Paging through the ranked matches: the second page starts where the first ended.
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> people.list(byName, PageRequest.of(1, 1))))
                .extracting(PersonSummary::givenName).containsExactly("Blerine" + suffix);
        // A new spelling after an edit is searchable at once (the name list follows updates).
        String renamed = unique("Zanafa");
        PersonForm changed = PersonForm.builder(renamed, family, Sex.FEMALE, Community.ROMA)
                .birthDate(p.profile().birthDate()).birthPrecision(BirthDatePrecision.EXACT).municipalityCode("PRI").build();
        as(Role.PARTNER_LAWYER, "CRPK", () -> people.update(p.id(), p.version(), changed));
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> people.list(new PersonFilter(renamed + " " + family, null, null, null, null),
                PageRequest.of(0, 10)))).first().extracting(PersonSummary::id).isEqualTo(p.id());
    }

    @Test
    void returnsDocumentsAndNeedsAreRecordedAndRestrictedNeedsNeverReachManagers() {
        PersonDetails p = register("KRCT", "Records", unique("Person"), LocalDate.of(1970, 3, 3));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addReturn(p.id(), LocalDate.of(2018, 5, 1), DisplacementPlace.SERBIA, "PRI", true));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addDocument(p.id(), DocumentType.ID_CARD, true, LocalDate.of(2019, 1, 10)));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addDocument(p.id(), DocumentType.BIRTH_CERTIFICATE, false, null));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addNeed(p.id(), SpecificNeed.TORTURE_SURVIVOR, LocalDate.of(2020, 2, 2), "confidential"));
        as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addNeed(p.id(), SpecificNeed.DISABILITY, LocalDate.of(2020, 2, 2), null));
        as(Role.PARTNER_LAWYER, "KRCT", () -> { personFiles.setBirthRegistered(p.id(), BirthRegistration.NO); return null; });

        PersonFile own = as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.file(p.id()));
        assertThat(own.returns()).singleElement().satisfies(r -> assertThat(r.assisted()).isTrue());
        assertThat(own.documents()).extracting(PersonRecords.CivilDocument::held).containsExactly(true, false);
        assertThat(own.needs()).extracting(PersonRecords.Need::need).containsExactlyInAnyOrder(SpecificNeed.TORTURE_SURVIVOR, SpecificNeed.DISABILITY);
        assertThat(own.birthRegistered()).isEqualTo(BirthRegistration.NO);

        PersonFile managers = as(Role.UNHCR_MANAGER, "UNHCR", () -> personFiles.file(p.id()));
        assertThat(managers.needs()).extracting(PersonRecords.Need::need).containsExactly(SpecificNeed.DISABILITY);
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> people.history(p.id())))
                .noneMatch(h -> h.details() != null && h.details().contains("TORTURE"));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> personFiles.file(p.id()))).isInstanceOf(PersonNotFoundException.class);

        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "KRCT", () -> personFiles.addReturn(p.id(), LocalDate.now().plusDays(1), null, null, false)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("returnDate", "returnedFrom", "returnMunicipality"));
    }

    @Test
    void householdsGroupPeopleWithTheirRelationshipAndAPersonIsInOneOnly() {
        PersonDetails head = register("AT", "Head", unique("Family"), LocalDate.of(1960, 1, 1));
        PersonDetails child = register("AT", "Child", unique("Family"), LocalDate.of(2010, 1, 1));
        PersonDetails other = register("CRPK", "Other", unique("Family"), LocalDate.of(1990, 1, 1));
        List<HouseholdMember> members = as(Role.PARTNER_LAWYER, "AT", () -> households.addToHousehold(head.id(), child.registrationNo(), Relationship.CHILD));
        assertThat(members).extracting(HouseholdMember::relationship).containsExactly(Relationship.HEAD, Relationship.CHILD);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> households.household(child.id()))).hasSize(2);
        // Another partner's person cannot be added (not visible), nor someone already in a household.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> households.addToHousehold(head.id(), other.registrationNo(), Relationship.SPOUSE)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("memberRegistrationNo"));
        PersonDetails second = register("AT", "Second", unique("Family"), LocalDate.of(1965, 1, 1));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> households.addToHousehold(second.id(), child.registrationNo(), Relationship.CHILD)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("memberRegistrationNo", "household.validation.elsewhere"));
    }

    @Test
    void askingForAnotherPartnersPersonsConsentIsLikeAMissingPersonAndIsLogged() {
        PersonDetails p = register("CRPK", "Consent", unique("Scoped"), LocalDate.of(1980, 2, 2));
        as(Role.PARTNER_LAWYER, "CRPK", () -> consents.recordConsent(p.id(), ConsentScope.REFERRAL, LocalDate.of(2020, 1, 1), null));
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> consents.activeConsent(p.id(), ConsentScope.REFERRAL))).isPresent();
        // Another partner learns neither that the person exists nor that they consented.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> consents.activeConsent(p.id(), ConsentScope.REFERRAL)))
                .isInstanceOf(PersonNotFoundException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> consents.activeConsent(p.id(), ConsentScope.TRANSFER)))
                .isInstanceOf(PersonNotFoundException.class);

        List<Boolean> log = jdbc.sql("select granted from record_access where entity_type = 'person' and entity_id = :id order by id")
                .param("id", p.id()).query(Boolean.class).list();
        assertThat(log).containsExactly(false, false);
    }
}
