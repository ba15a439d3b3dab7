package org.protectioncases.counselling.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.ui.CaseView;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionTopic;
import org.protectioncases.people.Community;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** Bad input in the session form: messages next to the fields, nothing saved, the typed values kept. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class SessionDialogTest extends SpringBrowserlessTest {

    @Autowired
    CaseService cases;
    @Autowired
    CounsellingService sessions;
    @Autowired
    SystemAccess system;
    @Autowired
    TestRecords records;

    @Test
    @WithUserDetails("lawyer.krct")
    void badInputIsShownNextToTheFieldsAndNothingIsSaved() {
        CaseDetails c = records.openCase("lawyer.krct", person("Dialog", "Tester", Sex.MALE, LocalDate.of(1980, 2, 2),
                Community.ROMA, null), CaseType.ASYLUM);
        navigate("cases/" + c.id(), CaseView.class);
        test(find(Button.class).id("log-session")).click();
        SessionDialog dialog = find(SessionDialog.class).single();
        // A new session of an asylum case starts with the asylum topic; the counsellor removes it here.
        assertThat(dialog.topics.getValue()).containsExactly(SessionTopic.ASYLUM);
        dialog.topics.setValue(Set.of());

        dialog.summary.setValue("Long conversation about the asylum interview");
        dialog.duration.setValue(700);
        dialog.followUpOn.setValue(LocalDate.now().minusDays(3));
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.topics.isInvalid()).isTrue();
        assertThat(dialog.topics.getErrorMessage()).isEqualTo(dialog.getTranslation("session.validation.topics"));
        assertThat(dialog.duration.getErrorMessage()).isEqualTo(dialog.getTranslation("session.validation.duration"));
        assertThat(dialog.followUpOn.getErrorMessage()).isEqualTo(dialog.getTranslation("session.validation.followUpAfter"));
        assertThat(dialog.summary.getValue()).isEqualTo("Long conversation about the asylum interview");
        assertThat(system.runAsAccount("lawyer.krct", () -> sessions.forCase(c.id()))).isEmpty();

        // Corrected, it saves and the timeline shows it.
        dialog.topics.setValue(Set.of(SessionTopic.ASYLUM));
        dialog.duration.setValue(45);
        dialog.followUpOn.setValue(LocalDate.now().plusDays(7));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(system.runAsAccount("lawyer.krct", () -> sessions.forCase(c.id()))).singleElement()
                .satisfies(s -> assertThat(s.form().durationMinutes()).isEqualTo(45));
    }
}
