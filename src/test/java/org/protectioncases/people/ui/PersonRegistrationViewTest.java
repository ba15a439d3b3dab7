package org.protectioncases.people.ui;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.PersonForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** A CRPK lawyer registers a person; the duplicate panel catches the seeded Đorđe Petrović spelled differently. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class PersonRegistrationViewTest extends SpringBrowserlessTest {

    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private long count(String family) {
        return jdbc.sql("select count(*) from person where family_name = :f").param("f", family).query(Long.class).single();
    }

    /** One text per line of the panel: a match's paragraphs (name, then the plain-words description) joined. */
    private java.util.List<String> panelTexts(PersonRegistrationView view) {
        return view.duplicates.getChildren().map(c -> paragraphs(c).map(Paragraph::getText)
                .collect(java.util.stream.Collectors.joining(" "))).filter(t -> !t.isEmpty()).toList();
    }

    private static java.util.stream.Stream<Paragraph> paragraphs(com.vaadin.flow.component.Component c) {
        return c instanceof Paragraph p ? java.util.stream.Stream.of(p) : c.getChildren().flatMap(PersonRegistrationViewTest::paragraphs);
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void theDuplicatePanelCatchesASeededNearDuplicateAndRegisteringNeedsADecision() {
        PersonRegistrationView view = navigate(PersonRegistrationView.class);
        test(view.givenName).setValue("Djordje");
        test(view.familyName).setValue("Petrovic");
        test(view.birthDate).setValue(LocalDate.of(1979, 1, 1));

        assertThat(view.duplicates.isVisible()).isTrue();
        assertThat(panelTexts(view)).anyMatch(t -> t.contains("Đorđe Petrović") && t.contains("1979"));
        // In plain words next to the match (the lawyer works in Albanian): sex, birth year, father's name, municipality.
        assertThat(panelTexts(view)).anyMatch(t -> t.contains("Đorđe Petrović") && t.contains("Mashkull")
                && t.contains("viti i lindjes 1979") && (t.contains("babai ") || t.contains("emri i babait nuk është regjistruar")));

        view.sex.setValue(org.protectioncases.people.Sex.MALE); // the lawyer works in Albanian: set values, not labels
        view.community.setValue(org.protectioncases.people.Community.SERB);
        long before = count("Petrovic");
        test(view.save).click();
        assertThat(count("Petrovic")).as("not saved before the user decides").isEqualTo(before);

        test(view.notDuplicate).click();
        test(view.save).click();
        assertThat(count("Petrovic")).isEqualTo(before + 1);
        assertThat(getCurrentView()).isInstanceOf(PersonView.class);
    }

    @Test
    @WithUserDetails("lawyer.at")
    void anotherPartnersNearDuplicateIsOnlyCounted() {
        PersonRegistrationView view = navigate(PersonRegistrationView.class);
        test(view.givenName).setValue("Ђорђе");
        test(view.familyName).setValue("Петровић");
        test(view.birthDate).setValue(LocalDate.of(1979, 4, 12));
        assertThat(panelTexts(view)).noneMatch(t -> t.contains("Đorđe Petrović"));
        assertThat(view.duplicates.getChildren().filter(c -> c.hasClassName("duplicate-others")).map(c -> ((Paragraph) c).getText()))
                .singleElement().satisfies(t -> assertThat(t).containsPattern("^[1-9][0-9.]* mogu"));
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void missingNamesAreShownNextToTheFields() {
        PersonRegistrationView view = navigate(PersonRegistrationView.class);
        String family = "Empty" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        test(view.familyName).setValue(family);
        view.sex.setValue(org.protectioncases.people.Sex.FEMALE);
        view.community.setValue(org.protectioncases.people.Community.ROMA);
        test(view.save).click();
        assertThat(view.givenName.isInvalid()).isTrue();
        assertThat(view.givenName.getErrorMessage()).isEqualTo(view.getTranslation("validation.required"));
        assertThat(count(family)).isZero();
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void aTooLongOrControlCharacterNameIsAFieldErrorNextToTheFieldNotAQuery() {
        PersonRegistrationView view = navigate(PersonRegistrationView.class);
        assertThat(view.familyName.getMaxLength()).as("the browser's limit is the server's").isEqualTo(PersonForm.NAME_MAX);
        test(view.givenName).setValue("Arta");
        // What a client without the maxlength attribute sends: set on the component, past the browser's limit.
        String huge = "Kelmendi".repeat(12_500);
        view.familyName.setValue(huge);

        assertThat(view.familyName.isInvalid()).as("shown while typing, by the live duplicate check").isTrue();
        assertThat(view.familyName.getErrorMessage()).isEqualTo(view.getTranslation("validation.maxLength", PersonForm.NAME_MAX));
        assertThat(view.duplicates.isVisible()).isFalse();

        view.sex.setValue(org.protectioncases.people.Sex.FEMALE);
        view.community.setValue(org.protectioncases.people.Community.ROMA);
        test(view.save).click();
        assertThat(view.familyName.isInvalid()).as("and again on save").isTrue();
        assertThat(view.familyName.getErrorMessage()).isEqualTo(view.getTranslation("validation.maxLength", PersonForm.NAME_MAX));
        assertThat(getCurrentView()).isInstanceOf(PersonRegistrationView.class);

        view.familyName.setValue("Kelmendi");
        assertThat(view.familyName.isInvalid()).as("cleared once the name is fine").isFalse();
        view.givenName.setValue("Ar\u0007ta");
        assertThat(view.givenName.isInvalid()).isTrue();
        assertThat(view.givenName.getErrorMessage()).isEqualTo(view.getTranslation("validation.controlCharacters"));
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void theRegistrationConsentIsRecordedInTheSameFormAndABadDateSavesNothing() {
        String family = "Pelqimi" + System.nanoTime() % 100_000;
        PersonRegistrationView view = navigate(PersonRegistrationView.class);
        test(view.givenName).setValue("Arta");
        test(view.familyName).setValue(family);
        view.sex.setValue(org.protectioncases.people.Sex.FEMALE);
        view.community.setValue(org.protectioncases.people.Community.ALBANIAN);
        view.consent.scopes.setValue(java.util.Set.of(org.protectioncases.people.ConsentScope.REGISTRATION,
                org.protectioncases.people.ConsentScope.DATA_SHARING_UNHCR));
        view.consent.givenBy.setValue(org.protectioncases.people.ConsentGiver.PARENT_OR_GUARDIAN);
        view.consent.givenOn.setValue(LocalDate.now().plusDays(2));
        test(view.save).click();
        assertThat(view.consent.givenOn.isInvalid()).isTrue();
        assertThat(count(family)).as("nothing registered while the consent is wrong").isZero();

        view.consent.givenOn.setValue(LocalDate.now());
        test(view.save).click();
        assertThat(count(family)).isEqualTo(1);
        assertThat(jdbc.sql("select string_agg(c.scope || ':' || c.given_by, ',' order by c.scope) from consent c join person p on p.id = c.person_id"
                        + " where p.family_name = :f").param("f", family).query(String.class).single())
                .isEqualTo("DATA_SHARING_UNHCR:PARENT_OR_GUARDIAN,REGISTRATION:PARENT_OR_GUARDIAN");
    }
}
