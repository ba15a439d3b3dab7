package org.protectioncases.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Method security by {@link Permission}: {@code @Allowed(Permission.EDIT_PEOPLE)} on a service
 * method or class. A templated {@code @PreAuthorize} (Spring Security's
 * {@code AnnotationTemplateExpressionDefaults}) asks the {@code access} bean. It passes
 * {@code getAuthentication()}, a method call, so that "no authentication" surfaces unwrapped as
 * {@code AuthenticationCredentialsNotFoundException}, as with {@code hasAnyRole} (the property
 * {@code authentication} would come out wrapped in an {@code IllegalArgumentException}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@access.may(getAuthentication(), T(org.protectioncases.shared.Permission).{value})")
public @interface Allowed {
    Permission value();
}
