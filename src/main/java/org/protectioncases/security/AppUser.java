package org.protectioncases.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user: identity, role and partner scope. Every partner-scoped query takes its
 * partner from here, never from the UI. Equality is by username so the session registry can find
 * all sessions of a user when the account is disabled.
 */
public final class AppUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String fullName;
    private final Role role;
    private final @Nullable Long partnerId;
    private final @Nullable String partnerCode;
    private final String language;
    private final boolean enabled;
    private final boolean locked;
    private final boolean secondFactorEnrolled;
    private @Nullable String passwordHash;

    AppUser(long id, String username, String fullName, Role role, @Nullable Long partnerId, @Nullable String partnerCode,
            String language, boolean enabled, boolean locked, @Nullable String passwordHash) {
        this(id, username, fullName, role, partnerId, partnerCode, language, enabled, locked, passwordHash, false);
    }

    AppUser(long id, String username, String fullName, Role role, @Nullable Long partnerId, @Nullable String partnerCode,
            String language, boolean enabled, boolean locked, @Nullable String passwordHash, boolean secondFactorEnrolled) {
        this.secondFactorEnrolled = secondFactorEnrolled;
        this.id = id;
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.partnerId = partnerId;
        this.partnerCode = partnerCode;
        this.language = language;
        this.enabled = enabled;
        this.locked = locked;
        this.passwordHash = passwordHash;
    }

    /**
     * The local account behind a sign-in's principal: the account itself (password or passkey), or
     * the account a single sign-on identity was mapped to; null for anything else.
     */
    static @Nullable AppUser of(@Nullable Object principal) {
        if (principal instanceof AppUser user) {
            return user;
        }
        return principal instanceof LocalOidcUser oidc ? oidc.user() : null;
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    /** The user's partner organisation; empty only for ADMIN. */
    public @Nullable Long partnerId() {
        return partnerId;
    }

    /**
     * Whose records the user reads: the user's partner, or null for UNHCR managers (every partner).
     * The one definition every partner-scoped service and query takes its scope from.
     *
     * @throws IllegalStateException for an account with neither (an administrator), which no
     *         partner-scoped service admits
     */
    public @Nullable Long partnerScope() {
        if (role == Role.UNHCR_MANAGER) {
            return null;
        }
        if (partnerId == null) {
            throw new IllegalStateException("no partner scope for a " + role + " account");
        }
        return partnerId;
    }

    public @Nullable String partnerCode() {
        return partnerCode;
    }

    /** Whether the account had a second factor (a confirmed authenticator or a passkey) when this sign-in began. */
    public boolean secondFactorEnrolled() {
        return secondFactorEnrolled;
    }

    public Locale preferredLocale() {
        return Locale.of(language);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppUser other && username.equalsIgnoreCase(other.username);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "AppUser[" + username + ", " + role + ", partner " + partnerCode + "]";
    }
}
