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
    private final SecondFactorPolicy secondFactor;

    Access(CurrentUser currentUser, SecondFactorPolicy secondFactor) {
        this.currentUser = currentUser;
        this.secondFactor = secondFactor;
    }

    /**
     * Method security: the authentication's roles, as {@code hasAnyRole} reads them. A sign-in that
     * still owes its second factor may do nothing but pass it ({@link Permission#PASS_SECOND_FACTOR}).
     */
    public boolean may(Authentication authentication, Permission permission) {
        if (permission != Permission.PASS_SECOND_FACTOR && secondFactor.missing(authentication)) {
            return false;
        }
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
