package org.protectioncases.monitoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.protectioncases.monitoring.LocationType;
import org.protectioncases.monitoring.OthersMet;
import org.protectioncases.monitoring.VisitDetails;
import org.protectioncases.monitoring.VisitForm;
import org.protectioncases.monitoring.VisitPurpose;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.security.SystemAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The visit form: fields follow the location type, errors sit next to fields, a stale save names who changed the visit. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class VisitEditConflictTest extends SpringBrowserlessTest {

    @Autowired
    VisitService visits;
    @Autowired
    SystemAccess system;

    private static VisitForm form(VisitPurpose purpose) {
        return new VisitForm(LocalDate.now().minusDays(1), Set.of("monitor.krct"), LocationType.RETURNEE_COMMUNITY, "KLI", null, "Drsnik", purpose,
                OthersMet.NONE, Set.of(), null, null, false, null, null, null, null, List.of());
    }

    @Test
    @WithUserDetails("monitor.krct")
    void aStaleSaveIsRefusedWithTheNameOfWhoChangedTheVisit() {
        VisitDetails v = system.runAsAccount("monitor.krct", () -> visits.record(form(VisitPurpose.RETURN_MONITORING)));
        VisitFormView view = navigate("visits/" + v.id() + "/edit", VisitFormView.class);
        assertThat(view.form.place.getValue()).isEqualTo("Drsnik");
        assertThat(view.form.borderBox.isVisible()).isFalse();

        // Meanwhile the coordinator changes the purpose.
        system.runAsAccount("coordinator.krct", () -> visits.update(v.id(), v.version(), form(VisitPurpose.COMMUNITY_FORUM)));

        view.form.findings.setValue("Overwrite attempt");
        test(view.save).click();
        assertThat(find(Notification.class).all()).anyMatch(n -> test(n).getText().startsWith("Feride Rushiti "));
        VisitDetails now = system.runAsAccount("monitor.krct", () -> visits.get(v.id())).orElseThrow();
        assertThat(now.form().purpose()).isEqualTo(VisitPurpose.COMMUNITY_FORUM);
        assertThat(now.form().findings()).isNull();
    }

    @Test
    @WithUserDetails("monitor.krct")
    void borderCountsAppearAtEntryPointsAndErrorsSitNextToTheFields() {
        VisitFormView view = navigate("visits/new", VisitFormView.class);
        assertThat(view.form.visitDate.getValue()).isEqualTo(LocalDate.now());
        assertThat(view.form.monitors.getValue()).containsExactly("monitor.krct");
        view.form.locationType.setValue(LocationType.AIRPORT);
        assertThat(view.form.borderBox.isVisible()).isTrue();
        view.form.locationType.setValue(LocationType.COLLECTIVE_SHELTER);
        assertThat(view.form.shelter.isVisible()).isTrue();
        assertThat(view.form.place.isVisible()).isFalse();
        view.form.locationType.setValue(LocationType.BORDER_CROSSING_POINT);
        view.form.personsObserved.setValue(5);
        view.form.newArrivals.setValue(6);
        view.form.counts.get("othersMet.female0to4").setValue(-1);
        test(view.save).click();
        assertThat(view.form.newArrivals.isInvalid()).isTrue();
        assertThat(view.form.asylumIntentions.isInvalid()).isTrue();
        assertThat(view.form.counts.get("othersMet.female0to4").isInvalid()).isTrue();
        assertThat(view.form.municipality.isInvalid()).isTrue();
        assertThat(view.form.purpose.isInvalid()).isTrue();
        assertThat(find(TextField.class).all()).contains(view.form.place);
    }
}
