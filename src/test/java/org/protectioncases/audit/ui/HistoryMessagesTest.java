package org.protectioncases.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.CitizenshipStatus;
import org.protectioncases.people.Community;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue #13: a case's and a person's history are stored as data (message key and arguments) and read
 * in the reader's language: no code values (CIVIL_DOCUMENTATION, DOCUMENT_OBTAINED, IDP) and no
 * usernames on the page. The English text stays the entry's details (log, exports).
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.audit.ui")
class HistoryMessagesTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    CaseWorkflowService workflow;
    @Autowired
    CaseService cases;
    @Autowired
    SystemAccess system;
    @Autowired
    org.protectioncases.legal.CaseEventService legalEvents;
    @Autowired
    org.protectioncases.legal.CasePartyService parties;
    @Autowired
    TestRecords records;

    private static String shown(List<AuditEventDto> history, String action, int index) {
        List<AuditEventDto> entries = history.stream().filter(h -> h.action().equals(action)).toList();
        return AuditGrids.details(UI.getCurrent(), entries.get(index));
    }

    @Test
    void caseAndPersonHistoryReadInTheReadersLanguageWithNamesNotCodes() {
        PersonDetails person = records.register("lawyer.crpk", person("Flutura", "Historiku", Sex.FEMALE,
                LocalDate.of(1980, 6, 1), Community.ALBANIAN, "PRI"));
        system.runAsAccount("lawyer.crpk", () -> personFiles.addGroup(person.id(), PopulationGroup.IDP, LocalDate.of(1999, 6, 12), null,
                DisplacementPlace.WITHIN_KOSOVO));
        CaseDetails opened = records.open("lawyer.crpk", new NewCase(person.id(), CaseType.CIVIL_DOCUMENTATION,
                CasePriority.NORMAL, "Letërnjoftim", null, null, null));
        CaseDetails closed = system.runAsAccount("lawyer.crpk", () -> workflow.changeStatus(opened.id(), opened.version(), CaseStatus.CLOSED,
                null, CaseOutcome.DOCUMENT_OBTAINED));
        system.runAsAccount("lawyer.crpk", () -> workflow.changeStatus(closed.id(), closed.version(), CaseStatus.IN_PROGRESS,
                "Regjistri kërkoi dokumente të tjera", null));
        // Edits: a code value, a typed text that starts like a list of message keys.
        CaseDetails reopened = system.runAsAccount("lawyer.crpk", () -> cases.get(opened.id()).orElseThrow());
        system.runAsAccount("lawyer.crpk", () -> workflow.update(opened.id(), reopened.version(),
                org.protectioncases.cases.CaseUpdate.initial(CasePriority.HIGH, "#2 Letërnjoftim", null)));
        PersonDetails current = system.runAsAccount("lawyer.crpk", () -> people.get(person.id()).orElseThrow());
        system.runAsAccount("lawyer.crpk", () -> people.update(person.id(), current.version(),
                PersonForm.builder("Flutura", "Historiku", Sex.FEMALE, Community.ALBANIAN).fatherName("Ramadan")
                        .birthDate(LocalDate.of(1980, 6, 1)).birthPrecision(BirthDatePrecision.EXACT)
                        .citizenshipStatus(CitizenshipStatus.STATELESS).municipalityCode("PRI").build()));
        // Legal work on the case: a hearing and an opposing party.
        system.runAsAccount("lawyer.crpk", () -> legalEvents.addHearing(opened.id(), new org.protectioncases.legal.EventForms.Hearing(
                LocalDate.now().plusDays(10), null, "Gjykata Themelore Prishtinë", null, "Seanca përgatitore")));
        system.runAsAccount("lawyer.crpk", () -> parties.add(opened.id(), new org.protectioncases.legal.PartyForm(
                org.protectioncases.legal.PartyRole.OPPOSING_PARTY, "Agjencia e Regjistrimit Civil", null)));
        List<AuditEventDto> caseHistory = system.runAsAccount("lawyer.crpk", () -> cases.history(opened.id()));
        List<AuditEventDto> personHistory = system.runAsAccount("lawyer.crpk", () -> people.history(person.id()));

        // Stored as data, with the English text kept as the details.
        AuditEventDto openedEntry = caseHistory.stream().filter(h -> h.action().equals("CASE_OPENED")).findFirst().orElseThrow();
        assertThat(openedEntry.messageKey()).isEqualTo("history.case.opened");
        assertThat(openedEntry.details()).contains("CIVIL_DOCUMENTATION").contains("lawyer.crpk");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        assertThat(shown(caseHistory, "CASE_OPENED", 0)).isEqualTo("Hapur si Dokumentacion civil, caktuar për Vjosa Gashi");
        List<String> statuses = caseHistory.stream().filter(h -> h.action().equals("CASE_STATUS"))
                .map(h -> AuditGrids.details(UI.getCurrent(), h)).toList();
        assertThat(statuses).contains("Hapur → Mbyllur, rezultati: Dokumenti u sigurua",
                "Mbyllur → Në proces, arsyeja: Regjistri kërkoi dokumente të tjera");
        assertThat(shown(personHistory, "PERSON_GROUP_ADDED", 0)).startsWith("Person i zhvendosur brenda vendit (PZHBV) që nga 12.06.1999");

        assertThat(shown(personHistory, "PERSON_UPDATED", 0)).isEqualTo("Emri i babait: – → Ramadan; Shtetësia: E papërcaktuar → Pa shtetësi");
        assertThat(shown(caseHistory, "CASE_UPDATED", 0)).contains("Përparësia: ").contains(" → E lartë")
                .contains("Letërnjoftim → #2 Letërnjoftim").doesNotContain("HIGH").doesNotContain("priority");

        assertThat(shown(caseHistory, "HEARING_ADDED", 0)).isEqualTo("Seancë gjyqësore më "
                + org.protectioncases.shared.i18n.Formats.date(LocalDate.now().plusDays(10)) + ": Seanca përgatitore");
        assertThat(shown(caseHistory, "PARTY_ADDED", 0)).isEqualTo("U shtua Pala kundërshtare: Agjencia e Regjistrimit Civil");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        assertThat(shown(caseHistory, "CASE_OPENED", 0)).startsWith("Otvoren kao ").endsWith(", dodeljen: Vjosa Gashi")
                .doesNotContain("CIVIL_DOCUMENTATION");
        assertThat(statuses).noneMatch(s -> s.contains("DOCUMENT_OBTAINED") || s.contains("CLOSED"));
    }
}
