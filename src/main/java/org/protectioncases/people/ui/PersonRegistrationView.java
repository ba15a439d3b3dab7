package org.protectioncases.people.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.protectioncases.people.Community;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.people.DuplicateCheck;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.people.ui.shared.ConsentFields;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/**
 * Registers a person. As soon as both names are typed (and again when the birth date changes) a
 * panel lists likely duplicates the user may open, and counts other partners' ones; registering
 * anyway requires saying "none of these is the same person", which is recorded.
 */
@Route("people/new")
@RolesAllowed({Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class PersonRegistrationView extends Main implements HasDynamicTitle {

    final PersonFormFields form;
    final TextField givenName;
    final TextField familyName;
    final DatePicker birthDate;
    final Select<Sex> sex;
    final Select<Community> community;
    final Div duplicates = new Div();
    final Checkbox notDuplicate = new Checkbox();
    final Button save = new Button();

    /** The registration and data-sharing consent, recorded with the person when ticked. */
    final ConsentFields consent;

    private final PersonService people;
    private final ConsentService consents;
    private final Map<String, String> municipalities;
    private DuplicateCheck lastCheck = new DuplicateCheck(List.of(), 0);

    public PersonRegistrationView(PersonService people, ConsentService consents, ReferenceDataService reference, Clock clock) {
        this.people = people;
        consent = new ConsentFields(List.of(ConsentScope.REGISTRATION, ConsentScope.DATA_SHARING_UNHCR), Set.of(), LocalDate.now(clock));
        this.consents = consents;
        this.municipalities = reference.municipalities(getLocale()).stream()
                .collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name));
        addClassName("page");
        form = new PersonFormFields(reference, LocalDate.now(clock));
        givenName = form.givenName;
        familyName = form.familyName;
        birthDate = form.birthDate;
        sex = form.sex;
        community = form.community;
        givenName.setValueChangeMode(ValueChangeMode.LAZY);
        familyName.setValueChangeMode(ValueChangeMode.LAZY);
        givenName.addValueChangeListener(e -> checkDuplicates());
        familyName.addValueChangeListener(e -> checkDuplicates());
        birthDate.addValueChangeListener(e -> checkDuplicates());

        duplicates.addClassName("duplicates");
        duplicates.getElement().setAttribute("role", "region");
        duplicates.getElement().setAttribute("aria-live", "polite");
        duplicates.getElement().setAttribute("aria-label", getTranslation("person.duplicates.title"));
        duplicates.setVisible(false);
        notDuplicate.setLabel(getTranslation("person.duplicates.confirmDifferent"));

        save.setText(getTranslation("person.register"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> register());
        Button cancel = new Button(getTranslation("common.cancel"), e -> getUI().ifPresent(ui -> ui.navigate(PeopleView.class)));
        FlexLayout body = new FlexLayout(form, duplicates);
        body.addClassName("registration-body");
        Div consentBox = new Div(new H3(getTranslation("consent.registration.title")),
                new Paragraph(getTranslation("consent.registration.help")), consent);
        consentBox.addClassName("registration-consent");
        add(new H2(getTranslation("person.register")), body, consentBox, new HorizontalLayout(cancel, save));
        givenName.focus();
    }

    void checkDuplicates() {
        Integer year = birthDate.getValue() == null ? null : birthDate.getValue().getYear();
        Map<String, HasValidation> names = Map.of("givenName", givenName, "familyName", familyName);
        try {
            lastCheck = people.findDuplicates(givenName.getValue(), familyName.getValue(), year, null);
            FormErrors.clear(names);
        } catch (FieldValidationException ex) {
            // A name the server refuses (too long, control characters) is shown at once, before saving.
            lastCheck = new DuplicateCheck(List.of(), 0);
            FormErrors.show(ex, names, this);
        }
        duplicates.removeAll();
        duplicates.setVisible(!lastCheck.isEmpty());
        if (lastCheck.isEmpty()) {
            return;
        }
        duplicates.add(new H3(getTranslation("person.duplicates.title")));
        for (DuplicateCheck.Match m : lastCheck.visible()) {
            Button open = new Button(getTranslation("person.duplicates.open"), e -> getUI().ifPresent(ui ->
                    ui.navigate(PersonView.class, new RouteParameters("id", String.valueOf(m.id())))));
            open.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            open.setAriaLabel(getTranslation("person.duplicates.open") + " " + m.registrationNo());
            Paragraph who = new Paragraph(m.givenName() + " " + m.familyName() + " · " + m.registrationNo());
            who.addClassName("duplicate-name");
            Paragraph about = new Paragraph(describe(m));
            about.addClassName("duplicate-about");
            Div row = new Div(new Div(who, about), open);
            row.addClassName("duplicate-row");
            duplicates.add(row);
        }
        if (lastCheck.otherPartners() > 0) {
            Paragraph others = new Paragraph(getTranslation("person.duplicates.otherPartners", lastCheck.otherPartners()));
            others.addClassName("duplicate-others");
            duplicates.add(others);
        }
        if (!lastCheck.visible().isEmpty()) {
            notDuplicate.setValue(false);
            duplicates.add(notDuplicate);
        }
    }

    /**
     * The match in plain words, so the user can tell two people of the same name apart: "Male, born
     * 1985, father Milan, lives in Gračanica"; what is not recorded is said to be unknown.
     */
    String describe(DuplicateCheck.Match m) {
        List<String> parts = new ArrayList<>();
        parts.add(getTranslation(m.sex().messageKey()));
        parts.add(m.birthYear() == null ? getTranslation("person.duplicates.bornUnknown") : getTranslation("person.duplicates.born", String.valueOf(m.birthYear())));
        parts.add(m.fatherName() == null || m.fatherName().isBlank() ? getTranslation("person.duplicates.fatherUnknown")
                : getTranslation("person.duplicates.father", m.fatherName()));
        String place = m.municipalityCode() == null ? null : municipalities.getOrDefault(m.municipalityCode(), m.municipalityCode());
        parts.add(place == null ? getTranslation("person.duplicates.placeUnknown") : getTranslation("person.duplicates.lives", place));
        return String.join(", ", parts);
    }

    void register() {
        Map<String, HasValidation> fields = form.errorTargets();
        FormErrors.clear(fields);
        try {
            PersonForm entered = form.read();
            if (!lastCheck.visible().isEmpty() && !notDuplicate.getValue()) {
                Notifications.error(getTranslation("person.duplicates.decide"));
                notDuplicate.focus();
                return;
            }
            if (consent.given() && !consent.check(consents)) {
                return;
            }
            List<Long> declined = lastCheck.visible().stream().map(DuplicateCheck.Match::id).toList();
            PersonDetails saved = people.register(entered, declined);
            if (consent.given()) {
                consent.record(consents, saved.id());
            }
            Notifications.success(getTranslation("person.registered", saved.registrationNo()));
            getUI().ifPresent(ui -> ui.navigate(PersonView.class, new RouteParameters("id", String.valueOf(saved.id()))));
        } catch (FieldValidationException ex) {
            FormErrors.show(ex, fields, this);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("person.register") + " | " + getTranslation("app.name");
    }
}
