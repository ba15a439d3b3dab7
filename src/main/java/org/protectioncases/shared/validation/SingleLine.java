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
 * Single-line text (names, codes, search boxes): no control character at all, not even a line
 * break, which no single-line field can produce and which only serve to forge log lines or
 * break exports. Null is valid.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default TextRules.CONTROL_CHARACTERS;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself. */
    final class Check implements ConstraintValidator<SingleLine, CharSequence> {
        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            return value == null || TextRules.firstControlCharacter(value, false) < 0;
        }
    }
}
