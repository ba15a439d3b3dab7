package org.protectioncases.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field errors so a form shows all of them at once, then throws if there were any. */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors rejectIf(boolean condition, String field, String messageKey) {
        if (condition) {
            errors.putIfAbsent(field, messageKey);
        }
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }
}
