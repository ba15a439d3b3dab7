package org.protectioncases.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditService;
import org.protectioncases.shared.validation.TextRules;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a single sign-on (OpenID Connect) identity into a sign-in of an existing local account:
 * the account whose e-mail (or username, {@code app.security.oidc.account-field}) equals the
 * configured claim. No account is created; role and partner are the local account's. Unknown,
 * ambiguous, disabled and locked accounts are refused with a reason the login page explains
 * ({@code /login?sso=unknown|disabled|locked}). The sign-in carries Spring Security's factor
 * {@code FACTOR_AUTHORIZATION_CODE}; with {@code trust-mfa}, an identity provider's multi-factor
 * sign-in adds {@link SecondFactors#IDP_MFA_AUTHORITY}, else the role's second-factor rule applies
 * as after a password.
 */
@Component
class OidcSignIn {

    /** Error codes of refusals, read by the login page (the part after the prefix). */
    static final String REFUSED = "pc_";

    private final OidcSettings settings;
    private final UserAccountRepository accounts;
    private final AppUserDetailsService users;
    private final AuditService audit;
    private final TransactionTemplate tx;
    Clock clock = Clock.systemUTC();

    OidcSignIn(OidcSettings settings, UserAccountRepository accounts, AppUserDetailsService users, AuditService audit,
               PlatformTransactionManager transactions) {
        this.settings = settings;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Spring's OAuth2 login result converter (not a Converter bean, which MVC would pick up as a type converter). */
    OAuth2AuthenticationToken toLocal(OAuth2LoginAuthenticationToken result) {
        if (!(result.getPrincipal() instanceof OidcUser identity)) {
            throw refused("unknown", "single sign-on", "not an OpenID Connect identity");
        }
        Object claim = identity.getClaims().get(settings.userClaim);
        String value = claim == null ? "" : claim.toString().strip();
        String who = printable("sso:" + value);
        if (value.isEmpty() || value.length() > 254 || TextRules.firstControlCharacter(value, false) >= 0) {
            throw refused("unknown", who, "no usable claim " + settings.userClaim);
        }
        if ("email".equals(settings.userClaim) && Boolean.FALSE.equals(identity.getEmailVerified())) {
            throw refused("unknown", who, "e-mail address not verified by the identity provider");
        }
        List<UserAccount> matches = tx.execute(s -> settings.matchUsername
                ? accounts.findByUsername(value).map(List::of).orElse(List.of())
                : accounts.findByEmail(value));
        if (matches == null || matches.size() != 1) {
            throw refused("unknown", who, matches == null || matches.isEmpty() ? "no local account" : "several local accounts");
        }
        UserAccount account = matches.getFirst();
        if (!account.isEnabled()) {
            throw refused("disabled", account.getUsername(), "account disabled");
        }
        if (account.isLocked(clock.instant())) {
            throw refused("locked", account.getUsername(), "account locked");
        }
        AppUser user = users.loadUserByUsername(account.getUsername());
        user.eraseCredentials();
        boolean mfa = settings.trustMfa && providerMfa(identity);
        Collection<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                .issuedAt(clock.instant()).build());
        if (mfa) {
            authorities.add(FactorGrantedAuthority.withAuthority(SecondFactors.IDP_MFA_AUTHORITY).issuedAt(clock.instant()).build());
        }
        record(user.getUsername(), "LOGIN_SUCCESS", mfa ? "single sign-on, provider's second factor trusted" : "single sign-on");
        return new OAuth2AuthenticationToken(new LocalOidcUser(user, identity), authorities,
                result.getClientRegistration().getRegistrationId());
    }

    /** The provider says it used more than a password: an {@code amr} value or the {@code acr} configured as such. */
    private boolean providerMfa(OidcUser identity) {
        List<String> amr = identity.getAuthenticationMethods();
        if (amr != null && amr.stream().filter(Objects::nonNull).anyMatch(settings.mfaAmr::contains)) {
            return true;
        }
        String acr = identity.getAuthenticationContextClass();
        return acr != null && settings.mfaAcr.contains(acr);
    }

    private OAuth2AuthenticationException refused(String reason, String actor, String detail) {
        record(actor, "SSO_REFUSED", detail);
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED + reason), detail);
    }

    private void record(String actor, String event, @Nullable String detail) {
        tx.executeWithoutResult(s -> audit.recordSecurityEvent(actor, event, detail));
    }

    /** What the identity provider sent, as an audit actor: printable, at most a username's length. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(TextRules.USERNAME).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.length() > TextRules.USERNAME ? out.substring(0, TextRules.USERNAME) : out.toString();
    }
}
