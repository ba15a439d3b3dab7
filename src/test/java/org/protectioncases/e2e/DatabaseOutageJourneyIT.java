package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.db.EmbeddedPostgresServer;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #17, "Database outage": PostgreSQL is stopped in the middle of a registration and started
 * again. While it is down the app stays up (liveness UP, readiness DOWN), the user is told in their
 * language that nothing was saved and what they typed is kept, a page that needs the database says
 * so instead of an error page, and nothing is half-written. When it is back, the same Save works
 * without restarting the app. The app runs on a PostgreSQL of its own, so the rest of the suite's
 * shared database is never stopped.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageJourneyIT extends BrowserTestBase {

    private static final String DATABASE = "protection_cases";
    private static Path dataDirectory;
    private static EmbeddedPostgresServer server;
    private static int databasePort;

    @Autowired
    @OwnerDatabase
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("pc-outage-postgres");
        server = EmbeddedPostgresServer.start(dataDirectory, 0, DATABASE);
        databasePort = server.port();
        registry.add("test.database.own", () -> "true");
        registry.add("spring.datasource.url", server::jdbcUrl);
        registry.add("spring.datasource.username", server::loginUsername);
        registry.add("spring.datasource.password", server::loginPassword);
        registry.add("spring.liquibase.user", server::username);
        registry.add("spring.liquibase.password", server::password);
        registry.add("app.demo-data.enabled", () -> "true");
        registry.add("app.demo-data.accounts-only", () -> "true");
        registry.add("app.backup.directory", () -> "target/test-backups");
        registry.add("app.backup.scheduled", () -> "false");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRegistrationCutOffByADatabaseOutageIsKeptAndSavedOnceTheDatabaseIsBack() {
        inBrowser(page -> {
            // The CRPK lawyer works in Albanian (the demo data remembers it).
            signIn(page, "lawyer.crpk", TestDatabaseInitializer.DEMO_PASSWORD);
            page.navigate(url("/people/new"));
            waitForVaadin(page);
            page.getByLabel("Emri", new Page.GetByLabelOptions().setExact(true)).fill("Ndërprerja");
            page.getByLabel("Mbiemri", new Page.GetByLabelOptions().setExact(true)).fill("Qëndrueshmëria");
            page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Gjinia")).click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Femër")).first().click();
            page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Komuniteti")).click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Rom")).first().click();
            waitForVaadin(page);
            Locator notDuplicate = page.getByText("Asnjë prej tyre nuk është personi që po regjistroj");
            if (notDuplicate.isVisible()) {
                notDuplicate.click();
            }

            stopDatabaseNow();
            assertThat(health(page, "liveness")).isEqualTo(200);
            assertThat(health(page, "readiness")).isEqualTo(503);

            Locator register = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Regjistro personin"));
            register.click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Baza e të dhënave nuk mund të arrihet tani, prandaj asgjë nuk u ruajt")))
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            // Still on the form, with everything typed.
            assertThat(page).hasURL(Pattern.compile(".*/people/new$"));
            assertThat(page.getByLabel("Emri", new Page.GetByLabelOptions().setExact(true))).hasValue("Ndërprerja");
            assertThat(page.getByLabel("Mbiemri", new Page.GetByLabelOptions().setExact(true))).hasValue("Qëndrueshmëria");
            assertThat(page.locator("body")).not().containsText("Exception");

            // A page that needs the database, opened while it is down, says so instead of an error page (the
            // HTTP status is the shell's: Vaadin renders the route in a later request).
            try (var other = page.context().newPage()) {
                other.navigate(url("/people/1"));
                // Each database call of the page waits up to 10 s for a connection before it gives up.
                assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                        .setName("Baza e të dhënave nuk mund të arrihet")))
                        .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
                assertThat(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Provo përsëri"))).isVisible();
                assertThat(other.locator("body")).not().containsText("Exception");
            }

            startDatabase();
            page.waitForCondition(() -> health(page, "readiness") == 200, new Page.WaitForConditionOptions().setTimeout(60_000));
            register.click();
            page.waitForURL(Pattern.compile(".*/people/\\d+$"), new Page.WaitForURLOptions().setTimeout(60_000));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ndërprerja Qëndrueshmëria"))).isVisible();
        });
        // Saved once: the failed attempt left no half-written record behind.
        assertThat(jdbc.queryForObject("select count(*) from person where family_name = 'Qëndrueshmëria'", Integer.class)).isEqualTo(1);
    }

    private int health(Page page, String probe) {
        APIResponse response = page.request().get(url("/actuator/health/" + probe));
        return response.status();
    }

    private static void startDatabase() {
        try {
            server = EmbeddedPostgresServer.start(dataDirectory, databasePort, DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopDatabaseNow() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
