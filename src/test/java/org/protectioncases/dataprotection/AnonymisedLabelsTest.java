package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.cases.ui.CaseView;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue #16: an anonymised person is stored under one English name; the pages that list people by
 * name (here the case page of an erased person's case, in Albanian) show it in the reader's language.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class AnonymisedLabelsTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    ErasureService erasure;
    @Autowired
    SystemAccess system;
    @Autowired
    TestRecords records;

    @Test
    @WithUserDetails("coordinator.krct")
    void theCasePageNamesAnErasedPersonInTheReadersLanguage() {
        PersonDetails person = records.register("coordinator.krct", person("Fatos", "Fshehtësia", Sex.MALE,
                LocalDate.of(1970, 1, 1), Community.ROMA, "PRI"));
        CaseDetails c = records.open("coordinator.krct", new NewCase(person.id(), CaseType.CIVIL_DOCUMENTATION,
                CasePriority.NORMAL, "Certifikatë lindjeje", null, null, null));
        ErasureRequest request = system.runAsAccount("coordinator.krct", () -> erasure.request(person.registrationNo(), "Kërkesë me shkrim"));
        system.runAsAccount("manager", () -> erasure.confirm(request.id()));

        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        navigate("cases/" + c.id(), CaseView.class);
        Anchor link = find(Anchor.class).all().stream().filter(a -> ("people/" + person.id()).equals(a.getHref())).findFirst().orElseThrow();
        assertThat(link.getText()).startsWith("ANON-").endsWith("Person i anonimizuar").doesNotContain(PersonLabels.ANONYMISED);

        // Without a UI (a job, a download) the stored name stays; other labels are left as they are.
        assertThat(PersonLabels.shown("KOS-2026-000001 Besa Morina")).isEqualTo("KOS-2026-000001 Besa Morina");
        assertThat(PersonLabels.shown(null)).isEmpty();
    }
}
