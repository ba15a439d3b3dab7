package org.protectioncases.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** Two people edit the same person: the second save overwrites nothing and says who changed it. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class PersonEditConflictTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    PartnerService partners;
    @Autowired
    SystemAccess system;

    @Test
    @WithUserDetails("lawyer.crpk")
    void theSecondEditorIsToldWhoChangedThePersonAndNothingIsOverwritten() {
        PersonDetails p = people.register(PersonForm.of("Conflict", "Person", Sex.FEMALE, LocalDate.of(1990, 5, 5),
                BirthDatePrecision.EXACT, Community.ALBANIAN, null), List.of());
        PersonView view = navigate("people/" + p.id(), PersonView.class);
        Button edit = find(Button.class).all().stream()
                .filter(b -> b.getText().equals(view.getTranslation("person.edit"))).findFirst().orElseThrow();
        test(edit).click();
        PersonEditDialog dialog = find(PersonEditDialog.class).single();
        PersonFormFields form = find(PersonFormFields.class).single();

        // Meanwhile the coordinator changes the father's name.
        long crpk = system.runAsAdmin(() -> partners.findByCode("CRPK").orElseThrow().id());
        system.runAs(Role.PARTNER_COORDINATOR, crpk, () -> people.update(p.id(), p.version(),
                PersonForm.builder("Conflict", "Person", Sex.FEMALE, Community.ALBANIAN).fatherName("Bekim")
                        .birthDate(LocalDate.of(1990, 5, 5)).birthPrecision(BirthDatePrecision.EXACT).build()));

        test(form.fatherName).setValue("Agim");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.conflict.isVisible()).isTrue();
        assertThat(dialog.conflict.getText()).startsWith("system ");
        assertThat(dialog.save.isEnabled()).isFalse();
        assertThat(people.get(p.id()).orElseThrow().profile().fatherName()).isEqualTo("Bekim");
    }
}
