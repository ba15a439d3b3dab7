package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

/**
 * A UNHCR manager, whose role requires a second factor, signs in with the password and is taken
 * to enrolment; reads the key from the page, confirms with a code computed here, gets ten
 * recovery codes; signs out and signs in again with password and code.
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
}
