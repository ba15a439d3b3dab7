package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe-core on every page each role can open (every {@code @Route}, a sample record of the role's
 * partner for the routes with an id, as {@link PhoneLayoutIT} finds them), at desktop width, and on
 * the login page in every language: no serious or critical WCAG 2.2 A/AA violation. The demo
 * accounts use English, Albanian and Serbian.
 *
 * <p>Not yet part of {@code ./mvnw verify}: it runs with {@code -Daxe=true} until the violations of its
 * first full run are fixed (see docs/accessibility.md, "Status"); then the condition goes.
 */
@EnabledIfSystemProperty(named = "axe", matches = "true", disabledReason = "axe-core check not yet green: docs/accessibility.md, Status")
class AccessibilityIT extends BrowserTestBase {

    @Autowired
    @OwnerDatabase
    JdbcTemplate jdbc;

    @Test
    void theLoginPageInEveryLanguage() {
        List<String> violations = new ArrayList<>();
        inBrowser(page -> {
            page.navigate(url("/login"));
            page.waitForSelector("vaadin-login-form");
            waitForVaadin(page);
            for (Language language : Language.values()) {
                page.locator("vaadin-select").click();
                page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(language.nativeName()).setExact(true)).click();
                waitForVaadin(page);
                assertThat(page.locator("html")).hasAttribute("lang", language.code());
                assertThat(page).hasTitle(Pattern.compile(".+\\|.+"));
                Axe.seriousViolations(page).forEach(v -> violations.add("login (" + language.code() + "): " + v));
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPageOfEveryRole() throws Exception {
        Map<String, List<String>> routes = PhoneLayoutIT.routes();
        List<String> violations = new ArrayList<>();
        for (PhoneLayoutIT.DemoLogin login : PhoneLayoutIT.LOGINS) {
            inBrowser(page -> {
                signIn(page, login.username(), TestDatabaseInitializer.DEMO_PASSWORD);
                routes.forEach((template, allowed) -> {
                    if (PhoneLayoutIT.OUTSIDE_FRAME.contains(template) || !PhoneLayoutIT.mayOpen(allowed, login)) {
                        return;
                    }
                    String path = template;
                    if (PhoneLayoutIT.SAMPLES.containsKey(template)) {
                        Long id = jdbc.queryForObject(PhoneLayoutIT.SAMPLES.get(template), Long.class, login.partner(), login.partner());
                        if (id == null) {
                            violations.add(login.username() + ": no sample record for /" + template);
                            return;
                        }
                        path = template.substring(0, template.indexOf(':')) + id;
                    }
                    page.navigate(url("/" + path));
                    assertThat(page.locator("vaadin-app-layout")).isVisible();
                    waitForVaadin(page);
                    page.waitForTimeout(300);
                    for (String v : Axe.seriousViolations(page)) {
                        violations.add(login.username() + " /" + path + ": " + v);
                    }
                });
            });
        }
        violations.forEach(v -> System.out.println("AXE: " + v));
        assertThat(violations).as("axe-core serious/critical violations").isEmpty();
    }
}
