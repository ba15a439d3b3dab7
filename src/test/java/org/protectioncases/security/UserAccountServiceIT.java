package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
class UserAccountServiceIT {

    static final String GOOD_PASSWORD = "olive-bridge-Peja-2031";

    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
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

    private static String uniqueName() {
        return "user." + UUID.randomUUID().toString().substring(0, 8);
    }

    private long partnerId(String code) {
        return system.runAsAdmin(() -> partners.findByCode(code).orElseThrow().id());
    }

    private long userCount() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single();
    }

    private UserAccountDto createLawyer(String username) {
        return accounts.create(new NewUserAccount(username, "Test Lawyer", "t@example.org", Role.PARTNER_LAWYER,
                partnerId("CRPK"), "sq", GOOD_PASSWORD));
    }

    @Test
    @WithUserDetails("admin")
    void createsAnAccountWithAHashedPasswordAndItCanSignIn() {
        String name = uniqueName();
        UserAccountDto created = createLawyer(name);
        assertThat(created.role()).isEqualTo(Role.PARTNER_LAWYER);
        String hash = jdbc.sql("select password_hash from user_account where id = :id").param("id", created.id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(GOOD_PASSWORD);

        Authentication auth = authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, GOOD_PASSWORD));
        AppUser user = (AppUser) auth.getPrincipal();
        assertThat(user.partnerCode()).isEqualTo("CRPK");
        // Spring Security 7 adds a FACTOR_PASSWORD authority; the only role is the account's.
        assertThat(auth.getAuthorities()).extracting(a -> a.getAuthority()).filteredOn(a -> a.startsWith("ROLE_"))
                .containsExactly("ROLE_PARTNER_LAWYER");
    }

    @Test
    @WithUserDetails("admin")
    void invalidInputIsReportedPerFieldAndNothingIsSaved() {
        long before = userCount();
        assertThatThrownBy(() -> accounts.create(new NewUserAccount("Lawyer.CRPK", " ", "not-an-email", Role.PARTNER_LAWYER,
                null, "en", "short")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("username", "user.validation.usernameTaken")
                        .containsEntry("fullName", "validation.required")
                        .containsEntry("email", "user.validation.email")
                        .containsEntry("partner", "user.validation.partnerRequired")
                        .containsEntry("password", "password.validation.tooShort"));
        // Nothing typed but spaces, no role: each field says so, with the password rule beside them.
        assertThatThrownBy(() -> accounts.create(new NewUserAccount("\u2003", "", null, null, null, "en", "short")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("username", "validation.required")
                        .containsEntry("fullName", "validation.required")
                        .containsEntry("role", "validation.required")
                        .containsEntry("password", "password.validation.tooShort"));
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void commonPasswordsAndWrongPartnerTypesAreRejected() {
        assertThatThrownBy(() -> accounts.create(new NewUserAccount(uniqueName(), "Someone", null, Role.UNHCR_MANAGER,
                partnerId("CRPK"), "en", "Password1234")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("password", "password.validation.common")
                        .containsEntry("partner", "user.validation.managerNeedsUnhcr"));
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void nonAdminsCannotManageAccounts() {
        assertThatThrownBy(() -> createLawyer(uniqueName())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.resetPassword(1, GOOD_PASSWORD)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void fiveFailedLoginsLockTheAccountForFifteenMinutesAndAreAudited() {
        String name = uniqueName();
        createLawyer(name);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(name, "wrong-password-" + 1)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // Even the right password is refused while locked.
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(name, GOOD_PASSWORD)))
                .isInstanceOf(LockedException.class);
        Date lockedUntil = jdbc.sql("select locked_until from user_account where username = :u").param("u", name)
                .query(Date.class).single();
        long minutes = (lockedUntil.getTime() - System.currentTimeMillis()) / 60_000;
        assertThat(minutes).isBetween(13L, 15L);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'LOGIN_FAILED'")
                .param("u", name).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'ACCOUNT_LOCKED'")
                .param("u", name).query(Long.class).single()).isEqualTo(1);

        // When the lock has run out, the right password works again.
        jdbc.sql("update user_account set locked_until = now() - interval '1 minute' where username = :u").param("u", name).update();
        assertThat(authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, GOOD_PASSWORD))
                .isAuthenticated()).isTrue();
    }

    @Test
    void unknownUsersGetTheSameErrorAsWrongPasswords() {
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("nobody-" + uniqueName(), GOOD_PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    @WithUserDetails("admin")
    void disablingAUserEndsTheirOpenSessionsAndBlocksLogin() {
        String name = uniqueName();
        UserAccountDto user = createLawyer(name);
        AppUser principal = userDetails.loadUserByUsername(name);
        MockHttpSession session = new MockHttpSession();
        sessionTerminator.sessionCreated(new jakarta.servlet.http.HttpSessionEvent(session));
        sessionRegistry.registerNewSession(session.getId(), principal);

        accounts.setEnabled(user.id(), false);

        assertThat(session.isInvalid()).isTrue();
        assertThat(sessionRegistry.getSessionInformation(session.getId())).satisfiesAnyOf(
                info -> assertThat(info).isNull(), info -> assertThat(info.isExpired()).isTrue());
        assertThatThrownBy(() -> authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(name, GOOD_PASSWORD)))
                .isInstanceOf(org.springframework.security.authentication.DisabledException.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdminCannotDisableThemself() {
        UserAccountDto me = accounts.list("admin", org.springframework.data.domain.PageRequest.of(0, 50)).stream()
                .filter(u -> u.username().equals("admin")).findFirst().orElseThrow();
        assertThatThrownBy(() -> accounts.setEnabled(me.id(), false))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("enabled"));
    }

    @Test
    @WithUserDetails("admin")
    void resetPasswordAppliesThePolicyAndLiftsALock() {
        String name = uniqueName();
        UserAccountDto user = createLawyer(name);
        jdbc.sql("update user_account set locked_until = now() + interval '10 minutes' where id = :id").param("id", user.id()).update();
        assertThatThrownBy(() -> accounts.resetPassword(user.id(), "qwertyuiop12"))
                .isInstanceOf(FieldValidationException.class);
        accounts.resetPassword(user.id(), "another-Long-phrase-77");
        assertThat(authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(name, "another-Long-phrase-77")).isAuthenticated()).isTrue();
    }
}
