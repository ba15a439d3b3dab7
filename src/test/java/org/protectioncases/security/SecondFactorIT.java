package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.apitokens.ApiTokenService;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The second factor against the real database and the real authentication manager: what a
 * password-only sign-in may do, enrolment, codes and recovery codes used once, the lockout, the
 * administrator's reset, and the fresh factor that creating an API token needs.
 */
@SpringBootTest
class SecondFactorIT {

    static final String PASSWORD = "olive-bridge-Peja-2031";

    @Autowired
    SecondFactorService secondFactor;
    @Autowired
    SecondFactorPolicy policy;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AuthenticationManager authenticationManager;
    @Autowired
    SessionRegistry sessionRegistry;
    @Autowired
    SessionTerminator sessionTerminator;
    @Autowired
    AppUserDetailsService userDetails;
    @Autowired
    SystemAccess system;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    /** The strategy method security reads (Vaadin's, once a browser test has set it up), as CurrentUser uses it. */
    @Autowired
    org.springframework.beans.factory.ObjectProvider<org.springframework.security.core.context.SecurityContextHolderStrategy> strategies;

    private org.springframework.security.core.context.SecurityContextHolderStrategy contexts() {
        return strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @AfterEach
    void restorePolicyAndContext() {
        jdbc.sql("delete from second_factor_policy").update();
        policy.reload();
        contexts().clearContext();
    }

    private UserAccountDto newManager() {
        String name = "mfa." + UUID.randomUUID().toString().substring(0, 8);
        return system.runAsAdmin(() -> accounts.create(new NewUserAccount(name, "Test Manager", null, Role.UNHCR_MANAGER,
                partners.findByCode("UNHCR").orElseThrow().id(), "en", PASSWORD)));
    }

    private Authentication signIn(String username) {
        return authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, PASSWORD));
    }

    /** Runs as this sign-in and returns what the sign-in became (a passed factor is added to it). */
    private <T> T as(Authentication[] signIn, Supplier<T> work) {
        var context = contexts().createEmptyContext();
        context.setAuthentication(signIn[0]);
        contexts().setContext(context);
        try {
            return work.get();
        } finally {
            signIn[0] = contexts().getContext().getAuthentication();
            contexts().clearContext();
        }
    }

    private static String currentCode(String secret) {
        return Totp.code(Base32.decode(secret), Totp.step(Instant.now()));
    }

    private static String codeAt(String secret, long stepOffset) {
        return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + stepOffset);
    }

    /** Enrols an authenticator for the user; returns its secret and the recovery codes. */
    private record Enrolled(String secret, List<String> recoveryCodes) {
    }

    private Enrolled enrol(String username) {
        Authentication[] session = {signIn(username)};
        TotpEnrolment enrolment = as(session, secondFactor::startEnrolment);
        // A code from the previous step: the later tests can still use the current one.
        List<String> codes = as(session, () -> secondFactor.confirmEnrolment(codeAt(enrolment.secret(), -1)));
        assertThat(codes).hasSize(SecondFactorService.RECOVERY_CODES);
        return new Enrolled(enrolment.secret(), codes);
    }

    private static boolean hasFactor(Authentication a, String factor) {
        return a.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(factor::equals);
    }

    @Test
    void aPasswordSignInOfARoleThatRequiresTheSecondFactorMayDoNothingElseUntilItEnrols() {
        UserAccountDto manager = newManager();
        system.runAsAdmin(() -> {
            secondFactor.setRequired(Role.UNHCR_MANAGER, true);
            return null;
        });
        Authentication[] session = {signIn(manager.username())};
        assertThat(hasFactor(session[0], FactorGrantedAuthority.PASSWORD_AUTHORITY)).as("the password factor").isTrue();
        assertThat(policy.missing(session[0])).isTrue();
        assertThatThrownBy(() -> as(session, tokens::list)).isInstanceOf(AccessDeniedException.class);
        SecondFactorStatus status = as(session, secondFactor::status);
        assertThat(status.required()).isTrue();
        assertThat(status.enrolled()).isFalse();

        TotpEnrolment enrolment = as(session, secondFactor::startEnrolment);
        assertThat(enrolment.qrCodeDataUrl()).startsWith("data:image/svg+xml;base64,");
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/").contains("secret=" + enrolment.secret().replace(" ", ""));
        String stored = jdbc.sql("select totp_secret from second_factor where user_id = :id").param("id", manager.id())
                .query(String.class).single();
        assertThat(stored).as("stored encrypted").doesNotContain(enrolment.secret().replace(" ", ""));

        assertThat(as(session, () -> secondFactor.confirmEnrolment("000000"))).as("a wrong first code").isEmpty();
        List<String> recovery = as(session, () -> secondFactor.confirmEnrolment(currentCode(enrolment.secret())));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(jdbc.sql("select code_hash from recovery_code where user_id = :id").param("id", manager.id())
                .query(String.class).list()).hasSize(10).allMatch(h -> h.startsWith("{bcrypt}"));
        assertThat(hasFactor(session[0], SecondFactors.TOTP_AUTHORITY)).as("enrolling passes the factor").isTrue();
        assertThat(as(session, tokens::list)).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'SECOND_FACTOR_ENROLLED'")
                .param("u", manager.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeAndARecoveryCodeWorkOnceEach() {
        UserAccountDto manager = newManager();
        Enrolled enrolled = enrol(manager.username());

        Authentication[] first = {signIn(manager.username())};
        assertThat(policy.missing(first[0])).as("enrolled: asked even where the role does not require it").isTrue();
        assertThatThrownBy(() -> as(first, secondFactor::startEnrolment)).as("no second authenticator over the first")
                .isInstanceOf(AccessDeniedException.class);
        String code = currentCode(enrolled.secret());
        assertThat(as(first, () -> secondFactor.verify(code))).isEqualTo(SecondFactorCheck.PASSED);
        assertThat(policy.missing(first[0])).isFalse();

        Authentication[] second = {signIn(manager.username())};
        assertThat(as(second, () -> secondFactor.verify(code))).as("the same code again").isEqualTo(SecondFactorCheck.WRONG);
        String recovery = enrolled.recoveryCodes().get(3);
        assertThat(as(second, () -> secondFactor.verify(recovery.toUpperCase()))).isEqualTo(SecondFactorCheck.PASSED);

        Authentication[] third = {signIn(manager.username())};
        assertThat(as(third, () -> secondFactor.verify(recovery))).as("a used recovery code").isEqualTo(SecondFactorCheck.WRONG);
        assertThat(as(third, () -> secondFactor.verify(enrolled.recoveryCodes().get(4)))).isEqualTo(SecondFactorCheck.PASSED);
        assertThat(as(third, secondFactor::status).recoveryCodesLeft()).isEqualTo(8);
        List<String> fresh = as(third, secondFactor::regenerateRecoveryCodes);
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        Authentication[] fourth = {signIn(manager.username())};
        assertThat(as(fourth, () -> secondFactor.verify(enrolled.recoveryCodes().get(5)))).as("replaced").isEqualTo(SecondFactorCheck.WRONG);
    }

    @Test
    void wrongCodesCountTowardTheLockoutAndAPasswordDoesNotClearThem() {
        UserAccountDto manager = newManager();
        enrol(manager.username());
        Authentication[] session = {signIn(manager.username())};
        assertThat(as(session, () -> secondFactor.verify("000000"))).isEqualTo(SecondFactorCheck.WRONG);
        assertThat(as(session, () -> secondFactor.verify("not-a-code1"))).isEqualTo(SecondFactorCheck.WRONG);
        // Signing in again with the right password must not buy more guesses.
        Authentication[] again = {signIn(manager.username())};
        assertThat(jdbc.sql("select failed_attempts from user_account where id = :id").param("id", manager.id())
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(as(again, () -> secondFactor.verify("111111"))).isEqualTo(SecondFactorCheck.WRONG);
        assertThat(as(again, () -> secondFactor.verify("222222"))).isEqualTo(SecondFactorCheck.WRONG);
        assertThat(as(again, () -> secondFactor.verify("333333"))).as("the fifth failure").isEqualTo(SecondFactorCheck.LOCKED);
        assertThatThrownBy(() -> signIn(manager.username())).isInstanceOf(LockedException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'SECOND_FACTOR_FAILED'")
                .param("u", manager.username()).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'ACCOUNT_LOCKED'")
                .param("u", manager.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdministratorsResetEndsTheUsersSessionsAndTheUserEnrolsAgain() {
        UserAccountDto manager = newManager();
        enrol(manager.username());
        MockHttpSession open = new MockHttpSession();
        sessionTerminator.sessionCreated(new jakarta.servlet.http.HttpSessionEvent(open));
        sessionRegistry.registerNewSession(open.getId(), userDetails.loadUserByUsername(manager.username()));

        system.runAsAdmin(() -> {
            assertThat(secondFactor.enrolled(manager.id())).isTrue();
            secondFactor.reset(manager.id());
            return null;
        });

        assertThat(open.isInvalid()).as("the open session ended").isTrue();
        assertThat(userDetails.loadUserByUsername(manager.username()).secondFactorEnrolled()).isFalse();
        assertThat(jdbc.sql("select count(*) from recovery_code where user_id = :id").param("id", manager.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SECOND_FACTOR_RESET' and entity_id = :id")
                .param("id", String.valueOf(manager.id())).query(Long.class).single()).isEqualTo(1);
        Authentication[] next = {signIn(manager.username())};
        assertThat(as(next, secondFactor::status).enrolled()).isFalse();
        assertThat(as(next, secondFactor::startEnrolment).secret()).isNotBlank();
    }

    @Autowired
    PasskeyService passkeys;

    /** A passkey row as Spring Security's JDBC store writes it (the ceremony itself is proved in the browser journey). */
    private String addPasskey(String username, String label) {
        byte[] userId = new byte[32];
        new java.security.SecureRandom().nextBytes(userId);
        byte[] id = new byte[16];
        new java.security.SecureRandom().nextBytes(id);
        // Base64url without padding, as Spring Security's store writes user handles and credential ids.
        String handle = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(userId);
        String credential = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        jdbc.sql("insert into user_entities (id, name, display_name) values (:id, :name, :name)")
                .param("id", handle).param("name", username).update();
        jdbc.sql("""
                        insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count, uv_initialized,
                                                      backup_eligible, backup_state, authenticator_transports,
                                                      public_key_credential_type, created, last_used, label)
                        values (:c, :h, '\\x00'::bytea, 0, true, false, false, 'internal', 'public-key', now(), now(), :label)""")
                .param("c", credential).param("h", handle).param("label", label).update();
        return credential;
    }

    @Test
    void aPasskeyIsASecondFactorAndAnAdministratorsResetRemovesIt() {
        UserAccountDto manager = newManager();
        addPasskey(manager.username(), "Phone");
        assertThat(userDetails.loadUserByUsername(manager.username()).secondFactorEnrolled())
                .as("a passkey alone makes the second factor owed at a password sign-in").isTrue();
        Authentication[] session = {signIn(manager.username())};
        assertThat(policy.missing(session[0])).isTrue();
        SecondFactorStatus status = as(session, secondFactor::status);
        assertThat(status.passkey()).isTrue();
        assertThat(status.enrolled()).as("no authenticator app").isFalse();
        assertThatThrownBy(() -> as(session, passkeys::mine)).as("managing passkeys needs the second factor first")
                .isInstanceOf(AccessDeniedException.class);

        system.runAsAdmin(() -> {
            secondFactor.reset(manager.id());
            return null;
        });
        assertThat(jdbc.sql("select count(*) from user_entities where name = :u").param("u", manager.username())
                .query(Long.class).single()).isZero();
        assertThat(userDetails.loadUserByUsername(manager.username()).secondFactorEnrolled()).isFalse();
    }

    @Test
    void aPasskeyOfAnotherAccountIsNeitherListedNorRemoved() {
        UserAccountDto owner = newManager();
        String credential = addPasskey(owner.username(), "Owner's key");
        UserAccountDto other = newManager();
        Authentication[] session = {signIn(other.username())};

        assertThat(as(session, passkeys::mine)).isEmpty();
        assertThatThrownBy(() -> as(session, () -> {
            passkeys.remove(credential);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from user_credentials where credential_id = :c").param("c", credential)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Autowired
    PasskeySignIn passkeySignIn;

    /**
     * A passkey assertion as the browser posts it to {@code /login/webauthn}, naming the stored
     * credential, but not made by its key (the signature is random): WebAuthn4J refuses it.
     */
    @SuppressWarnings("unchecked") // PublicKeyCredential.builder() returns a raw PublicKeyCredentialBuilder (Spring Security 7)
    private static org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken wrongAssertion(String credentialId)
            throws java.security.NoSuchAlgorithmException {
        var challenge = org.springframework.security.web.webauthn.api.Bytes.random();
        var options = org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions.builder()
                .challenge(challenge).rpId("localhost").allowCredentials(List.of()).timeout(Duration.ofMinutes(5))
                .userVerification(org.springframework.security.web.webauthn.api.UserVerificationRequirement.PREFERRED).build();
        String clientData = "{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge.toBase64UrlString()
                + "\",\"origin\":\"http://localhost\",\"crossOrigin\":false}";
        byte[] authenticatorData = new byte[37];
        System.arraycopy(java.security.MessageDigest.getInstance("SHA-256").digest("localhost".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                0, authenticatorData, 0, 32);
        authenticatorData[32] = 0x05; // user present and verified
        var response = org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse.builder()
                .authenticatorData(new org.springframework.security.web.webauthn.api.Bytes(authenticatorData))
                .clientDataJSON(new org.springframework.security.web.webauthn.api.Bytes(clientData.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .signature(org.springframework.security.web.webauthn.api.Bytes.random()).build();
        var credential = org.springframework.security.web.webauthn.api.PublicKeyCredential.<org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse>builder()
                .id(credentialId).rawId(org.springframework.security.web.webauthn.api.Bytes.fromBase64(credentialId))
                .type(org.springframework.security.web.webauthn.api.PublicKeyCredentialType.PUBLIC_KEY).response(response)
                .clientExtensionResults(new org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientOutputs())
                .build();
        return new org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken(
                new org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest(options, credential));
    }

    private int failedAttempts(long userId) {
        return jdbc.sql("select failed_attempts from user_account where id = :id").param("id", userId).query(Integer.class).single();
    }

    @Test
    void wrongPasskeysCountTowardTheLockoutOfTheirAccountAndTheFifthEndsItsSessions() throws Exception {
        UserAccountDto owner = newManager();
        String credential = addPasskey(owner.username(), "Phone");
        MockHttpSession open = new MockHttpSession();
        sessionTerminator.sessionCreated(new jakarta.servlet.http.HttpSessionEvent(open));
        sessionRegistry.registerNewSession(open.getId(), userDetails.loadUserByUsername(owner.username()));

        // From the login page (nobody signed in): the failure counts for the passkey's owner.
        for (int i = 1; i <= 4; i++) {
            var attempt = wrongAssertion(credential);
            assertThatThrownBy(() -> passkeySignIn.authenticate(attempt))
                    .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
        }
        assertThat(failedAttempts(owner.id())).isEqualTo(4);
        assertThat(open.isInvalid()).as("not locked yet").isFalse();
        var fifth = wrongAssertion(credential);
        assertThatThrownBy(() -> passkeySignIn.authenticate(fifth))
                .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(owner.username())).as("locked: the right password is refused too").isInstanceOf(LockedException.class);
        assertThat(open.isInvalid()).as("the lock ended the open session").isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'PASSKEY_FAILED'")
                .param("u", owner.username()).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'ACCOUNT_LOCKED'")
                .param("u", owner.username()).query(Long.class).single()).isEqualTo(1);

        // On a half-done sign-in, a wrong passkey is a wrong second factor of that sign-in's account.
        UserAccountDto other = newManager();
        addPasskey(other.username(), "Laptop");
        Authentication[] session = {signIn(other.username())};
        var attempt = wrongAssertion(credential);
        assertThatThrownBy(() -> as(session, () -> passkeySignIn.authenticate(attempt)))
                .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
        assertThat(failedAttempts(other.id())).isEqualTo(1);

        // A passkey nobody has stored names no account: audited, counted for nobody.
        var unknown = wrongAssertion(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]));
        assertThatThrownBy(() -> passkeySignIn.authenticate(unknown))
                .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
        assertThat(failedAttempts(other.id())).isEqualTo(1);
    }

    @Test
    void changingTheRoleRequirementIsAuditedAndOnlyAnAdministratorMayDoIt() {
        system.runAsAdmin(() -> {
            secondFactor.setRequired(Role.PARTNER_LAWYER, true);
            assertThat(secondFactor.policy()).containsEntry(Role.PARTNER_LAWYER, true).containsEntry(Role.PROTECTION_MONITOR, false);
            return null;
        });
        assertThat(policy.requiredFor(Role.PARTNER_LAWYER)).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SECOND_FACTOR_POLICY' and details like 'PARTNER_LAWYER%'")
                .query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> system.runAs(Role.UNHCR_MANAGER, null, () -> {
            secondFactor.setRequired(Role.ADMIN, false);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void creatingAnApiTokenNeedsASecondFactorPassedInTheLastFiveMinutes() {
        UserAccountDto manager = newManager();
        Enrolled enrolled = enrol(manager.username());
        LocalDate expiry = LocalDate.now().plusDays(30);

        Authentication[] passwordOnly = {signIn(manager.username())};
        assertThatThrownBy(() -> as(passwordOnly, () -> tokens.create(manager.id(), "no factor", expiry)))
                .isInstanceOf(AccessDeniedException.class);

        Authentication tenMinutesAgo = SecondFactors.withSecondFactor(signIn(manager.username()),
                Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        Authentication[] stale = {tenMinutesAgo};
        assertThat(as(stale, secondFactor::recentSecondFactorNeeded)).isTrue();
        assertThatThrownBy(() -> as(stale, () -> tokens.create(manager.id(), "stale factor", expiry)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(as(stale, () -> secondFactor.verify(currentCode(enrolled.secret())))).isEqualTo(SecondFactorCheck.PASSED);
        assertThat(as(stale, secondFactor::recentSecondFactorNeeded)).isFalse();
        assertThat(as(stale, () -> tokens.create(manager.id(), "fresh factor", expiry)).secret()).startsWith("pc_");
    }
}
