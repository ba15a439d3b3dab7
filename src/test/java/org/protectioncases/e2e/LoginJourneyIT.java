package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * The administrator's first journey: sign in, create a partner and a user, sign out, sign in as
 * that user, see only their navigation, sign out.
 */
class LoginJourneyIT extends BrowserTestBase {

    @Test
    void adminCreatesAPartnerAndAUserWhoThenSignsIn() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String partnerCode = "E2E" + suffix;
        String username = "e2e." + suffix.toLowerCase();
        String password = "walnut-Prizren-bridge-42";

        inBrowser(page -> {
            page.navigate(url("/login"));
            assertThat(page.locator("vaadin-login-form")).isVisible();
            String anonymousSession = sessionId(page);

            signIn(page, "admin", TestDatabaseInitializer.DEMO_PASSWORD);
            assertThat(page.getByText("Welcome, System Administrator")).isVisible();
            // Session fixation protection: a new id after login.
            assertThat(sessionId(page)).isNotEmpty().isNotEqualTo(anonymousSession);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Partner organisations")).first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New partner")).click();
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(partnerCode);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("End-to-end Legal Aid");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByText("Partner " + partnerCode + " saved")).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("User accounts")).first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
            page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
            page.getByLabel("Full name", new Page.GetByLabelOptions().setExact(true)).fill("Teuta Shala");
            page.getByLabel("Partner organisation", new Page.GetByLabelOptions().setExact(true)).fill(partnerCode);
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(partnerCode)).click();
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByText("User " + username + " saved")).isVisible();

            signOut(page, "Log out");

            signIn(page, username, password);
            assertThat(page.getByText("Welcome, Teuta Shala")).isVisible();
            assertThat(page.getByText("Partner lawyer · " + partnerCode)).isVisible();
            // Home, My follow-ups, Hearings and deadlines, People, Cases, Counselling sessions, Monitoring visits, Shelters, Activity statistics.
            assertThat(page.locator("vaadin-side-nav-item")).hasCount(9);
            assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Counselling sessions"))).hasCount(1);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("User accounts"))).hasCount(0);

            signOut(page, "Log out");
            page.navigate(url("/admin/users"));
            page.waitForURL(Pattern.compile(".*/login.*"));
        });
    }
}
