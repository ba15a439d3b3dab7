package org.protectioncases.security;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/** What an administrator enters to create an account, including the first password. */
public record NewUserAccount(@Required(groups = Complete.class) @Size(max = TextRules.USERNAME) @SingleLine String username,
                             @Required(groups = Complete.class) @Size(max = UserAccountDto.FULL_NAME_MAX) @SingleLine String fullName,
                             @Size(max = UserAccountDto.EMAIL_MAX) @SingleLine @Nullable String email,
                             @Required(groups = Complete.class) Role role,
                             @Nullable Long partnerId, @Size(max = UserAccountDto.LANGUAGE_MAX) @SingleLine String language,
                             @Size(max = TextRules.PASSWORD) @SingleLine String password) {
}
