package org.protectioncases.shared.validation;

import jakarta.validation.groups.Default;

/**
 * The validation group of a form's completeness rules (required fields, ranges, dates) where the
 * service has rules of its own for the same form: {@code @Required(groups = Complete.class)}. The
 * service advisor checks only the default group (sizes, characters: before any SQL); the service's
 * rules class starts its {@code FieldErrors} with {@code commandRules.check(form, Complete.class)}
 * and adds its own, so one save shows every mistake, as before these rules were annotations. It
 * also lets a draft of the form (which may be incomplete) go through with its sizes checked only.
 */
public interface Complete extends Default {
}
