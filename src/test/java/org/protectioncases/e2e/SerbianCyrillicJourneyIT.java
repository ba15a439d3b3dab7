package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.i18n.SerbianCyrillic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Serbian-speaking lawyer switches the UI to Cyrillic in the header: the choice is remembered,
 * every page's menu, headings, labels and buttons are Cyrillic (only acronyms such as UNHCR or PDF
 * stay Latin), downloads are Cyrillic, and the date picker's calendar names the month in Cyrillic. A new account, so the
 * demo accounts keep their languages for the other tests.
 */
class SerbianCyrillicJourneyIT extends BrowserTestBase {

    private static final String PASSWORD = "Kestrel-Violet-Harbour-93";
    private static final Pattern LATIN = Pattern.compile("[a-zA-ZčćšžđČĆŠŽĐ]");
    private static final String CHROME_TEXT = "() => Array.from(document.querySelectorAll("
            + "'vaadin-side-nav-item, h1, h2, h3, label, vaadin-button, vaadin-tab, vaadin-checkbox'))"
            + ".filter(e => e.offsetParent !== null).map(e => e.innerText || '').join('\\n')";

    @Autowired
    SystemAccess system;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    @Test
    void theWholeUiIsCyrillicAndTheChoiceIsRemembered() {
        long at = system.runAsAdmin(() -> partners.findByCode("AT").orElseThrow().id());
        String username = "lawyer.cyrl" + System.nanoTime() % 1_000_000;
        // She writes her name in Cyrillic: names are shown as typed, so the greeting stays Cyrillic throughout.
        system.runAsAdmin(() -> accounts.create(new NewUserAccount(username, "Драгана Милић", null, Role.PARTNER_LAWYER, at, "sr",
                PASSWORD)));
        inBrowser(page -> {
            signIn(page, username, PASSWORD);
            assertThat(page.locator("html")).hasAttribute("lang", "sr");
            chooseLanguage(page, Language.SR_CYRL.nativeName());
            page.waitForFunction("() => document.documentElement.lang === 'sr-Cyrl'");
            waitForVaadin(page);
            assertThat(page.locator("vaadin-side-nav")).containsText(SerbianCyrillic.convert("Osobe"));
            assertThat(jdbc.sql("select preferred_language from user_account where username = :u").param("u", username)
                    .query(String.class).single()).isEqualTo("sr-Cyrl");

            for (String path : List.of("/", "/people", "/people/new", "/cases", "/follow-ups", "/sessions", "/visits",
                    "/shelters", "/reports/activity")) {
                page.navigate(url(path));
                assertThat(page.locator("vaadin-app-layout")).isVisible();
                waitForVaadin(page);
                page.waitForTimeout(300);
                String chrome = (String) page.evaluate(CHROME_TEXT);
                assertThat(latinWords(chrome)).as("Latin UI text on %s: %s", path, chrome).isEmpty();
                assertThat(chrome).as("text on %s", path).containsPattern("\\p{IsCyrillic}{4,}");
                // Accessible in the fourth language too (docs/accessibility.md).
                assertThat(Axe.seriousViolations(page)).as("axe-core serious/critical violations on %s (sr-Cyrl)", path).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(
                        Path.of("target", "screenshots", "sr-Cyrl" + path.replaceAll("[/?&=]", "_") + ".png")));
            }

            // Downloads speak it too: the activity table's CSV header.
            page.navigate(url("/reports/activity"));
            waitForVaadin(page);
            Locator section = page.locator("[data-table=activityByMonth]");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> section.locator(".export-links a").first().click());
            try {
                String header = java.nio.file.Files.readString(download.path()).lines().findFirst().orElseThrow();
                assertThat(header).containsPattern("\\p{IsCyrillic}{4,}").doesNotContain("Month");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            // The calendar speaks Cyrillic: this month's name as the picker shows it.
            page.navigate(url("/people/new"));
            waitForVaadin(page);
            Locator birthDate = page.locator("vaadin-date-picker").first();
            birthDate.locator("[part~=toggle-button]").click();
            String month = Formats.monthName(Language.SR_CYRL.locale(), LocalDate.now().getMonthValue());
            assertThat(month).matches("\\p{IsCyrillic}+");
            assertThat(page.locator("vaadin-month-calendar").filter(new Locator.FilterOptions().setHasText(month)).first()).isVisible();
            page.keyboard().press("Escape");

            signOut(page, SerbianCyrillic.convert("Odjava"));
        });
    }

    /** Words in Latin letters that are not acronyms or foreign words kept on purpose. */
    private static Set<String> latinWords(String text) {
        Set<String> found = new TreeSet<>();
        for (String word : text.split("[^\\p{L}]+")) {
            if (LATIN.matcher(word).find() && !word.equals(SerbianCyrillic.convert(word))) {
                found.add(word);
            }
        }
        return found;
    }
}
