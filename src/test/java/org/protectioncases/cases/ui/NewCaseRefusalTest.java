package org.protectioncases.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.support.OwnerDatabase;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** {@code cases/new?person=ID} for another partner's person: "not found", and the attempt is in the access log. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class NewCaseRefusalTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    TestRecords records;

    private List<Boolean> accessLog(long personId, String username) {
        return jdbc.sql("select granted from record_access where entity_type = 'person' and entity_id = :id and username = :u order by id")
                .param("id", personId).param("u", username).query(Boolean.class).list();
    }

    private NewCaseView open(long personId) {
        UI.getCurrent().navigate(NewCaseView.class, QueryParameters.of("person", String.valueOf(personId)));
        return (NewCaseView) getCurrentView();
    }

    @Test
    @WithUserDetails("lawyer.at")
    void anotherPartnersPersonIsRefusedAndLogged() {
        PersonDetails krct = records.register("lawyer.krct", person("Refused", "Newcase", Sex.MALE, LocalDate.of(1979, 9, 9),
                Community.ROMA, null));

        NewCaseView view = open(krct.id());

        assertThat(find(H2.class).single().getText()).isEqualTo(view.getTranslation("person.notFound.title"));
        assertThat(find(Button.class).withText(view.getTranslation("case.open")).all()).isEmpty();
        assertThat(accessLog(krct.id(), "lawyer.at")).containsExactly(false);
    }

    @Test
    @WithUserDetails("lawyer.krct")
    void theOwnPartnersPersonOpensTheForm() {
        PersonDetails own = people.register(PersonForm.of("Allowed", "Newcase", Sex.FEMALE, LocalDate.of(1981, 1, 1),
                BirthDatePrecision.EXACT, Community.ROMA, null), List.of());

        NewCaseView view = open(own.id());

        assertThat(find(Button.class).withText(view.getTranslation("case.open")).all()).hasSize(1);
        assertThat(accessLog(own.id(), "lawyer.krct")).isEmpty();
    }
}
