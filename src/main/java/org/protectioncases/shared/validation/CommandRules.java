package org.protectioncases.shared.validation;

import jakarta.validation.Validator;
import org.protectioncases.shared.FieldErrors;
import org.springframework.stereotype.Component;

/**
 * A command's Bean Validation constraints checked on demand by the service itself: a form's
 * {@link Complete} rules, which the advisor leaves to the service so they are reported with its own
 * rules in one {@link FieldErrors}, and a command the service builds (an imported row turned into
 * the form a user would have filled), which never passes the advisor. Same keys and fields as
 * {@link ServiceInputValidation} gives.
 */
@Component
public class CommandRules {

    private final Validator validator;

    public CommandRules(Validator validator) {
        this.validator = validator;
    }

    /** The command's violations (of these groups, else the default one) as field errors (none: an empty collector). */
    public FieldErrors check(Object command, Class<?>... groups) {
        var violations = validator.validate(command, groups);
        return violations.isEmpty() ? new FieldErrors()
                : FieldErrors.startingWith(ServiceInputValidation.toFieldErrors(violations));
    }
}
