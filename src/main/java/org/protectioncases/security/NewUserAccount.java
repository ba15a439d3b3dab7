package org.protectioncases.security;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/** What an administrator enters to create an account, including the first password. */
public record NewUserAccount(@Size(max = TextRules.USERNAME) @SingleLine String username,
                             @Size(max = UserAccountDto.FULL_NAME_MAX) @SingleLine String fullName,
                             @Size(max = UserAccountDto.EMAIL_MAX) @SingleLine @Nullable String email, Role role,
                             @Nullable Long partnerId, @Size(max = UserAccountDto.LANGUAGE_MAX) @SingleLine String language,
                             @Size(max = TextRules.PASSWORD) @SingleLine String password) {
}
