package org.protectioncases.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Single sign-on over OpenID Connect ({@code app.security.oidc.*}): switched on by an issuer URL.
 * A signed-in identity maps to an existing local account whose {@code account-field} (e-mail, or
 * username) equals the identity's {@code user-claim}; no account is ever created. With
 * {@code trust-mfa}, an identity provider's multi-factor sign-in ({@code amr} holding one of
 * {@code mfa-amr}, or {@code acr} one of {@code mfa-acr}) counts as the second factor.
 */
@Component
class OidcSettings {

    final String issuerUri;
    final String clientId;
    final String clientSecret;
    final String displayName;
    final String userClaim;
    final boolean matchUsername;
    final boolean trustMfa;
    final Set<String> mfaAmr;
    final Set<String> mfaAcr;

    OidcSettings(@Value("${app.security.oidc.issuer-uri:}") String issuerUri,
                 @Value("${app.security.oidc.client-id:}") String clientId,
                 @Value("${app.security.oidc.client-secret:}") String clientSecret,
                 @Value("${app.security.oidc.display-name:}") String displayName,
                 @Value("${app.security.oidc.user-claim:email}") String userClaim,
                 @Value("${app.security.oidc.account-field:email}") String accountField,
                 @Value("${app.security.oidc.trust-mfa:false}") boolean trustMfa,
                 @Value("${app.security.oidc.mfa-amr:mfa,otp,hwk}") String mfaAmr,
                 @Value("${app.security.oidc.mfa-acr:}") String mfaAcr) {
        this.issuerUri = issuerUri.strip();
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret;
        this.displayName = displayName.strip();
        this.userClaim = userClaim.strip();
        this.matchUsername = "username".equalsIgnoreCase(accountField.strip());
        this.trustMfa = trustMfa;
        this.mfaAmr = list(mfaAmr);
        this.mfaAcr = list(mfaAcr);
    }

    boolean enabled() {
        return !issuerUri.isEmpty();
    }

    private static Set<String> list(String values) {
        return Arrays.stream(values.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
