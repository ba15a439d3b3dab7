package org.protectioncases.dataprotection.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The data-protection page: managers see and edit the schedule and place holds; coordinators ask
 * for erasure and produce a subject-access record, with a wrong number answered next to the field
 * (here in Albanian, the demo coordinator's language).
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class DataProtectionViewTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    TestRecords records;

    private Button button(DataProtectionView view, String key) {
        return find(Button.class).all().stream().filter(b -> b.getText().equals(view.getTranslation(key))).findFirst().orElseThrow();
    }

    @Test
    @WithUserDetails("manager")
    void theManagerSeesTheScheduleTheDryRunAndHolds() {
        DataProtectionView view = navigate("data-protection", DataProtectionView.class);
        assertThat(test(view.rules).size()).isEqualTo(5);
        test(view.dryRun).click();
        assertThat(view.counts.isVisible()).isTrue();
        assertThat(view.runNow.isVisible()).isTrue();
        test(view.holdNo).setValue("KOS-1900-999999");
        test(view.holdReason).setValue("Court");
        test(button(view, "dataprotection.placeHold")).click();
        assertThat(view.holdNo.isInvalid()).isTrue();
        assertThat(view.holdNo.getErrorMessage()).isEqualTo(view.getTranslation("dataprotection.validation.person"));
    }

    @Test
    @WithUserDetails("coordinator.crpk")
    void theCoordinatorAsksForErasureAndProducesASubjectAccessRecord() {
        PersonDetails p = records.register("lawyer.crpk", person("Pamje", "Faqja", Sex.MALE, LocalDate.of(1970, 1, 2),
                Community.GORANI, "DRA"));
        DataProtectionView view = navigate("data-protection", DataProtectionView.class);
        assertThat(view.runNow.isVisible()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.H3.class).all().stream().map(h -> h.getText()))
                .contains(view.getTranslation("subjectaccess.nav")).doesNotContain(view.getTranslation("dataprotection.holds"));

        test(view.erasureNo).setValue(p.registrationNo());
        test(button(view, "dataprotection.requestErasure")).click();
        assertThat(view.erasureReason.isInvalid()).isTrue();
        assertThat(view.erasureReason.getErrorMessage()).isEqualTo(view.getTranslation("dataprotection.validation.reason"));
        test(view.erasureReason).setValue("Kërkoi me shkrim");
        test(button(view, "dataprotection.requestErasure")).click();
        assertThat(view.erasureReason.isInvalid()).isFalse();
        assertThat(test(view.requests).size()).isGreaterThanOrEqualTo(1);

        test(view.accessNo).setValue("KOS-1900-999999");
        test(view.prepare).click();
        assertThat(view.accessNo.isInvalid()).isTrue();
        assertThat(view.downloads.isVisible()).isFalse();
        test(view.accessNo).setValue(p.registrationNo());
        test(view.prepare).click();
        assertThat(view.accessNo.isInvalid()).isFalse();
        assertThat(view.downloads.isVisible()).isTrue();
        assertThat(find(Anchor.class).from(view.downloads).all()).hasSize(2);
    }
}
