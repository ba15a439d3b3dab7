package org.protectioncases.shared.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.FieldValidationException;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationClassFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.stereotype.Service;

/**
 * Validates the parameters of every public method of the app's {@code @Service} beans
 * ({@code @Size}, {@link SingleLine}, {@link MultiLine}, and the simple form rules a command states
 * itself: {@link Required}, {@code @Min}/{@code @Max}, {@code @PastOrPresent} with a {@link RuleKeys}
 * message; cascading into records marked {@code @Valid}; the default group only: a form's
 * {@link Complete} rules are its service's to check, with its own) and turns violations into a
 * {@link FieldValidationException} keyed by the parameter or record component name, so forms show
 * them next to the field.
 *
 * <p>Why an advisor of our own rather than Spring's {@code MethodValidationPostProcessor}: that
 * one appends its interceptor after the proxy's existing ones, i.e. inside the transaction, when a
 * pooled connection is already taken. This advisor is ordered after method security (a caller
 * without the role learns nothing about the input rules) and before the transaction interceptor
 * (order {@code LOWEST_PRECEDENCE}), so refused input costs no connection and no SQL.
 * {@code ServiceInputValidationIT} checks both the order and that no statement runs.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceInputValidation {

    /** After Spring Security's method interceptors (100..800), well before transactions. */
    public static final int ORDER = 1_000;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor serviceInputValidationAdvisor(ObjectProvider<Validator> validator) {
        ClassFilter appServices = new AnnotationClassFilter(Service.class, true)::matches;
        ClassFilter ours = type -> type.getName().startsWith("org.protectioncases.");
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new ComposablePointcut(appServices).intersection(ours), new Interceptor(validator));
        advisor.setOrder(ORDER);
        return advisor;
    }

    /**
     * Date constraints ({@code @PastOrPresent}) read "today" from the application's {@link Clock},
     * as the services' own date rules do, so a test with a fixed clock moves both.
     */
    @Bean
    static ValidationConfigurationCustomizer applicationClockForDateConstraints(ObjectProvider<Clock> clock) {
        return configuration -> configuration.clockProvider(clock::getObject);
    }

    /** The interceptor: validate, refuse with field errors, or go on to the transaction. */
    static final class Interceptor implements MethodInterceptor {

        private final ObjectProvider<Validator> validatorProvider;
        private volatile @Nullable Validator validator;

        Interceptor(ObjectProvider<Validator> validatorProvider) {
            this.validatorProvider = validatorProvider;
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            Object target = invocation.getThis();
            Object[] args = invocation.getArguments();
            if (target != null && args.length > 0) {
                Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), target.getClass());
                Set<ConstraintViolation<Object>> violations = validator().forExecutables().validateParameters(target, method, args);
                if (!violations.isEmpty()) {
                    throw toFieldErrors(violations);
                }
            }
            return invocation.proceed();
        }

        private Validator validator() {
            Validator v = validator;
            if (v == null) {
                v = validatorProvider.getObject();
                validator = v;
            }
            return v;
        }
    }

    /**
     * One error per field, the first by {@link #rank}: "too long" wins over "control characters" (it
     * is what the form can show), which wins over "required" and the field's own format or range
     * rules (the bounds are what every text field has, and what the tests of them expect).
     */
    static FieldValidationException toFieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, List<Object>> arguments = new LinkedHashMap<>();
        violations.stream()
                .sorted(Comparator.comparingInt(ServiceInputValidation::rank).thenComparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String field = fieldOf(v.getPropertyPath());
                    if (keys.containsKey(field)) {
                        return;
                    }
                    if (isSize(v)) {
                        keys.put(field, v.getInvalidValue() instanceof Collection<?> ? TextRules.TOO_MANY : TextRules.TOO_LONG);
                        arguments.put(field, List.of(v.getConstraintDescriptor().getAttributes().get("max")));
                    } else {
                        keys.put(field, messageKey(v));
                    }
                });
        return new FieldValidationException(keys, arguments);
    }

    /** Size, then control characters, then "required", then the rest. */
    private static int rank(ConstraintViolation<?> v) {
        return switch (v.getConstraintDescriptor().getAnnotation()) {
            case Size s -> 0;
            case SingleLine l -> 1;
            case MultiLine l -> 1;
            case Required r -> 2;
            default -> 3;
        };
    }

    private static boolean isSize(ConstraintViolation<?> v) {
        return v.getConstraintDescriptor().getAnnotation() instanceof Size;
    }

    /** Our constraints carry a bundle key as their message; Jakarta's defaults ("{jakarta...}") do not. */
    private static String messageKey(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        return template.startsWith("{") ? "validation.invalid" : template;
    }

    /**
     * The form field a violation belongs to: the innermost parameter or record component name
     * ({@code register.form.familyName} gives {@code familyName}); for a value in a map of
     * fields (case type details) the map key, which is that field's name.
     */
    static String fieldOf(Path path) {
        String field = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.PROPERTY) {
                field = node.getName();
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getKey() instanceof String key
                    && "<map value>".equals(node.getName()) && key.length() <= TextRules.KEY
                    && TextRules.firstControlCharacter(key, false) < 0) {
                field = key;
            }
        }
        return field;
    }
}
