package org.protectioncases.shelters.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shelters.ShelterForm;

/** The registry fields of a shelter, for the "new shelter" dialog and the shelter page. */
class ShelterFormFields extends FormLayout {

    final TextField name = new TextField();
    final ComboBox<ReferenceItem> municipality = new ComboBox<>();
    final TextField address = new TextField();
    final IntegerField capacity = new IntegerField();
    final DatePicker openedOn = DateFields.date();
    final TextField managingInstitution = new TextField();

    ShelterFormFields(List<ReferenceItem> municipalities, LocalDate today) {
        name.setLabel(getTranslation("shelter.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ShelterForm.NAME_MAX);
        municipality.setLabel(getTranslation("shelter.municipality"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(ReferenceItem::name);
        municipality.setRequiredIndicatorVisible(true);
        address.setLabel(getTranslation("shelter.address"));
        address.setMaxLength(ShelterForm.ADDRESS_MAX);
        capacity.setLabel(getTranslation("shelter.capacity"));
        capacity.setMin(0);
        capacity.setStepButtonsVisible(true);
        capacity.setRequiredIndicatorVisible(true);
        openedOn.setLabel(getTranslation("shelter.openedOn"));
        openedOn.setMax(today);
        managingInstitution.setLabel(getTranslation("shelter.managingInstitution"));
        managingInstitution.setMaxLength(ShelterForm.MANAGING_INSTITUTION_MAX);
        add(name, municipality, address, capacity, openedOn, managingInstitution);
    }

    void set(ShelterForm f) {
        name.setValue(f.name());
        municipality.getListDataView().getItems().filter(m -> m.code().equals(f.municipalityCode())).findFirst()
                .ifPresent(municipality::setValue);
        address.setValue(f.address() == null ? "" : f.address());
        capacity.setValue(f.capacity());
        openedOn.setValue(f.openedOn());
        managingInstitution.setValue(f.managingInstitution() == null ? "" : f.managingInstitution());
    }

    ShelterForm value() {
        return new ShelterForm(name.getValue(), municipality.getValue() == null ? null : municipality.getValue().code(),
                address.getValue(), capacity.getValue(), openedOn.getValue(), managingInstitution.getValue());
    }

    /** Service field names to the fields that show their errors. */
    Map<String, HasValidation> fields() {
        return Map.of("name", name, "municipality", municipality, "municipalityCode", municipality, "address", address,
                "capacity", capacity, "openedOn", openedOn, "managingInstitution", managingInstitution);
    }
}
