package org.protectioncases.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * Multi-line text (notes, findings, reasons typed in a text area): tab, line feed and carriage
 * return are allowed, every other control character is refused. Null is valid.
 */
@Documented
@Constraint(validatedBy = MultiLine.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface MultiLine {

    String message() default TextRules.CONTROL_CHARACTERS;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself. */
    final class Check implements ConstraintValidator<MultiLine, CharSequence> {
        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            return value == null || TextRules.firstControlCharacter(value, true) < 0;
        }
    }
}
