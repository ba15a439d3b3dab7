package org.protectioncases.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.people.Community;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** Two editors on one case: the later save overwrites nothing and the page says who changed it. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class CaseEditConflictTest extends SpringBrowserlessTest {

    @Autowired
    CaseService cases;
    @Autowired
    CaseWorkflowService caseWorkflow;
    @Autowired
    SystemAccess system;
    @Autowired
    TestRecords records;

    @Test
    @WithUserDetails("lawyer.crpk")
    void aStaleSaveIsRefusedWithTheNameOfWhoChangedTheCase() {
        CaseDetails c = records.openCase("lawyer.crpk", person("Stale", "Editor", Sex.FEMALE, LocalDate.of(1999, 9, 9),
                Community.EGYPTIAN, null), CaseType.GENERAL_PROTECTION);
        CaseView view = navigate("cases/" + c.id(), CaseView.class);

        // Meanwhile the coordinator moves the case on.
        system.runAsAccount("coordinator.crpk", () -> caseWorkflow.changeStatus(c.id(), c.version(), CaseStatus.IN_PROGRESS, null, null));

        Button save = find(Button.class).all().stream().filter(b -> b.getText().equals(view.getTranslation("common.save"))).findFirst().orElseThrow();
        test(save).click();

        assertThat(find(Notification.class).all()).anyMatch(n -> test(n).getText().startsWith("Arben Krasniqi "));
        assertThat(cases.get(c.id()).orElseThrow().summary().status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }
}
