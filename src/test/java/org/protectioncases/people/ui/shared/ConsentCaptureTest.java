package org.protectioncases.people.ui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.cases.ui.CaseView;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentGiver;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A transfer asked for without the person's consent to transfer: the consent dialog opens over the
 * transfer dialog, "not now" keeps what was typed, recording the consent sends the transfer with it.
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class ConsentCaptureTest extends SpringBrowserlessTest {

    @Autowired
    CaseService cases;
    @Autowired
    PersonService people;
    @Autowired
    ConsentService consents;
    @Autowired
    PartnerService partners;
    @Autowired
    TestRecords records;

    private static String t(String key) {
        return UI.getCurrent().getTranslation(key);
    }

    private Button button(String key) {
        return find(Button.class).all().stream().filter(b -> t(key).equals(b.getText()) && b.isVisible()).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    @SuppressWarnings("unchecked")
    void aTransferWithoutConsentRecordsItInPlaceAndIsSentWithWhatWasTyped() {
        CaseDetails c = records.openCase("lawyer.crpk", PersonForm.of("Valbona", "Transferi", Sex.FEMALE, LocalDate.of(1972, 1, 1),
                BirthDatePrecision.YEAR, Community.ALBANIAN, null),
                id -> new NewCase(id, CaseType.GENERAL_PROTECTION, CasePriority.HIGH, null, null, null, null));
        PartnerDto krct = partners.directory().stream().filter(x -> x.code().equals("KRCT")).findFirst().orElseThrow();

        navigate("cases/" + c.id(), CaseView.class);
        // Transfer is a rare action: it sits in the case page's "More actions" menu.
        new com.vaadin.flow.component.menubar.MenuBarTester<>(find(com.vaadin.flow.component.menubar.MenuBar.class).single())
                .clickItem(t("case.action.more"), t("transfer.request"));
        Dialog transfer = find(Dialog.class).single();
        Select<PartnerDto> to = (Select<PartnerDto>) find(Select.class).from(transfer).single();
        to.setValue(krct);
        TextArea reason = find(TextArea.class).from(transfer).single();
        reason.setValue("Survivor of torture: KRCT rehabilitation");

        test(button("transfer.send")).click();
        ConsentCapture capture = find(ConsentCapture.class).single();
        assertThat(capture.fields.chosen()).containsExactly(ConsentScope.TRANSFER);
        // "Not now": nothing is sent, nothing typed is lost.
        test(button("consent.capture.notNow")).click();
        assertThat(find(ConsentCapture.class).all()).isEmpty();
        assertThat(reason.getValue()).isEqualTo("Survivor of torture: KRCT rehabilitation");
        assertThat(cases.get(c.id()).orElseThrow().transfers()).isEmpty();

        test(button("transfer.send")).click();
        capture = find(ConsentCapture.class).single();
        capture.fields.givenBy.setValue(ConsentGiver.LEGAL_REPRESENTATIVE);
        test(capture.record).click();

        assertThat(cases.get(c.id()).orElseThrow().transfers()).singleElement().satisfies(x -> {
            assertThat(x.toPartner()).isEqualTo(krct.id());
            assertThat(x.pending()).isTrue();
        });
        assertThat(consents.consents(c.summary().personId())).singleElement().satisfies(x -> {
            assertThat(x.scope()).isEqualTo(ConsentScope.TRANSFER);
            assertThat(x.givenBy()).isEqualTo(ConsentGiver.LEGAL_REPRESENTATIVE);
        });
    }
}
