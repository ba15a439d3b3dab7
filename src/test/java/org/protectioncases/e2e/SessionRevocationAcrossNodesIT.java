package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.Application;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Role;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #17, "Several app nodes": an administrator disables a user on one node while the user works
 * on another. The second node's in-memory session registry knows nothing of it; the database-backed
 * revocation ({@code user_account.sessions_valid_after}) still ends the user's session there within
 * the check interval. Two application contexts, each with its own web server, on one database.
 */
class SessionRevocationAcrossNodesIT extends BrowserTestBase {

    @Autowired
    SystemAccess system;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;

    @Test
    void disablingAUserOnOneNodeEndsTheirSessionOnTheOther() {
        String username = "node.lawyer." + UUID.randomUUID().toString().substring(0, 8);
        UserAccountDto user = system.runAsAdmin(() -> accounts.create(new NewUserAccount(username, "Arta Node", null,
                Role.PARTNER_LAWYER, partners.findByCode("CRPK").orElseThrow().id(), "en", TestDatabaseInitializer.DEMO_PASSWORD)));

        try (ConfigurableApplicationContext otherNode = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--spring.main.banner-mode=off")) {
            inBrowser(page -> {
                // The user works on this node (the test's own app context).
                signIn(page, username, TestDatabaseInitializer.DEMO_PASSWORD);
                page.navigate(url("/people"));
                waitForVaadin(page);
                page.waitForTimeout(6_000); // longer than the check interval: a valid session is not ended by it
                page.reload();
                waitForVaadin(page);
                assertThat(page).hasURL(Pattern.compile(".*/people$"));

                // An administrator disables the account on the other node.
                otherNode.getBean(SystemAccess.class).runAsAdmin(
                        () -> otherNode.getBean(UserAccountService.class).setEnabled(java.util.Objects.requireNonNull(user.id()), false));

                // Within the check interval (5 s) this node ends the session too.
                long deadline = System.currentTimeMillis() + 30_000;
                while (!page.url().contains("/login") && System.currentTimeMillis() < deadline) {
                    page.waitForTimeout(1_000);
                    try {
                        page.reload();
                        page.waitForLoadState();
                    } catch (com.microsoft.playwright.PlaywrightException aborted) {
                        // The node ended the session while the reload ran and its page went to /login by itself
                        // (net::ERR_ABORTED, seen once on a loaded machine): the loop's condition looks at where it went.
                    }
                }
                assertThat(page).hasURL(Pattern.compile(".*/login.*"));
                assertThat(page.locator("vaadin-login-form")).isVisible();
            });
        }
    }
}
