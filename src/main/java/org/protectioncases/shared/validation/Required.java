package org.protectioncases.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * A field the user must fill: not null; text not blank by {@link String#isBlank()} (the services
 * {@code strip()} what they store, so text of Unicode spaces only counts as empty; Jakarta's
 * {@code @NotBlank} trims only ASCII spaces); a collection not empty. Message: {@code validation.required}.
 */
@Documented
@Constraint(validatedBy = {Required.Present.class, Required.Text.class, Required.Items.class})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Required {

    String message() default RuleKeys.REQUIRED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Any value: present. */
    final class Present implements ConstraintValidator<Required, Object> {
        @Override
        public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
            return value != null;
        }
    }

    /** Text: something besides white space. */
    final class Text implements ConstraintValidator<Required, CharSequence> {
        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            return value != null && !value.toString().isBlank();
        }
    }

    /** A list or set: at least one. */
    final class Items implements ConstraintValidator<Required, Collection<?>> {
        @Override
        public boolean isValid(@Nullable Collection<?> value, ConstraintValidatorContext context) {
            return value != null && !value.isEmpty();
        }
    }
}
