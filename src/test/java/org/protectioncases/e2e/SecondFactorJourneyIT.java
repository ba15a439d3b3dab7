package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.CDPSession;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SecondFactorService;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A UNHCR manager, whose role requires a second factor, signs in with the password and is taken
 * to enrolment; reads the key from the page, confirms with a code computed here, gets ten
 * recovery codes; signs out and signs in again with password and code. Also: wrong codes lock the
 * account, a recovery code works once, and passing the second factor gives the session a new id.
 */
class SecondFactorJourneyIT extends BrowserTestBase {

    @Autowired
    SystemAccess system;
    @Autowired
    SecondFactorService secondFactor;
    @Autowired
    org.protectioncases.security.UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    @AfterEach
    void backToTheTestPolicy() {
        system.runAsAdmin(() -> {
            secondFactor.setRequired(Role.UNHCR_MANAGER, false);
            return null;
        });
    }

    @Test
    void aManagerEnrolsAnAuthenticatorAtFirstSignInAndSignsInWithItNextTime() {
        String username = "e2e.mfa." + UUID.randomUUID().toString().substring(0, 6);
        String password = "walnut-Prizren-bridge-42";
        system.runAsAdmin(() -> accounts.create(new NewUserAccount(username, "Arta Krasniqi", null, Role.UNHCR_MANAGER,
                partners.findByCode("UNHCR").orElseThrow().id(), "en", password)));
        system.runAsAdmin(() -> {
            secondFactor.setRequired(Role.UNHCR_MANAGER, true);
            return null;
        });

        inBrowser(page -> {
            page.navigate(url("/"));
            page.waitForURL(Pattern.compile(".*/login.*"));
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

            page.waitForURL(Pattern.compile(".*/second-factor.*"));
            waitForVaadin(page);
            assertThat(page.getByText("Set up your authenticator app")).isVisible();
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR code to add this account to an authenticator app")))
                    .isVisible();
            String secret = page.locator("#totp-secret").textContent().strip();
            org.assertj.core.api.Assertions.assertThat(secret.replace(" ", "")).matches("[A-Z2-7]{32}");

            // Nothing else opens before the second factor: a direct address comes back here.
            page.navigate(url("/api-tokens"));
            page.waitForURL(Pattern.compile(".*/second-factor.*"));
            waitForVaadin(page);
            String key = page.locator("#totp-secret").textContent().strip();
            org.assertj.core.api.Assertions.assertThat(key).as("the same key until confirmed").isEqualTo(secret);

            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm").setExact(true)).click();
            assertThat(page.getByText("This code is not valid.").first()).isVisible();

            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(TotpCodes.current(key));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm").setExact(true)).click();
            assertThat(page.getByText("Your authenticator app is set up.")).isVisible();
            assertThat(page.locator("ul.recovery-codes li")).hasCount(10);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
            assertThat(page.locator("vaadin-app-layout")).isVisible();
            waitForVaadin(page);

            signOut(page, "Log out");

            signInWithSecondFactor(page, username, password, key);
            assertThat(page.getByText("Welcome, Arta Krasniqi")).isVisible();
        });
    }

    private static final String PASSWORD = "walnut-Prizren-bridge-42";

    /** A new UNHCR manager whose role requires the second factor. */
    private String newManager(String fullName) {
        String username = "e2e.mfa." + UUID.randomUUID().toString().substring(0, 6);
        system.runAsAdmin(() -> accounts.create(new NewUserAccount(username, fullName, null, Role.UNHCR_MANAGER,
                partners.findByCode("UNHCR").orElseThrow().id(), "en", PASSWORD)));
        system.runAsAdmin(() -> {
            secondFactor.setRequired(Role.UNHCR_MANAGER, true);
            return null;
        });
        return username;
    }

    private record Enrolled(String key, List<String> recoveryCodes) {
    }

    /** Signs in with the password, enrols the authenticator on the page and signs out again. */
    private Enrolled enrolInBrowser(Page page, String username) {
        page.navigate(url("/"));
        page.waitForURL(Pattern.compile(".*/login.*"));
        passwordStep(page, username);
        assertThat(page.getByText("Set up your authenticator app")).isVisible();
        String key = page.locator("#totp-secret").textContent().strip();
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(TotpCodes.current(key));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm").setExact(true)).click();
        assertThat(page.locator("ul.recovery-codes li")).hasCount(10);
        List<String> codes = page.locator("ul.recovery-codes li").allTextContents().stream().map(String::strip).toList();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        assertThat(page.locator("vaadin-app-layout")).isVisible();
        waitForVaadin(page);
        signOut(page, "Log out");
        return new Enrolled(key, codes);
    }

    /** Username and password on the login page; waits for the second-factor page. */
    private void passwordStep(Page page, String username) {
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/second-factor.*"));
        waitForVaadin(page);
    }

    private static void typeCode(Page page, String code) {
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify").setExact(true)).click();
    }

    @Test
    void fiveWrongCodesAtSignInLockTheAccountAndTheLoginPageSaysSoInTheUsersLanguage() {
        String username = newManager("Besa Gashi");
        String lockedMessage = ResourceBundle.getBundle("messages", java.util.Locale.ENGLISH).getString("login.error.message");
        inBrowser(page -> {
            Enrolled enrolled = enrolInBrowser(page, username);
            passwordStep(page, username);
            for (int attempt = 1; attempt < 5; attempt++) {
                typeCode(page, "000000");
                assertThat(page.getByText("This code is not valid.").first()).isVisible();
                waitForVaadin(page);
            }
            typeCode(page, "000000");
            // The fifth wrong code locks the account and ends the session: back on the login page, with the
            // translated message that names the lockout (and no more than a wrong password would say).
            page.waitForURL(Pattern.compile(".*/login\\?error.*"));
            assertThat(page.getByText(lockedMessage)).isVisible();

            // Locked: even the right password and code do not get in now.
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            page.waitForURL(Pattern.compile(".*/login\\?error.*"));
            assertThat(page.getByText(lockedMessage)).isVisible();
            org.assertj.core.api.Assertions.assertThat(enrolled.key()).isNotEmpty();
        });
        Integer failedLocks = jdbc.sql("select count(*) from audit_event where actor = :u and action = 'ACCOUNT_LOCKED'")
                .param("u", username).query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThat(failedLocks).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select locked_until is not null from user_account where username = :u")
                .param("u", username).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRecoveryCodeSignsInOnceAndTheSessionIdChangesWhenTheSecondFactorIsPassed() {
        String username = newManager("Dritan Berisha");
        inBrowser(page -> {
            Enrolled enrolled = enrolInBrowser(page, username);
            String recovery = enrolled.recoveryCodes().getFirst();

            passwordStep(page, username);
            String halfSignedIn = sessionId(page);
            typeCode(page, recovery);
            assertThat(page.locator("vaadin-app-layout")).isVisible();
            waitForVaadin(page);
            String signedIn = sessionId(page);
            org.assertj.core.api.Assertions.assertThat(signedIn).as("a new session id after the second factor")
                    .isNotEmpty().isNotEqualTo(halfSignedIn);
            // The id from before the second factor opens nothing; the new one does.
            APIRequestContext http = playwright.request().newContext(new APIRequest.NewContextOptions());
            try {
                APIResponse withOldId = http.get(url("/"), RequestOptions.create().setMaxRedirects(0)
                        .setHeader("Cookie", "JSESSIONID=" + halfSignedIn));
                org.assertj.core.api.Assertions.assertThat(withOldId.status()).isEqualTo(302);
                org.assertj.core.api.Assertions.assertThat(withOldId.headers().get("location")).contains("/login");
                APIResponse withNewId = http.get(url("/"), RequestOptions.create().setMaxRedirects(0)
                        .setHeader("Cookie", "JSESSIONID=" + signedIn));
                org.assertj.core.api.Assertions.assertThat(withNewId.status()).isEqualTo(200);
            } finally {
                http.dispose();
            }
            signOut(page, "Log out");

            // The same recovery code a second time: refused; the app's code still works.
            passwordStep(page, username);
            typeCode(page, recovery);
            assertThat(page.getByText("This code is not valid.").first()).isVisible();
            waitForVaadin(page);
            typeCode(page, TotpCodes.next(enrolled.key()));
            assertThat(page.locator("vaadin-app-layout")).isVisible();
        });
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_event where actor = :u and action = 'RECOVERY_CODE_USED'")
                .param("u", username).query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * Chromium's virtual authenticator (DevTools protocol, as a platform authenticator with user
     * verification and resident keys): the browser really creates and uses a passkey.
     */
    private static void addVirtualAuthenticator(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        JsonObject enable = new JsonObject();
        enable.addProperty("enableUI", false);
        cdp.send("WebAuthn.enable", enable);
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", args);
    }

    @Test
    void aPasskeyAddedOnTheSecondFactorPageIsTheSecondFactorNextTimeAndSignsInWithoutAPassword() {
        String username = newManager("Teuta Hoxha");
        inBrowser(page -> {
            addVirtualAuthenticator(page);
            Enrolled enrolled = enrolInBrowser(page, username);
            signInWithSecondFactor(page, username, PASSWORD, enrolled.key());

            // The user's own second-factor page: name the passkey, the browser creates it.
            page.navigate(url("/second-factor"));
            waitForVaadin(page);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Passkeys"))).isVisible();
            assertThat(page.getByText("You have no passkeys yet.")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey").setExact(true)).click();
            assertThat(page.getByText("Enter a name of at most 64 characters").first()).isVisible();
            page.getByLabel("Name of the new passkey").fill("Office laptop");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey").setExact(true)).click();
            assertThat(page.locator("li.passkey .passkey-name")).hasText("Office laptop");
            waitForVaadin(page);
            signOut(page, "Log out");

            // Password, then the passkey as the second factor.
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            page.waitForURL(Pattern.compile(".*/second-factor.*"));
            waitForVaadin(page);
            String halfSignedIn = sessionId(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey").setExact(true)).click();
            assertThat(page.locator("vaadin-app-layout")).isVisible();
            assertThat(page.getByText("Welcome, Teuta Hoxha")).isVisible();
            org.assertj.core.api.Assertions.assertThat(sessionId(page)).isNotEqualTo(halfSignedIn);
            waitForVaadin(page);
            signOut(page, "Log out");

            // From the login page, the passkey alone.
            waitForVaadin(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey").setExact(true)).click();
            assertThat(page.locator("vaadin-app-layout")).isVisible();
            assertThat(page.getByText("Welcome, Teuta Hoxha")).isVisible();
            waitForVaadin(page);

            // Creating an API token asks for a fresh second factor: the passkey does as well as a code. The
            // service's clock is moved on so that the passkey just used counts as older than five minutes.
            Object service = AopTestUtils.getUltimateTargetObject(secondFactor);
            ReflectionTestUtils.setField(service, "clock", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
            try {
                page.navigate(url("/api-tokens"));
                waitForVaadin(page);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token").setExact(true)).click();
                assertThat(page.getByText("Confirm with your second factor")).isVisible();
                assertThat(page.getByText("Or confirm with one of your passkeys.")).isVisible();
            } finally {
                ReflectionTestUtils.setField(service, "clock", Clock.systemUTC());
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey").setExact(true)).click();
            // The step-up dialog closes and the token's own dialog opens.
            assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Confirm with your second factor"))).hasCount(0);
            var create = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Create token"));
            assertThat(create.getByLabel("Owner").first()).isVisible();
            create.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cancel").setExact(true)).click();
            waitForVaadin(page);

            // Listed on the second-factor page; removed there.
            page.navigate(url("/second-factor"));
            waitForVaadin(page);
            assertThat(page.locator("li.passkey .passkey-name")).hasText("Office laptop");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove the passkey Office laptop")).click();
            // The row's button is named by its aria-label; the dialog's confirm button is just "Remove".
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove").setExact(true)).click();
            assertThat(page.getByText("You have no passkeys yet.")).isVisible();
        });
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select action || ':' || coalesce(details, '') from audit_event
                        where actor = :u and action in ('PASSKEY_REGISTERED', 'SECOND_FACTOR_PASSED', 'LOGIN_SUCCESS', 'PASSKEY_REMOVED')
                        order by id""").param("u", username).query(String.class).list())
                .containsSubsequence("PASSKEY_REGISTERED:Office laptop", "SECOND_FACTOR_PASSED:passkey", "LOGIN_SUCCESS:passkey",
                        "SECOND_FACTOR_PASSED:passkey",
                        "PASSKEY_REMOVED:Office laptop");
    }

    @Test
    void theLoginPageWithItsPasskeyButtonFitsAPhoneInAlbanian() {
        inBrowser(phone().setLocale("sq-XK"), page -> {
            page.navigate(url("/login"));
            waitForVaadin(page);
            assertThat(page.locator("vaadin-login-form")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hyr me çelës kalimi"))).isVisible();
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "login-phone-sq.png")).setFullPage(true));
        });
    }
}
