package org.protectioncases.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The factors of a sign-in, read with Spring Security's multi-factor model: the password login
 * adds {@link FactorGrantedAuthority#PASSWORD_AUTHORITY}, a code from the authenticator app (or a
 * recovery code) adds {@link #TOTP_AUTHORITY}, and {@link AllRequiredFactorsAuthorizationManager}
 * decides whether a factor is there and recent enough.
 */
public final class SecondFactors {

    /** The authority of a passed authenticator-app (TOTP) or recovery code. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    /** How long a passed second factor counts as recent for sensitive steps (creating an API token). */
    public static final Duration RECENT = Duration.ofMinutes(5);

    private static final AllRequiredFactorsAuthorizationManager<Object> PASSED =
            AllRequiredFactorsAuthorizationManager.builder().requireFactor(f -> f.authority(TOTP_AUTHORITY)).build();

    private SecondFactors() {
    }

    /**
     * A sign-in by a person at the login form (it carries the password factor), as opposed to an
     * API token or work the server does itself ({@link SystemAccess}), which carry no factor.
     */
    static boolean interactive(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(FactorGrantedAuthority.PASSWORD_AUTHORITY::equals);
    }

    static boolean passed(Authentication authentication) {
        return PASSED.authorize(() -> authentication, new Object()).isGranted();
    }

    static boolean passedWithin(Authentication authentication, Duration recent, Clock clock) {
        AllRequiredFactorsAuthorizationManager<Object> manager = AllRequiredFactorsAuthorizationManager.builder()
                .requireFactor(f -> f.authority(TOTP_AUTHORITY).validDuration(recent)).build();
        manager.setClock(clock);
        return manager.authorize(() -> authentication, new Object()).isGranted();
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
