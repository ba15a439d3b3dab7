package org.protectioncases.shared.validation;

/**
 * Message keys of the common form rules, for the {@code message} of Bean Validation annotations on
 * commands ({@code @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE)}): the key is what
 * {@link ServiceInputValidation} puts next to the field, so a constraint and the hand-written
 * service check it replaced show the same text.
 */
public final class RuleKeys {

    /** An empty field that must be filled. */
    public static final String REQUIRED = "validation.required";
    /** A date after today ({@code @PastOrPresent}; "today" by the application's {@code Clock}). */
    public static final String NOT_IN_FUTURE = "validation.notInFuture";

    private RuleKeys() {
    }
}
