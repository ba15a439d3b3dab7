package org.protectioncases.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.OthersMet;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.DocumentType;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.people.SpecificNeed;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shelters.ShelterDetails;
import org.protectioncases.shelters.ShelterForm;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue #13, for people, visits and shelters (as {@link HistoryMessagesTest} for cases): a
 * record's history entries are stored as message keys and arguments and read in the reader's
 * language, with code values translated and the English text kept as the details.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.audit.ui")
class RecordHistoryMessagesTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    PersonFileService files;
    @Autowired
    ConsentService consents;
    @Autowired
    VisitService visits;
    @Autowired
    ShelterService shelters;
    @Autowired
    SystemAccess system;
    @Autowired
    TestRecords records;

    private static AuditEventDto entry(List<AuditEventDto> history, String action) {
        return history.stream().filter(h -> h.action().equals(action)).findFirst().orElseThrow();
    }

    private static String shown(List<AuditEventDto> history, String action) {
        return AuditGrids.details(UI.getCurrent(), entry(history, action));
    }

    @Test
    void personVisitAndShelterHistoryReadInTheReadersLanguage() {
        PersonDetails p = records.register("lawyer.crpk", person("Drita", "Historia" + System.nanoTime() % 100000, Sex.FEMALE,
                LocalDate.of(1990, 2, 3), Community.ALBANIAN, "PRI"));
        system.runAsAccount("lawyer.crpk", () -> files.addDocument(p.id(), DocumentType.ID_CARD, true, LocalDate.of(2015, 4, 1)));
        system.runAsAccount("lawyer.crpk", () -> files.addReturn(p.id(), LocalDate.of(2010, 5, 6), DisplacementPlace.SERBIA, "PRI", true));
        system.runAsAccount("lawyer.crpk", () -> files.addNeed(p.id(), SpecificNeed.DISABILITY, LocalDate.of(2020, 1, 2), null));
        system.runAsAccount("lawyer.crpk", () -> consents.recordConsent(p.id(), ConsentScope.REFERRAL, LocalDate.of(2024, 3, 4), "verbal"));
        List<AuditEventDto> person = system.runAsAccount("lawyer.crpk", () -> people.history(p.id()));

        VisitForm first = visit(new OthersMet(1, 0, 0, 0, 0, 0, 0, 0, 0, 0), "Houses without electricity");
        VisitDetails recorded = system.runAsAccount("monitor.krct", () -> visits.record(first));
        system.runAsAccount("monitor.krct", () -> visits.update(recorded.id(), recorded.version(),
                visit(new OthersMet(2, 0, 0, 0, 0, 0, 0, 0, 0, 0), "Electricity back in half the houses")));
        List<AuditEventDto> visit = system.runAsAccount("monitor.krct", () -> visits.history(recorded.id()));

        String shelterName = "Qendra Histori " + System.nanoTime() % 100000;
        ShelterDetails shelter = system.runAsAccount("monitor.krct", () -> shelters.create(new ShelterForm(shelterName, "SHT",
                "Rruga e Dëshmorëve 12", 35, LocalDate.of(2020, 1, 1), "Municipal Office for Communities and Returns")));
        List<AuditEventDto> registry = system.runAsAccount("monitor.krct", () -> shelters.history(shelter.id()));

        // Stored as data; the English details stay for the log and exports.
        assertThat(entry(person, "DOCUMENT_RECORDED").messageKey()).isEqualTo("history.person.documentIssued");
        assertThat(entry(person, "DOCUMENT_RECORDED").details()).isEqualTo("ID_CARD held, issued 2015-04-01");
        assertThat(entry(visit, "VISIT_RECORDED").details()).startsWith("RETURNEE_COMMUNITY in MIS on 2025-11-03 by ");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        assertThat(shown(person, "PERSON_REGISTERED")).isEqualTo("Regjistruar me numrin " + p.registrationNo());
        assertThat(shown(person, "DOCUMENT_RECORDED")).isEqualTo("Letërnjoftim: e ka, lëshuar më 01.04.2015");
        assertThat(shown(person, "RETURN_RECORDED")).isEqualTo("Kthim i asistuar: Serbi → PRI, 06.05.2010");
        assertThat(shown(person, "NEED_RECORDED")).isEqualTo("Nevojë e shënuar: Aftësi e kufizuar");
        assertThat(shown(person, "CONSENT_RECORDED")).isEqualTo("Referim te shërbimet: pëlqimi u dha më 04.03.2024");
        assertThat(shown(visit, "VISIT_RECORDED")).startsWith("Komunitet i të kthyerve në MIS më 03.11.2025, nga ")
                .doesNotContain("monitor.krct");
        assertThat(shown(visit, "VISIT_UPDATED")).contains("Gjetjet: Houses without electricity → Electricity back in half the houses")
                .contains("Femra, 0–4 vjeç: 1 → 2").doesNotContain("female0to4").doesNotContain("findings");
        assertThat(shown(registry, "SHELTER_CREATED")).isEqualTo(shelterName + ", SHT, kapaciteti 35, hapur më 01.01.2020");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        assertThat(shown(person, "DOCUMENT_RECORDED")).isEqualTo("Lična karta: poseduje, izdat 01.04.2015");
        assertThat(shown(person, "RETURN_RECORDED")).isEqualTo("Asistirani povratak: Srbija → PRI, 06.05.2010");
        assertThat(shown(person, "CONSENT_RECORDED")).isEqualTo("Upućivanje službama: saglasnost data 04.03.2024");
        assertThat(shown(visit, "VISIT_RECORDED")).startsWith("Zajednica povratnika – MIS, 03.11.2025; monitori: ");
        assertThat(shown(visit, "VISIT_UPDATED")).contains("Nalazi: ").contains("Žene, 0–4 god.: 1 → 2");
        assertThat(shown(registry, "SHELTER_CREATED")).isEqualTo(shelterName + ", SHT, kapacitet 35, otvoren 01.01.2020");
    }

    private static VisitForm visit(OthersMet othersMet, String findings) {
        return new VisitForm(LocalDate.of(2025, 11, 3), Set.of("monitor.krct"), LocationType.RETURNEE_COMMUNITY, "MIS", null, "Roma Mahalla",
                VisitPurpose.RETURN_MONITORING, othersMet, Set.of(), findings, null, false, null, null, null, null, List.of());
    }
}
