package org.protectioncases.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.protectioncases.shared.FieldValidationException;

/** Puts a service's field errors next to the fields they belong to, in the user's language. */
public final class FormErrors {

    private FormErrors() {
    }

    /** Clears old errors, marks the failing fields and focuses the first one. */
    public static void show(FieldValidationException e, Map<String, ? extends HasValidation> fields, Component translator) {
        clear(fields);
        boolean focused = false;
        for (var entry : e.fieldErrors().entrySet()) {
            HasValidation field = fields.get(entry.getKey());
            if (field == null) {
                continue;
            }
            field.setErrorMessage(translator.getTranslation(entry.getValue(), e.arguments(entry.getKey())));
            field.setInvalid(true);
            if (!focused && field instanceof Focusable<?> f) {
                f.focus();
                focused = true;
            }
        }
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }
}
