package org.protectioncases.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A single sign-on (OpenID Connect) sign-in mapped to its local account: Spring's OAuth2 login
 * needs an {@link OidcUser} as principal, the app needs the {@link AppUser} (role, partner). Its
 * name is the local username, and it equals the local account's other sign-ins, so ending a user's
 * sessions finds these too.
 */
final class LocalOidcUser implements OidcUser, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AppUser user;
    private final OidcUser identity;

    LocalOidcUser(AppUser user, OidcUser identity) {
        this.user = user;
        this.identity = identity;
    }

    AppUser user() {
        return user;
    }

    @Override
    public Map<String, Object> getClaims() {
        return identity.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return identity.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return identity.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return identity.getAttributes();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.getAuthorities();
    }

    @Override
    public String getName() {
        return user.getUsername();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalOidcUser other ? user.equals(other.user) : user.equals(o);
    }

    @Override
    public int hashCode() {
        return user.hashCode();
    }

    @Override
    public String toString() {
        return "LocalOidcUser[" + user + "]";
    }
}
