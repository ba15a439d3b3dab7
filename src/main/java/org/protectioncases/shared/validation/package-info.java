/**
 * Bounds on text that reaches a service: length and control characters, checked by Bean
 * Validation before any transaction starts (see {@link org.protectioncases.shared.validation.ServiceInputValidation}).
 */
@NullMarked
package org.protectioncases.shared.validation;

import org.jspecify.annotations.NullMarked;
