package org.protectioncases.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.legal.DocumentAssemblyService;
import org.protectioncases.legal.DocumentFormat;
import org.protectioncases.legal.DocumentKind;
import org.protectioncases.legal.DocumentRequest;
import org.protectioncases.legal.TimeEntryDto;
import org.protectioncases.legal.TimeEntryService;
import org.protectioncases.legal.WorkKind;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Issue #13: the legal entries of a case's history (time recorded, documents generated) in the reader's language. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.audit.ui")
class LegalHistoryMessagesTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    CaseService cases;
    @Autowired
    TimeEntryService time;
    @Autowired
    DocumentAssemblyService documents;
    @Autowired
    SystemAccess system;
    @Autowired
    TestRecords records;

    private static String shown(List<AuditEventDto> history, String action) {
        return AuditGrids.details(UI.getCurrent(), history.stream().filter(h -> h.action().equals(action)).findFirst().orElseThrow());
    }

    @Test
    void timeAndDocumentsReadInTheReadersLanguage() {
        PersonDetails person = records.register("lawyer.crpk", person("Besa", "Historia-Ligjore", Sex.FEMALE,
                LocalDate.of(1975, 2, 3), Community.ASHKALI, "PRI"));
        CaseDetails c = records.open("lawyer.crpk", new NewCase(person.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL,
                "Certifikatë lindjeje", null, null, LocalDate.now().minusDays(5)));
        LocalDate yesterday = LocalDate.now().minusDays(1);
        system.runAsAccount("lawyer.crpk", () -> time.add(c.id(), new TimeEntryDto.Form(yesterday, 45, WorkKind.DRAFTING, null)));
        system.runAsAccount("lawyer.crpk", () -> documents.generate(c.id(),
                new DocumentRequest(DocumentKind.POWER_OF_ATTORNEY, Language.SQ, DocumentFormat.DOCX, false), Map.of()));
        List<AuditEventDto> history = system.runAsAccount("lawyer.crpk", () -> cases.history(c.id()));
        assertThat(history.stream().filter(h -> h.action().equals("TIME_ENTRY_ADDED")).findFirst().orElseThrow().details())
                .isEqualTo("45 min DRAFTING on " + yesterday);

        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        assertThat(shown(history, "TIME_ENTRY_ADDED")).isEqualTo("U regjistrua koha: 45 min, Hartim, " + Formats.date(yesterday));
        assertThat(shown(history, "DOCUMENT_GENERATED")).startsWith("U krijua dokumenti: ").contains("Shqip, DOCX; mbetën bosh: ")
                .contains("person.personalNumber").doesNotContain("POWER_OF_ATTORNEY");
        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        assertThat(shown(history, "TIME_ENTRY_ADDED")).startsWith("Evidentirano vreme: 45 min, ").doesNotContain("DRAFTING");
    }
}
