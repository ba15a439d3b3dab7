package org.protectioncases.people.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.CitizenshipStatus;
import org.protectioncases.people.Community;
import org.protectioncases.people.DuplicateCheck;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
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

    final TextField givenName = new TextField();
    final TextField familyName = new TextField();
    final TextField fatherName = new TextField();
    final TextField otherNames = new TextField();
    final Select<Sex> sex = new Select<>();
    final DatePicker birthDate = new DatePicker();
    final Select<BirthDatePrecision> birthPrecision = new Select<>();
    final TextField placeOfBirth = new TextField();
    final Select<Community> community = new Select<>();
    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final Select<CitizenshipStatus> citizenship = new Select<>();
    final ComboBox<ReferenceItem> citizenshipCountry = new ComboBox<>();
    final TextField languages = new TextField();
    final TextField phone = new TextField();
    final TextField address = new TextField();
    final Div duplicates = new Div();
    final Checkbox notDuplicate = new Checkbox();
    final Button save = new Button();

    private final PersonService people;
    private DuplicateCheck lastCheck = new DuplicateCheck(List.of(), 0);

    public PersonRegistrationView(PersonService people, ReferenceDataService reference) {
        this.people = people;
        addClassName("page");
        label(givenName, "person.givenName", true);
        label(familyName, "person.familyName", true);
        label(fatherName, "person.fatherName", false);
        label(otherNames, "person.otherNames", false);
        otherNames.setHelperText(getTranslation("person.otherNamesHelp"));
        sex.setLabel(getTranslation("person.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        sex.setRequiredIndicatorVisible(true);
        birthDate.setLabel(getTranslation("person.birthDate"));
        birthDate.setMax(LocalDate.now());
        birthDate.setHelperText(getTranslation("person.birthDateHelp"));
        birthPrecision.setLabel(getTranslation("person.birthPrecision"));
        birthPrecision.setItems(BirthDatePrecision.values());
        birthPrecision.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        birthPrecision.setValue(BirthDatePrecision.EXACT);
        label(placeOfBirth, "person.placeOfBirth", false);
        community.setLabel(getTranslation("person.community"));
        community.setItems(Community.values());
        community.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        community.setRequiredIndicatorVisible(true);
        municipality.setLabel(getTranslation("person.municipality"));
        municipality.setItems(reference.municipalities(getLocale()));
        municipality.setItemLabelGenerator(ReferenceItem::name);
        citizenship.setLabel(getTranslation("person.citizenship"));
        citizenship.setItems(CitizenshipStatus.values());
        citizenship.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        citizenship.setValue(CitizenshipStatus.UNDETERMINED);
        citizenshipCountry.setLabel(getTranslation("person.citizenshipCountry"));
        citizenshipCountry.setItems(reference.countries(getLocale()));
        citizenshipCountry.setItemLabelGenerator(ReferenceItem::name);
        citizenshipCountry.setEnabled(false);
        citizenship.addValueChangeListener(e -> citizenshipCountry.setEnabled(e.getValue() == CitizenshipStatus.COUNTRY));
        label(languages, "person.languages", false);
        label(phone, "person.phone", false);
        label(address, "person.address", false);

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

        FormLayout form = new FormLayout(givenName, familyName, fatherName, otherNames, sex, community, birthDate,
                birthPrecision, placeOfBirth, municipality, citizenship, citizenshipCountry, languages, phone, address);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        save.setText(getTranslation("person.register"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        save.addClickListener(e -> register());
        Button cancel = new Button(getTranslation("common.cancel"), e -> getUI().ifPresent(ui -> ui.navigate(PeopleView.class)));
        FlexLayout body = new FlexLayout(form, duplicates);
        body.addClassName("registration-body");
        add(new H2(getTranslation("person.register")), body, new HorizontalLayout(cancel, save));
        givenName.focus();
    }

    private void label(TextField field, String key, boolean required) {
        field.setLabel(getTranslation(key));
        field.setRequiredIndicatorVisible(required);
        field.setMaxLength(key.equals("person.address") ? 300 : 100);
    }

    void checkDuplicates() {
        Integer year = birthDate.getValue() == null ? null : birthDate.getValue().getYear();
        lastCheck = people.findDuplicates(givenName.getValue(), familyName.getValue(), year, null);
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
            Div row = new Div(new Paragraph(m.registrationNo() + " · " + m.givenName() + " " + m.familyName()
                    + (m.birthYear() == null ? "" : " · " + m.birthYear())), open);
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

    void register() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("givenName", givenName);
        fields.put("familyName", familyName);
        fields.put("birthDate", birthDate);
        fields.put("citizenshipCountry", citizenshipCountry);
        fields.put("municipality", municipality);
        fields.put("sex", sex);
        fields.put("community", community);
        FormErrors.clear(fields);
        if (sex.isEmpty() || community.isEmpty()) {
            FormErrors.show(new FieldValidationException(sex.isEmpty() ? Map.of("sex", "validation.required")
                    : Map.of("community", "validation.required")), fields, this);
            return;
        }
        if (!lastCheck.visible().isEmpty() && !notDuplicate.getValue()) {
            Notifications.error(getTranslation("person.duplicates.decide"));
            notDuplicate.focus();
            return;
        }
        PersonForm form = new PersonForm(givenName.getValue(), familyName.getValue(), fatherName.getValue(), otherNames.getValue(),
                sex.getValue(), birthDate.getValue(), birthPrecision.getValue(), placeOfBirth.getValue(), citizenship.getValue(),
                citizenshipCountry.getValue() == null ? null : citizenshipCountry.getValue().code(), community.getValue(),
                languages.getValue(), phone.getValue(), address.getValue(),
                municipality.getValue() == null ? null : municipality.getValue().code(), null);
        try {
            List<Long> declined = lastCheck.visible().stream().map(DuplicateCheck.Match::id).toList();
            PersonDetails saved = people.register(form, declined);
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
