package org.protectioncases.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** KRCT's coordinator sees a transfer CRPK asked for on the cases page, accepts it and lands on the case. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class IncomingTransferTest extends SpringBrowserlessTest {

    @Autowired
    CaseService cases;
    @Autowired
    PersonService people;
    @Autowired
    PartnerService partners;
    @Autowired
    SystemAccess system;

    @Test
    @WithUserDetails("coordinator.krct")
    void theReceivingCoordinatorAcceptsFromTheCasesPage() {
        long krct = system.runAsAdmin(() -> partners.findByCode("KRCT").orElseThrow().id());
        CaseDetails c = system.runAsAccount("lawyer.crpk", () -> {
            PersonDetails p = people.register(PersonForm.of("Transfer", "Candidate", Sex.MALE, LocalDate.of(1966, 6, 6),
                    BirthDatePrecision.YEAR, Community.ALBANIAN, null), List.of());
            people.recordConsent(p.id(), ConsentScope.TRANSFER, LocalDate.now(), null);
            CaseDetails opened = cases.open(new NewCase(p.id(), CaseType.GENERAL_PROTECTION, CasePriority.HIGH, null, null, null, null));
            cases.requestTransfer(opened.id(), opened.version(), krct, "Needs rehabilitation support");
            return opened;
        });

        navigate(CasesView.class);
        assertThat(find(Span.class).all()).anyMatch(s -> s.getText().startsWith(c.summary().caseNo()) && s.getText().contains("Needs rehabilitation support"));
        Button accept = find(Button.class).all().stream().filter(b -> b.getText().equals("Accept")).findFirst().orElseThrow();
        test(accept).click();

        assertThat(getCurrentView()).isInstanceOf(CaseView.class);
        assertThat(cases.get(c.id()).orElseThrow().summary().owningPartner()).isEqualTo(krct);
        assertThat(cases.get(c.id()).orElseThrow().summary().assignedTo()).isEqualTo("coordinator.krct");
    }
}
