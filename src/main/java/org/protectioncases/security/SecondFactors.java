package org.protectioncases.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The factors of a sign-in, read with Spring Security's multi-factor model. First steps: the
 * password login adds {@link FactorGrantedAuthority#PASSWORD_AUTHORITY}, single sign-on (OpenID
 * Connect) {@link FactorGrantedAuthority#AUTHORIZATION_CODE_AUTHORITY}. Second factors: a code
 * from the authenticator app (or a recovery code) adds {@link #TOTP_AUTHORITY}, a passkey
 * {@link #WEBAUTHN_AUTHORITY} (which also signs in on its own from the login page), an identity
 * provider's multi-factor sign-in, where trusted, {@link #IDP_MFA_AUTHORITY}.
 * {@link AllRequiredFactorsAuthorizationManager} decides whether a factor is there and recent enough.
 */
public final class SecondFactors {

    /** The authority of a passed authenticator-app (TOTP) or recovery code. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    /** The authority of a passed passkey (Spring Security's WebAuthn factor). */
    public static final String WEBAUTHN_AUTHORITY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;
    /** The identity provider said the user passed its own second factor, and this app is set to trust it. */
    public static final String IDP_MFA_AUTHORITY = "FACTOR_IDP_MFA";
    /** How long a passed second factor counts as recent for sensitive steps (creating an API token). */
    public static final Duration RECENT = Duration.ofMinutes(5);

    private static final List<String> FIRST_STEPS = List.of(FactorGrantedAuthority.PASSWORD_AUTHORITY,
            FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, WEBAUTHN_AUTHORITY);
    private static final List<String> SECOND_FACTORS = List.of(TOTP_AUTHORITY, WEBAUTHN_AUTHORITY, IDP_MFA_AUTHORITY);

    /** Asked on every service call (SecondFactorPolicy.missing): built once. */
    private static final List<AllRequiredFactorsAuthorizationManager<Object>> PASSED = SECOND_FACTORS.stream()
            .map(factor -> AllRequiredFactorsAuthorizationManager.builder().requireFactor(f -> f.authority(factor)).build())
            .toList();

    private SecondFactors() {
    }

    /**
     * A sign-in by a person (password, single sign-on or passkey), as opposed to an API token or
     * work the server does itself ({@link SystemAccess}), which carry no such factor.
     */
    static boolean interactive(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(FIRST_STEPS::contains);
    }

    static boolean passed(Authentication authentication) {
        return PASSED.stream().anyMatch(manager -> manager.authorize(() -> authentication, new Object()).isGranted());
    }

    static boolean passedWithin(Authentication authentication, Duration recent, Clock clock) {
        return SECOND_FACTORS.stream().anyMatch(factor -> {
            AllRequiredFactorsAuthorizationManager<Object> manager = AllRequiredFactorsAuthorizationManager.builder()
                    .requireFactor(f -> f.authority(factor).validDuration(recent)).build();
            manager.setClock(clock);
            return manager.authorize(() -> authentication, new Object()).isGranted();
        });
    }

    /** The same sign-in with the second factor added, issued now (Spring Security's Authentication.Builder). */
    static Authentication withSecondFactor(Authentication authentication, Clock clock) {
        FactorGrantedAuthority factor = FactorGrantedAuthority.withAuthority(TOTP_AUTHORITY).issuedAt(clock.instant()).build();
        return authentication.toBuilder()
                .authorities(all -> {
                    all.removeIf(a -> TOTP_AUTHORITY.equals(a.getAuthority()));
                    all.add(factor);
                })
                .build();
    }
}
