package org.protectioncases.security;

import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;

/** What an administrator enters to create an account, including the first password. */
public record NewUserAccount(String username, String fullName, @Nullable String email, Role role,
                             @Nullable Long partnerId, String language, String password) {
}
