package org.protectioncases.cases.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseTypeDetails;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/**
 * The case type's own fields (the components of its {@link CaseTypeDetails} record, in order): a
 * form bound to the record for those who may edit the case, facts for the others. A date is a date
 * picker (not after today), a choice a select, yes/no a checkbox, text a text field.
 */
class TypeDetailsSection extends Div {

    /** The section for the case, or null for a type without fields of its own. */
    static @Nullable TypeDetailsSection of(CaseDetails c, CaseWorkflowService workflow, Clock clock, Runnable reload) {
        CaseTypeDetails details = c.typeDetails();
        if (details.getClass().getRecordComponents().length == 0) {
            return null;
        }
        return new TypeDetailsSection(c, details, workflow, clock, reload);
    }

    private TypeDetailsSection(CaseDetails c, CaseTypeDetails details, CaseWorkflowService workflow, Clock clock, Runnable reload) {
        RecordComponent[] components = details.getClass().getRecordComponents();
        if (!c.workable()) {
            Facts facts = new Facts();
            for (RecordComponent component : components) {
                facts.fact("caseField." + component.getName(), display(valueOf(component, details)));
            }
            add(facts);
            return;
        }
        @SuppressWarnings("unchecked")
        Binder<CaseTypeDetails> binder = new Binder<>((Class<CaseTypeDetails>) details.getClass());
        // The service's rules (no future date) and messages, as for every other case form; the picker's max only guides.
        binder.setDefaultValidatorsEnabled(false);
        FormLayout form = new FormLayout();
        Map<String, HasValidation> targets = new HashMap<>();
        for (RecordComponent component : components) {
            HasValue<?, ?> field = field(component, LocalDate.now(clock));
            binder.forField(field).bind(component.getName());
            if (field instanceof HasValidation validated) {
                targets.put(component.getName(), validated);
            }
            form.add((Component) field);
        }
        binder.readRecord(details);
        Button save = new Button(getTranslation("case.saveTypeFields"), e -> {
            try {
                workflow.updateTypeDetails(c.id(), c.version(), binder.writeRecord());
                Notifications.success(getTranslation("case.saved"));
                reload.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, targets, this);
            } catch (ValidationException ex) {
                // No converters or validators on these bindings: nothing the user can type fails here.
                throw new IllegalStateException(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H3(getTranslation(c.summary().type().messageKey())), form, save);
    }

    /** The input for one field, by the component's type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private HasValue<?, ?> field(RecordComponent component, LocalDate today) {
        String label = getTranslation("caseField." + component.getName());
        Class<?> type = component.getType();
        if (type == LocalDate.class) {
            DatePicker date = DateFields.date(label);
            date.setMax(today);
            return date;
        }
        if (type == Boolean.class) {
            return new Checkbox(label);
        }
        if (type.isEnum()) {
            Select select = new Select<>();
            select.setLabel(label);
            select.setItems(Arrays.asList(type.getEnumConstants()));
            select.setEmptySelectionAllowed(true);
            select.setItemLabelGenerator(o -> o == null ? "–" : getTranslation(((CaseTypeDetails.Choice) o).messageKey()));
            return select;
        }
        TextField text = new TextField(label);
        text.setMaxLength(CaseTypeDetails.TEXT_MAX);
        return text;
    }

    private @Nullable String display(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d.format(Formats.DATE);
            case CaseTypeDetails.Choice choice -> getTranslation(choice.messageKey());
            case Boolean b -> getTranslation(b ? "common.yes" : "common.no");
            default -> value.toString();
        };
    }

    private static @Nullable Object valueOf(RecordComponent component, CaseTypeDetails details) {
        try {
            return component.getAccessor().invoke(details);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
