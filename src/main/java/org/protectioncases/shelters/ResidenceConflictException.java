package org.protectioncases.shelters;

import java.time.LocalDate;
import org.protectioncases.shared.FieldValidationException;

/**
 * The person lives (or will have lived) in another shelter during the requested stay. A field
 * error on {@code person}; carries the shelter so the page can name it.
 */
public class ResidenceConflictException extends FieldValidationException {

    public static final String MESSAGE_KEY = "shelter.validation.livesElsewhere";

    private final String shelterName;
    private final LocalDate since;

    public ResidenceConflictException(String shelterName, LocalDate since) {
        super("person", MESSAGE_KEY);
        this.shelterName = shelterName;
        this.since = since;
    }

    public String shelterName() {
        return shelterName;
    }

    public LocalDate since() {
        return since;
    }
}
