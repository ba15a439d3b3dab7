package org.protectioncases.people.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** A UNHCR manager merges two records from the person page; the merged one then opens the kept one. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class PersonMergeViewTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    TestRecords records;

    @Test
    @WithUserDetails("manager")
    void mergeFromThePersonPageAndTheDuplicateBecomesAPointer() {
        PersonDetails kept = records.register("lawyer.crpk", person("Merita", "Kelmendi", Sex.FEMALE, LocalDate.of(1983, 3, 3),
                Community.ALBANIAN, null));
        PersonDetails duplicate = records.register("lawyer.at", PersonForm.of("Merita", "Kelmendi", Sex.FEMALE,
                LocalDate.of(1983, 1, 1), BirthDatePrecision.YEAR, Community.ALBANIAN, null));

        PersonView view = navigate("people/" + kept.id(), PersonView.class);
        test(find(Button.class).all().stream().filter(b -> b.getText().equals(view.getTranslation("person.merge"))).findFirst().orElseThrow()).click();
        PersonMergeDialog dialog = find(PersonMergeDialog.class).single();
        test(find(TextField.class, dialog).single()).setValue(duplicate.registrationNo());
        test(find(Button.class, dialog).all().stream().filter(b -> b.getText().equals("Merge")).findFirst().orElseThrow()).click();
        assertThat(dialog.isOpened()).isFalse();

        navigate("people/" + duplicate.id(), PersonView.class);
        assertThat(find(H2.class).all()).anyMatch(h -> h.getText().equals("Merita Kelmendi"));
        assertThat(people.history(kept.id())).anyMatch(h -> h.action().equals("PERSON_MERGED"));
    }
}
