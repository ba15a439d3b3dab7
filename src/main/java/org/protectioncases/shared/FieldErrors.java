package org.protectioncases.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects field errors so a form shows all of them at once, then throws if there were any. */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, List<Object>> arguments = new LinkedHashMap<>();

    /**
     * Starts with the errors of an earlier check (a command's Bean Validation constraints, see
     * {@code shared.validation.CommandRules}), so they are reported together with the rules added here.
     */
    public static FieldErrors startingWith(FieldValidationException earlier) {
        FieldErrors errors = new FieldErrors();
        earlier.fieldErrors().forEach((field, key) -> {
            errors.errors.put(field, key);
            Object[] args = earlier.arguments(field);
            if (args.length > 0) {
                errors.arguments.put(field, List.of(args));
            }
        });
        return errors;
    }

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
            throw new FieldValidationException(errors, arguments);
        }
    }
}
