package org.protectioncases.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business validation failure that belongs next to one or more form fields. Carries message
 * bundle keys, never rendered text, so every language gets its own message. Thrown before
 * anything is written, so the caller's data is never half-saved.
 */
public class FieldValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public FieldValidationException(Map<String, String> fieldErrors) {
        super("Invalid fields: " + fieldErrors.keySet());
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public FieldValidationException(String field, String messageKey) {
        this(Map.of(field, messageKey));
    }

    /** Field name to message bundle key. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
