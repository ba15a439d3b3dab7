package org.protectioncases.apitokens;

import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;

/** An account that may hold a reporting token: an enabled UNHCR manager or partner coordinator. */
public record TokenOwner(long id, String username, String fullName, Role role, @Nullable String partnerCode) {
}
