package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * Visits every page a user of each language can open and checks that no message key is left
 * untranslated on screen. Leaves screenshots in target/screenshots for people to look at.
 */
class LanguagesTourIT extends BrowserTestBase {

    private static final Pattern MISSING_KEY = Pattern.compile("![a-zA-Z]+(\\.[a-zA-Z0-9_]+)+!");

    @ParameterizedTest
    @CsvSource({
            "admin, en, Log out, '/,/admin/partners,/admin/users'",
            "coordinator.crpk, sq, Dil, '/,/people,/people/new,/cases,/cases/1,/people/1,/follow-ups,/sessions,/sessions/1,/shelters,/reports/factsheet,/reports/population,/reports/activity'",
            "lawyer.at, sr, Odjava, '/,/people,/people/new,/cases,/cases/1,/follow-ups,/sessions,/sessions/new,/visits,/shelters,/reports/activity'",
            "monitor.krct, sq, Dil, '/,/follow-ups,/visits,/visits/new,/visits/1,/shelters,/shelters/1'",
            "manager, en, Log out, '/,/people,/cases,/cases/1,/people/1,/sessions,/sessions/1,/visits,/visits/1,/shelters,/shelters/1,/reports/factsheet?year=2019&asOf=2019-04-30,/reports/population,/reports/activity,/api-tokens'"})
    void everyPageIsFullyTranslated(String username, String language, String logout, String paths) {
        inBrowser(page -> {
            signIn(page, username, TestDatabaseInitializer.DEMO_PASSWORD);
            for (String path : List.of(paths.split(","))) {
                page.navigate(url(path));
                assertThat(page.locator("vaadin-app-layout")).isVisible();
                page.waitForTimeout(300);
                String text = page.locator("body").innerText();
                assertThat(MISSING_KEY.matcher(text).find()).as("untranslated key on %s (%s): %s", path, language, text).isFalse();
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(
                        Path.of("target", "screenshots", language + path.replaceAll("[/?&=]", "_") + ".png")));
            }
            assertThat(page.locator("html")).hasAttribute("lang", language);
            signOut(page, logout);
        });
    }
}
