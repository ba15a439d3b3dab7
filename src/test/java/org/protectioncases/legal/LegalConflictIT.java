package org.protectioncases.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.protectioncases.support.TestRecords.person;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.legal.ConflictDto.FoundBy;
import org.protectioncases.legal.ConflictDto.MatchedAs;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonAnonymisationService;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonMergeService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parties and the conflict check: Latin, Cyrillic and diacritic spellings, closed and merged
 * records, clearing by a coordinator, what an open conflict holds back, and other partners' records
 * never searched.
 */
@SpringBootTest
class LegalConflictIT extends ActingUsers {

    @Autowired
    CasePartyService parties;
    @Autowired
    ConflictService conflicts;
    @Autowired
    CaseEventService events;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    PersonService people;
    @Autowired
    PersonMergeService merges;
    @Autowired
    AuditService audit;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    /** The app's own: inside the app's transactions it runs under the user's row-level scope. */
    @Autowired
    JdbcClient appJdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TimeEntryService timeEntries;
    @Autowired
    PersonAnonymisationService anonymisation;
    @Autowired
    TestRecords records;

    private PersonDetails register(String account, String given, String family, int birthYear) {
        return records.register(account, person(given, family, Sex.FEMALE, LocalDate.of(birthYear, 5, 1), Community.SERB, "PRI"));
    }

    private CaseDetails openCase(String account, long personId) {
        return records.open(account, new NewCase(personId, CaseType.RETURN_REINTEGRATION, CasePriority.NORMAL, "Property claim",
                null, null, LocalDate.now().minusDays(10)));
    }

    private CaseDetails caseFor(String account, String given, String family) {
        return openCase(account, register(account, given, family, 1971).id());
    }

    private PartyAdded addParty(String account, long caseId, PartyRole role, String name) {
        return as(account, () -> parties.add(caseId, new PartyForm(role, name, null)));
    }

    @Test
    void anOpposingPartyWhoIsOurClientIsFoundInEverySpellingAndHoldsBackWorkUntilCleared() {
        CaseDetails client = caseFor("lawyer.crpk", "Radomir", "Zvezdanović");
        CaseDetails property = caseFor("lawyer.crpk", "Leposava", "Test-Povratnica");

        PartyAdded cyrillic = addParty("lawyer.crpk", property.id(), PartyRole.OPPOSING_PARTY, "Радомир Звездановић");
        assertThat(cyrillic.party().name()).isEqualTo("Радомир Звездановић");
        assertThat(cyrillic.conflicts()).anySatisfy(k -> {
            assertThat(k.matchedCaseId()).isEqualTo(client.id());
            assertThat(k.matchedCaseNo()).isEqualTo(client.summary().caseNo());
            assertThat(k.matchedName()).isEqualTo("Radomir Zvezdanović");
            assertThat(k.matchedAs()).isEqualTo(MatchedAs.CLIENT);
            assertThat(k.foundBy()).isEqualTo(FoundBy.PARTY_ADDED);
            assertThat(k.open()).isTrue();
        });
        PartyAdded plain = addParty("lawyer.crpk", property.id(), PartyRole.OPPOSING_PARTY, "ZVEZDANOVIC Radomir");
        assertThat(plain.conflicts()).extracting(ConflictDto::matchedCaseId).contains(client.id());
        // A witness of the same name is no conflict; nor is a name that merely shares a first name.
        assertThat(addParty("lawyer.crpk", property.id(), PartyRole.WITNESS, "Radomir Zvezdanović").conflicts()).isEmpty();
        assertThat(addParty("lawyer.crpk", property.id(), PartyRole.OPPOSING_PARTY, "Radomir Xhemajli-Tahiri").conflicts())
                .extracting(ConflictDto::matchedCaseId).doesNotContain(client.id());
        assertThat(as("lawyer.crpk", () -> parties.forCase(property.id()))).hasSize(4);

        // Held back: hearings and the case workflow.
        assertThatThrownBy(() -> as("lawyer.crpk", () -> events.addHearing(property.id(),
                new EventForms.Hearing(LocalDate.now().plusDays(9), LocalTime.of(9, 30), "Basic Court Prishtina", "12", null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("date", "legal.conflict.blocked"));
        assertThatThrownBy(() -> as("lawyer.crpk", () -> workflow.changeStatus(property.id(), property.version(), CaseStatus.IN_PROGRESS,
                null, null)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("reason", "legal.conflict.blocked"));

        // Only a coordinator clears, and only with a reason.
        List<ConflictDto> open = as("lawyer.crpk", () -> conflicts.forCase(property.id()));
        assertThat(open).hasSizeGreaterThanOrEqualTo(2).allMatch(ConflictDto::open);
        ConflictDto first = open.getFirst();
        assertThatThrownBy(() -> as("lawyer.crpk", () -> conflicts.clear(first.id(), first.version(), "mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("coordinator.crpk", () -> conflicts.clear(first.id(), first.version(), "  ")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("reason", "legal.conflict.reasonRequired"));
        assertThatThrownBy(() -> as("coordinator.crpk", () -> conflicts.clear(first.id(), first.version(), "x".repeat(501))))
                .isInstanceOf(FieldValidationException.class);
        for (ConflictDto k : open) {
            ConflictDto cleared = as("coordinator.crpk", () -> conflicts.clear(k.id(), k.version(),
                    "Different person: the client was born in Gjakova, the occupant is his namesake from Peja"));
            assertThat(cleared.open()).isFalse();
            assertThat(cleared.clearedBy()).isEqualTo("coordinator.crpk");
        }
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> conflicts.openForPartner(0, 200)))
                .extracting(ConflictDto::caseId).doesNotContain(property.id());
        assertThat(as("coordinator.crpk", () -> audit.history("case", property.id())))
                .anySatisfy(h -> assertThat(h.action()).isEqualTo("CONFLICT_CLEARED"))
                .anySatisfy(h -> assertThat(h.action()).isEqualTo("CONFLICT_FOUND"));

        // Work goes on.
        CaseEventDto hearing = as("lawyer.crpk", () -> events.addHearing(property.id(),
                new EventForms.Hearing(LocalDate.now().plusDays(9), LocalTime.of(9, 30), "Basic Court Prishtina", "12", null)));
        assertThat(hearing.place()).isEqualTo("Basic Court Prishtina");
    }

    @Test
    void aNewClientWhoIsAnOpposingPartyInAnotherOfOurCasesIsFoundWhenTheCaseIsOpened() {
        CaseDetails earlier = caseFor("lawyer.crpk", "Milutin", "Test-Klijent");
        addParty("lawyer.crpk", earlier.id(), PartyRole.OPPOSING_PARTY, "Dragica Vukosavljevic");
        CaseDetails opened = caseFor("coordinator.crpk", "Драгица", "Вукосављевић");
        List<ConflictDto> found = as("coordinator.crpk", () -> conflicts.forCase(opened.id()));
        assertThat(found).anySatisfy(k -> {
            assertThat(k.matchedCaseId()).isEqualTo(earlier.id());
            assertThat(k.matchedAs()).isEqualTo(MatchedAs.OPPOSING_PARTY);
            assertThat(k.matchedName()).isEqualTo("Dragica Vukosavljevic");
            assertThat(k.foundBy()).isEqualTo(FoundBy.CASE_OPENED);
            assertThat(k.checkedName()).isEqualTo("Драгица Вукосављевић");
        });
        assertThat(as("lawyer.crpk", () -> conflicts.blocksWork(opened.id()))).isTrue();
    }

    @Test
    void closedCasesAndMergedDuplicatesCountAsOurClients() {
        // A past client: the case is closed.
        CaseDetails past = caseFor("lawyer.crpk", "Arbëresha", "Çekaj");
        as("lawyer.crpk", () -> workflow.changeStatus(past.id(), past.version(), CaseStatus.CLOSED, "Returned",
                CaseType.RETURN_REINTEGRATION.outcomes().getFirst()));
        CaseDetails other = caseFor("lawyer.crpk", "Teuta", "Test-Klientja");
        assertThat(addParty("lawyer.crpk", other.id(), PartyRole.OPPOSING_PARTY, "Arberesha Cekaj").conflicts())
                .extracting(ConflictDto::matchedCaseId).contains(past.id());

        // A duplicate merged into the record kept: its case moved to the kept record, and its spelling still finds it.
        PersonDetails kept = register("lawyer.crpk", "Valdete", "Rrahmani", 1966);
        PersonDetails duplicate = register("lawyer.crpk", "Valdete", "Rrahmani-Krasniqi", 1966);
        CaseDetails duplicatesCase = openCase("lawyer.crpk", duplicate.id());
        as(Role.UNHCR_MANAGER, "UNHCR", () -> merges.merge(kept.id(), duplicate.registrationNo()));
        CaseDetails third = caseFor("lawyer.crpk", "Shqipe", "Test-Klientja");
        List<ConflictDto> found = addParty("lawyer.crpk", third.id(), PartyRole.OPPOSING_PARTY, "Valdete Rrahmani Krasniqi").conflicts();
        assertThat(found).filteredOn(k -> k.matchedCaseId() == duplicatesCase.id()).singleElement()
                .satisfies(k -> assertThat(k.matchedName()).isEqualTo("Valdete Rrahmani"));
    }

    @Test
    void otherPartnersRecordsAreNeverSearchedNorShown() {
        CaseDetails atCase = caseFor("lawyer.at", "Stojanka", "Radivojević");
        addParty("lawyer.at", atCase.id(), PartyRole.OPPOSING_PARTY, "Gordana Test-Suprotna");
        CaseDetails crpkCase = caseFor("lawyer.crpk", "Mirjeta", "Test-Klientja");
        // AT's client as CRPK's opposing party: not a conflict CRPK can see, and nothing about AT comes back.
        assertThat(addParty("lawyer.crpk", crpkCase.id(), PartyRole.OPPOSING_PARTY, "Стојанка Радивојевић").conflicts()).isEmpty();
        // AT's opposing party as CRPK's new client: not found either.
        CaseDetails crpkNew = caseFor("lawyer.crpk", "Gordana", "Test-Suprotna");
        assertThat(as("lawyer.crpk", () -> conflicts.forCase(crpkNew.id()))).isEmpty();
        // AT's parties and case stay out of reach.
        assertThatThrownBy(() -> as("lawyer.crpk", () -> parties.forCase(atCase.id()))).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> as("lawyer.crpk", () -> conflicts.forCase(atCase.id()))).isInstanceOf(CaseNotFoundException.class);
        // And the AT side sees none of CRPK's conflicts, even by row-level security alone.
        long crpk = partner("CRPK");
        long crpkConflicts = as(Role.PARTNER_COORDINATOR, "AT", () -> new TransactionTemplate(transactions).execute(t ->
                appJdbc.sql("select count(*) from case_conflict where partner_id = :p").param("p", crpk).query(Long.class).single()));
        long crpkConflictsAsCrpk = as(Role.PARTNER_COORDINATOR, "CRPK", () -> new TransactionTemplate(transactions).execute(t ->
                appJdbc.sql("select count(*) from case_conflict where partner_id = :p").param("p", crpk).query(Long.class).single()));
        assertThat(crpkConflictsAsCrpk).as("the same query as CRPK finds its own").isPositive();
        assertThat(crpkConflicts).isZero();
    }

    @Test
    void partyInputIsBoundedAndRefusedWithoutSavingAnything() {
        CaseDetails c = caseFor("lawyer.crpk", "Besarta", "Test-Klientja");
        assertThatThrownBy(() -> addParty("lawyer.crpk", c.id(), PartyRole.OPPOSING_PARTY, "x".repeat(201)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("name"));
        assertThatThrownBy(() -> as("lawyer.crpk", () -> parties.add(c.id(), new PartyForm(null, " ", null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("role", "validation.required").containsEntry("name", "validation.required"));
        assertThat(as("lawyer.crpk", () -> parties.forCase(c.id()))).isEmpty();
        // A lawyer of another partner cannot add parties to the case.
        assertThatThrownBy(() -> addParty("lawyer.at", c.id(), PartyRole.WITNESS, "Someone"))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void anonymisingAClientClearsTheNamesOfItsCasesPartiesHearingsNotesAndConflictsAndTheyNoLongerMatch() {
        PersonDetails vesna = register("lawyer.crpk", "Vesna", "Test-Brisanje", 1979);
        CaseDetails client = openCase("lawyer.crpk", vesna.id());
        CaseDetails other = caseFor("lawyer.crpk", "Milica", "Test-Suprotna");
        // Another case's opposing party is our client: a conflict recorded there, naming her.
        assertThat(addParty("lawyer.crpk", other.id(), PartyRole.OPPOSING_PARTY, "Vesna Test-Brisanje").conflicts())
                .extracting(ConflictDto::matchedCaseId).contains(client.id());
        addParty("lawyer.crpk", client.id(), PartyRole.OPPOSING_PARTY, "Dragutin Test-Protivnik");
        addParty("lawyer.crpk", client.id(), PartyRole.AUTHORITY, "Basic Court Prishtina");
        as("lawyer.crpk", () -> events.addHearing(client.id(), new EventForms.Hearing(LocalDate.now().plusDays(9), LocalTime.of(9, 30),
                "Basic Court Prishtina", "12", "Eviction: Dragutin Test-Protivnik")));
        as("lawyer.crpk", () -> timeEntries.add(client.id(), new TimeEntryDto.Form(LocalDate.now(), 30, WorkKind.PHONE,
                "Called Dragutin Test-Protivnik")));
        // A new client of that name is found against the opposing parties (through the name dictionary).
        PersonDetails dragutin = register("lawyer.crpk", "Dragutin", "Test-Protivnik", 1960);
        assertThat(as("lawyer.crpk", () -> conflicts.opposingPartiesLike(dragutin.id())))
                .extracting(ConflictCandidate::matchedCaseId).contains(client.id());
        assertThat(jdbc.sql("select count(*) from party_name where search_name = pc_fold('Dragutin Test-Protivnik')")
                .query(Long.class).single()).isEqualTo(1);

        as(Role.UNHCR_MANAGER, null, () -> anonymisation.anonymise(List.of(vesna.id()),
                new AuditMessage("history.person.anonymisedErasure", List.of("1"), "erasure request 1")));

        assertThat(jdbc.sql("select party_role || ':' || name from case_party where case_id = :c order by id").param("c", client.id())
                .query(String.class).list())
                .containsExactly("OPPOSING_PARTY:" + PersonAnonymisationService.ANONYMISED_NAME, "AUTHORITY:Basic Court Prishtina");
        assertThat(jdbc.sql("select title || '|' || coalesce(place, '') from case_event where case_id = :c").param("c", client.id())
                .query(String.class).list()).containsExactly(LegalAnonymisationListener.REMOVED + "|");
        assertThat(jdbc.sql("select count(*) from case_time_entry where case_id = :c and note is not null").param("c", client.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select matched_name from case_conflict where matched_case_id = :c").param("c", client.id())
                .query(String.class).list()).isNotEmpty().containsOnly(PersonAnonymisationService.ANONYMISED_NAME);
        // The name has left the dictionary, and the anonymised party no longer matches anyone.
        assertThat(jdbc.sql("select count(*) from party_name where search_name = pc_fold('Dragutin Test-Protivnik')")
                .query(Long.class).single()).isZero();
        assertThat(as("lawyer.crpk", () -> conflicts.opposingPartiesLike(dragutin.id())))
                .extracting(ConflictCandidate::matchedCaseId).doesNotContain(client.id());
    }
}
