package org.protectioncases.security;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.validation.Complete;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * A user account as the administration screens show and edit it (never the password hash).
 *
 * @param language UI language code: en, sq or sr
 * @param locked true while the account is locked after failed logins
 */
public record UserAccountDto(@Nullable Long id, @Size(max = TextRules.USERNAME) @SingleLine String username,
                             @Required(groups = Complete.class) @Size(max = FULL_NAME_MAX) @SingleLine String fullName,
                             @Size(max = EMAIL_MAX) @SingleLine @Nullable String email, @Required(groups = Complete.class) Role role,
                             @Nullable Long partnerId, @Size(max = LANGUAGE_MAX) @SingleLine String language,
                             boolean enabled, boolean locked, long version) {

    // Column sizes of user_account (db-changelog/security); the user form uses the same constants.
    public static final int FULL_NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int LANGUAGE_MAX = 8;
}
