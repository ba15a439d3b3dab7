package org.protectioncases.shelters.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PersonSummary;
import org.protectioncases.people.Sex;
import org.protectioncases.shelters.ShelterDetails;
import org.protectioncases.shelters.ShelterForm;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.shelters.ShelterStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

/** A KRCT monitor (working in Albanian) adds a resident on the shelter page and moves them out again. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class ShelterViewTest extends SpringBrowserlessTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    ShelterService shelters;
    @Autowired
    PersonService people;

    private ShelterDetails shelter(String name) {
        return shelters.create(new ShelterForm(name + " " + UUID.randomUUID().toString().substring(0, 6), "VUS", "Rruga Skënderbeu",
                30, TODAY.minusYears(2), "Zyra Komunale për Komunitete dhe Kthim"));
    }

    private PersonSummary person() {
        PersonDetails p = people.register(PersonForm.of("Arta", "Berisha", Sex.FEMALE, LocalDate.of(1985, 3, 3),
                BirthDatePrecision.EXACT, Community.ALBANIAN, "VUS"), List.of());
        return people.list(new PersonFilter(null, p.registrationNo(), null, null, null), PageRequest.of(0, 1)).getFirst();
    }

    /** The tab sheet attaches the selected tab's content just before the response to the browser. */
    private ShelterView open(long shelterId) {
        ShelterView view = navigate("shelters/" + shelterId, ShelterView.class);
        roundTrip();
        return view;
    }

    private void click(Button button) {
        test(button).click();
        roundTrip();
    }

    private List<String> residentLinks(ShelterView view) {
        return view.residentList.getChildren().flatMap(row -> row.getChildren()).filter(Anchor.class::isInstance)
                .map(a -> ((Anchor) a).getText()).toList();
    }

    @Test
    @WithUserDetails("monitor.krct")
    void addingAResidentAndMovingThemOutChangesTheOccupancy() {
        ShelterDetails s = shelter("Qendra kolektive Vushtrri");
        PersonSummary p = person();
        ShelterView view = open(s.id());
        assertThat(residentLinks(view)).isEmpty();

        view.person.setValue(p);
        test(view.movedIn).setValue(TODAY.minusDays(7));
        click(view.moveIn);

        assertThat(residentLinks(view)).singleElement().satisfies(l -> assertThat(l).startsWith(p.registrationNo()));
        assertThat(shelters.get(s.id()).orElseThrow().summary().occupancy()).isEqualTo(1);
        assertThat(view.totals.getText()).contains(": 1");

        Button out = find(Button.class, view.residentList).all().stream()
                .filter(b -> b.getText().equals(view.getTranslation("shelter.moveOut"))).findFirst().orElseThrow();
        assertThat(out.getAriaLabel()).hasValueSatisfying(l -> assertThat(l).contains(p.registrationNo()));
        test(out).click();
        ShelterMoveOutDialog dialog = find(ShelterMoveOutDialog.class).single();
        // Not before the move-in: the error stays next to the date.
        dialog.movedOut.setValue(TODAY.minusDays(8)); // the picker offers no earlier day; the service refuses it too
        click(dialog.confirm);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.movedOut.isInvalid()).isTrue();
        assertThat(dialog.movedOut.getErrorMessage()).isEqualTo(view.getTranslation("shelter.validation.moveOutBeforeMoveIn"));

        test(dialog.movedOut).setValue(TODAY.minusDays(1));
        click(dialog.confirm);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(residentLinks(view)).isEmpty();
        assertThat(shelters.get(s.id()).orElseThrow().summary().occupancy()).isZero();
        assertThat(shelters.occupancyAsOf(s.id(), TODAY.minusDays(2))).isEqualTo(1);

        // Looking back: the day before the move-out they were still there.
        test(view.residentsAsOf).setValue(TODAY.minusDays(2));
        assertThat(residentLinks(view)).singleElement().satisfies(l -> assertThat(l).startsWith(p.registrationNo()));
    }

    @Test
    @WithUserDetails("monitor.krct")
    void aPersonLivingInAnotherShelterIsRefusedNamingThatShelter() {
        ShelterDetails first = shelter("Qendra kolektive Skenderaj");
        ShelterDetails second = shelter("Qendra kolektive Mitrovicë");
        PersonSummary p = person();
        shelters.moveIn(first.id(), p.id(), TODAY.minusDays(20));

        ShelterView view = open(second.id());
        view.person.setValue(p);
        click(view.moveIn);

        assertThat(view.person.isInvalid()).isTrue();
        assertThat(view.person.getErrorMessage()).contains(first.summary().name()).contains(TODAY.minusDays(20).format(SheltersView.DATE));
        assertThat(shelters.get(second.id()).orElseThrow().summary().occupancy()).isZero();
    }

    @Test
    @WithUserDetails("monitor.krct")
    void aStaleRegistryEditIsRefusedAndSaysWhoChangedTheShelter() {
        ShelterDetails s = shelter("Qendra kolektive Podujevë");
        ShelterView view = open(s.id());
        // Meanwhile someone else (here the same account from another tab) changes the capacity.
        shelters.update(s.id(), s.version(), new ShelterForm(s.summary().name(), "VUS", null, 45, TODAY.minusYears(2), null));
        find(com.vaadin.flow.component.tabs.TabSheet.class).single().setSelectedIndex(1);
        roundTrip();
        assertThat(view.form).isNotNull();
        test(view.form.capacity).setValue(60);
        click(view.save);
        assertThat(shelters.get(s.id()).orElseThrow().summary().capacity()).isEqualTo(45);
        assertThat(view.form.capacity.getValue()).isEqualTo(45);
    }

    @Test
    @WithUserDetails("lawyer.krct")
    void lawyersSeeTheRegistryButCannotAddOrEditShelters() {
        SheltersView list = navigate(SheltersView.class);
        assertThat(list.add.isVisible()).isFalse();
        assertThat(list.figure.getText()).isNotBlank();
        long open = shelters.count(new org.protectioncases.shelters.ShelterFilter(null, ShelterStatus.OPEN));
        list.status.setValue(ShelterStatus.OPEN);
        assertThat(test(list.grid).size()).isEqualTo((int) open);
    }

    @Test
    @WithUserDetails("coordinator.krct")
    void aCoordinatorAddsAShelterFromTheDialogWithErrorsNextToTheFields() {
        SheltersView list = navigate(SheltersView.class);
        test(list.add).click();
        SheltersView.NewShelterDialog dialog = find(SheltersView.NewShelterDialog.class).single();
        dialog.form.capacity.setValue(-3);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.form.name.isInvalid()).isTrue();
        assertThat(dialog.form.capacity.getErrorMessage()).isEqualTo("Enter a capacity between 0 and 10000");

        String name = "Collective Centre Kllokot " + UUID.randomUUID().toString().substring(0, 6);
        test(dialog.form.name).setValue(name);
        dialog.form.municipality.setValue(dialog.form.municipality.getListDataView().getItems()
                .filter(m -> m.code().equals("KLO")).findFirst().orElseThrow());
        test(dialog.form.capacity).setValue(25);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(ShelterView.class);
        assertThat(shelters.options()).anyMatch(o -> o.name().equals(name) && o.municipalityCode().equals("KLO"));
    }
}
