package org.protectioncases.people.ui.shared;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.protectioncases.people.ConsentDto;
import org.protectioncases.people.ConsentGiver;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;

/**
 * What a consent needs: to what (the scopes offered; the one a referral or transfer needs is ticked
 * and cannot be unticked), who gave it, when, and a note. Used in the consent dialog and in the
 * registration form.
 */
public class ConsentFields extends FormLayout {

    // Public so that the forms embedding these fields (and their tests) can fill them.
    public final CheckboxGroup<ConsentScope> scopes = new CheckboxGroup<>();
    public final Select<ConsentGiver> givenBy = new Select<>();
    public final DatePicker givenOn;
    public final TextField note = new TextField();
    private final Set<ConsentScope> required;

    /**
     * @param offered  the scopes to choose from, in this order
     * @param required ticked and locked (what the action waiting for the consent needs); may be empty
     * @param today    the day offered as the consent's date, and the latest one accepted
     */
    public ConsentFields(List<ConsentScope> offered, Set<ConsentScope> required, LocalDate today) {
        this.required = required.isEmpty() ? EnumSet.noneOf(ConsentScope.class) : EnumSet.copyOf(required);
        addClassName("consent-fields");
        scopes.setLabel(getTranslation("consent.scopes"));
        scopes.setItems(offered);
        scopes.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        scopes.setItemEnabledProvider(s -> !this.required.contains(s));
        scopes.setValue(this.required);
        givenBy.setLabel(getTranslation("consent.givenBy"));
        givenBy.setItems(ConsentGiver.values());
        givenBy.setItemLabelGenerator(g -> g == null ? "" : getTranslation(g.messageKey()));
        givenBy.setValue(ConsentGiver.PERSON);
        givenOn = DateFields.date(getTranslation("consent.givenOn"), today);
        givenOn.setMax(today);
        note.setLabel(getTranslation("consent.note"));
        note.setHelperText(getTranslation("consent.note.help"));
        note.setMaxLength(ConsentService.CONSENT_NOTE_MAX);
        add(scopes, givenBy, givenOn, note);
        setColspan(scopes, 2);
        setColspan(note, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
    }

    /** Whether any scope is ticked (the registration form records consent only then). */
    public boolean given() {
        return !scopes.getValue().isEmpty();
    }

    /** The ticked scopes, in the enum's order. */
    public Set<ConsentScope> chosen() {
        Set<ConsentScope> chosen = EnumSet.noneOf(ConsentScope.class);
        chosen.addAll(scopes.getValue());
        chosen.addAll(required);
        return chosen;
    }

    /** Checks the fields by the service's rules, saving nothing; errors are shown next to the fields. */
    public boolean check(ConsentService consents) {
        try {
            FormErrors.clear(errorTargets());
            consents.checkConsents(chosen(), givenBy.getValue(), givenOn.getValue());
            return true;
        } catch (FieldValidationException ex) {
            FormErrors.show(ex, errorTargets(), this);
            return false;
        }
    }

    /** Records the consents for the person; a refusal is shown next to the fields and rethrown. */
    public List<ConsentDto> record(ConsentService consents, long personId) {
        try {
            FormErrors.clear(errorTargets());
            return consents.recordConsents(personId, chosen(), givenBy.getValue(), givenOn.getValue(), note.getValue());
        } catch (FieldValidationException ex) {
            FormErrors.show(ex, errorTargets(), this);
            throw ex;
        }
    }

    Map<String, HasValidation> errorTargets() {
        return Map.of("scopes", scopes, "givenBy", givenBy, "givenOn", givenOn, "note", note);
    }

    /** Every scope, for the consent dialog (the one needed ticked). */
    static List<ConsentScope> allScopes() {
        return Arrays.asList(ConsentScope.values());
    }
}
