package org.protectioncases.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseTypeDetails;
import org.protectioncases.people.Community;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The asylum fields on the case page: bound to the typed record, saved, and a future date refused next to its field. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class TypeDetailsSectionTest extends SpringBrowserlessTest {

    @Autowired
    CaseService cases;
    @Autowired
    SystemAccess system;
    @Autowired
    TestRecords records;

    @Test
    @WithUserDetails("lawyer.crpk")
    void theAsylumFieldsAreSavedAsTheirRecordAndAFutureDateIsRefusedAtTheField() {
        CaseDetails c = records.openCase("lawyer.crpk", person("Typed", "Details", Sex.MALE, LocalDate.of(1990, 3, 3),
                Community.OTHER, null), CaseType.ASYLUM);
        CaseView view = navigate("cases/" + c.id(), CaseView.class);

        @SuppressWarnings("unchecked")
        Select<CaseTypeDetails.ProcedureStage> stage = find(Select.class).all().stream()
                .filter(s -> view.getTranslation("caseField.procedureStage").equals(s.getLabel())).findFirst().orElseThrow();
        DatePicker decisionDate = find(DatePicker.class).all().stream()
                .filter(d -> view.getTranslation("caseField.decisionDate").equals(d.getLabel())).findFirst().orElseThrow();
        Checkbox appeal = find(Checkbox.class).all().stream()
                .filter(b -> view.getTranslation("caseField.appealLodged").equals(b.getLabel())).findFirst().orElseThrow();
        Button save = find(Button.class).all().stream()
                .filter(b -> b.getText().equals(view.getTranslation("case.saveTypeFields"))).findFirst().orElseThrow();
        stage.setValue(CaseTypeDetails.ProcedureStage.APPEAL);
        decisionDate.setValue(LocalDate.now().plusDays(3));
        test(save).click();
        assertThat(decisionDate.isInvalid()).isTrue();
        assertThat(decisionDate.getErrorMessage()).isEqualTo(view.getTranslation("validation.notInFuture"));

        decisionDate.setValue(LocalDate.of(2026, 3, 1));
        appeal.setValue(true);
        test(save).click();
        assertThat(system.runAsAccount("lawyer.crpk", () -> cases.get(c.id())).orElseThrow().typeDetails())
                .isEqualTo(new CaseTypeDetails.Asylum(null, CaseTypeDetails.ProcedureStage.APPEAL, null, LocalDate.of(2026, 3, 1), true));
    }
}
