package org.protectioncases.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business validation failure that belongs next to one or more form fields. Carries message
 * bundle keys, never rendered text, so every language gets its own message. Thrown before
 * anything is written, so the caller's data is never half-saved.
 */
public class FieldValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;
    private final Map<String, List<Object>> arguments;

    public FieldValidationException(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    /** With message arguments per field (e.g. the maximum length), for keys whose text has {0}. */
    public FieldValidationException(Map<String, String> fieldErrors, Map<String, List<Object>> arguments) {
        super("Invalid fields: " + fieldErrors.keySet());
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public FieldValidationException(String field, String messageKey) {
        this(Map.of(field, messageKey));
    }

    /** Field name to message bundle key. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The message arguments of a field's error; none for most keys. */
    public Object[] arguments(String field) {
        return arguments.getOrDefault(field, List.of()).toArray();
    }
}
