package org.protectioncases.security;

import org.protectioncases.shared.Permission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user do that?" from {@link Permission}, for method security
 * ({@code @Allowed}, SpEL {@code @access.may(...)}) and for views deciding what to show.
 */
@Component("access")
public class Access {

    private final CurrentUser currentUser;

    Access(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Method security: the authentication's roles, as {@code hasAnyRole} reads them. */
    public boolean may(Authentication authentication, Permission permission) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (permission.roles().stream().anyMatch(role -> role.authority().equals(granted.getAuthority()))) {
                return true;
            }
        }
        return false;
    }

    /** For views: may the signed-in user do this? Throws when nobody is signed in. */
    public boolean may(Permission permission) {
        return permission.allows(currentUser.require().role());
    }
}
