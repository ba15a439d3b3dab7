package org.protectioncases.security;

import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;

/**
 * A user account as the administration screens show and edit it (never the password hash).
 *
 * @param language UI language code: en, sq or sr
 * @param locked true while the account is locked after failed logins
 */
public record UserAccountDto(@Nullable Long id, String username, String fullName, @Nullable String email, Role role,
                             @Nullable Long partnerId, String language, boolean enabled, boolean locked, long version) {
}
