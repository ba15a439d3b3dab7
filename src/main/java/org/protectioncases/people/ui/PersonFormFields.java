package org.protectioncases.people.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.CitizenshipStatus;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.Sex;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.DateFields;

/** The person fields shared by the registration page and the edit dialog. */
class PersonFormFields extends FormLayout {

    final TextField givenName = new TextField();
    final TextField familyName = new TextField();
    final TextField fatherName = new TextField();
    final TextField otherNames = new TextField();
    final Select<Sex> sex = new Select<>();
    final DatePicker birthDate = DateFields.date();
    final Select<BirthDatePrecision> birthPrecision = new Select<>();
    final TextField placeOfBirth = new TextField();
    final Select<Community> community = new Select<>();
    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final Select<CitizenshipStatus> citizenship = new Select<>();
    final ComboBox<ReferenceItem> citizenshipCountry = new ComboBox<>();
    final TextField languages = new TextField();
    final TextField phone = new TextField();
    final TextField address = new TextField();
    private final List<ReferenceItem> municipalities;
    private final List<ReferenceItem> countries;

    PersonFormFields(ReferenceDataService reference, LocalDate today) {
        label(givenName, "person.givenName", true, PersonForm.NAME_MAX);
        label(familyName, "person.familyName", true, PersonForm.NAME_MAX);
        label(fatherName, "person.fatherName", false, PersonForm.NAME_MAX);
        label(otherNames, "person.otherNames", false, PersonForm.OTHER_NAMES_MAX);
        otherNames.setHelperText(getTranslation("person.otherNamesHelp"));
        sex.setLabel(getTranslation("person.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        sex.setRequiredIndicatorVisible(true);
        birthDate.setLabel(getTranslation("person.birthDate"));
        birthDate.setMax(today);
        birthDate.setHelperText(getTranslation("person.birthDateHelp"));
        birthPrecision.setLabel(getTranslation("person.birthPrecision"));
        birthPrecision.setItems(BirthDatePrecision.values());
        birthPrecision.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        birthPrecision.setValue(BirthDatePrecision.EXACT);
        label(placeOfBirth, "person.placeOfBirth", false, PersonForm.PLACE_OF_BIRTH_MAX);
        community.setLabel(getTranslation("person.community"));
        community.setItems(Community.values());
        community.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        community.setRequiredIndicatorVisible(true);
        municipalities = reference.municipalities(getLocale());
        municipality.setLabel(getTranslation("person.municipality"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(ReferenceItem::name);
        citizenship.setLabel(getTranslation("person.citizenship"));
        citizenship.setItems(CitizenshipStatus.values());
        citizenship.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        citizenship.setValue(CitizenshipStatus.UNDETERMINED);
        countries = reference.countries(getLocale());
        citizenshipCountry.setLabel(getTranslation("person.citizenshipCountry"));
        citizenshipCountry.setItems(countries);
        citizenshipCountry.setItemLabelGenerator(ReferenceItem::name);
        citizenshipCountry.setEnabled(false);
        citizenship.addValueChangeListener(e -> citizenshipCountry.setEnabled(e.getValue() == CitizenshipStatus.COUNTRY));
        label(languages, "person.languages", false, PersonForm.LANGUAGES_MAX);
        label(phone, "person.phone", false, PersonForm.PHONE_MAX);
        label(address, "person.address", false, PersonForm.ADDRESS_MAX);
        add(givenName, familyName, fatherName, otherNames, sex, community, birthDate, birthPrecision, placeOfBirth,
                municipality, citizenship, citizenshipCountry, languages, phone, address);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    private void label(TextField field, String key, boolean required, int maxLength) {
        field.setLabel(getTranslation(key));
        field.setRequiredIndicatorVisible(required);
        field.setMaxLength(maxLength);
    }

    /** The entered values, or a validation error for the choices the service cannot do without. */
    PersonForm read() {
        Map<String, String> missing = new HashMap<>();
        if (sex.isEmpty()) {
            missing.put("sex", "validation.required");
        }
        if (community.isEmpty()) {
            missing.put("community", "validation.required");
        }
        if (!missing.isEmpty()) {
            throw new FieldValidationException(missing);
        }
        return PersonForm.builder(givenName.getValue(), familyName.getValue(), sex.getValue(), community.getValue())
                .fatherName(fatherName.getValue()).otherNames(otherNames.getValue())
                .birthDate(birthDate.getValue()).birthPrecision(birthPrecision.getValue()).placeOfBirth(placeOfBirth.getValue())
                .citizenshipStatus(citizenship.getValue()).citizenshipCountry(code(citizenshipCountry))
                .languages(languages.getValue()).phone(phone.getValue()).address(address.getValue())
                .municipalityCode(code(municipality))
                .build();
    }

    void write(PersonForm f) {
        givenName.setValue(f.givenName());
        familyName.setValue(f.familyName());
        fatherName.setValue(orEmpty(f.fatherName()));
        otherNames.setValue(orEmpty(f.otherNames()));
        sex.setValue(f.sex());
        birthDate.setValue(f.birthDate());
        birthPrecision.setValue(f.birthPrecision() == null ? BirthDatePrecision.EXACT : f.birthPrecision());
        placeOfBirth.setValue(orEmpty(f.placeOfBirth()));
        community.setValue(f.community());
        municipality.setValue(find(municipalities, f.municipalityCode()).orElse(null));
        citizenship.setValue(f.citizenshipStatus());
        citizenshipCountry.setValue(find(countries, f.citizenshipCountry()).orElse(null));
        languages.setValue(orEmpty(f.languages()));
        phone.setValue(orEmpty(f.phone()));
        address.setValue(orEmpty(f.address()));
    }

    /** Where the service's field errors are shown. */
    Map<String, HasValidation> errorTargets() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("givenName", givenName);
        fields.put("familyName", familyName);
        fields.put("birthDate", birthDate);
        fields.put("citizenshipCountry", citizenshipCountry);
        fields.put("municipality", municipality);
        fields.put("municipalityCode", municipality);
        fields.put("fatherName", fatherName);
        fields.put("otherNames", otherNames);
        fields.put("placeOfBirth", placeOfBirth);
        fields.put("languages", languages);
        fields.put("phone", phone);
        fields.put("address", address);
        fields.put("sex", sex);
        fields.put("community", community);
        return fields;
    }

    private static @Nullable String code(ComboBox<ReferenceItem> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }

    private static Optional<ReferenceItem> find(List<ReferenceItem> items, @Nullable String code) {
        return code == null ? Optional.empty() : items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
