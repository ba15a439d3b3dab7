package org.protectioncases.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.protectioncases.support.TestDatabaseInitializer;

/**
 * Nothing typed is lost on a phone (issue #14), in Albanian as the KRCT monitor works: the network
 * drops half-way through a visit for 30 s (the app says, in Albanian, that it is reconnecting),
 * comes back, and the visit is recorded with every value; a page reloaded half-way offers the
 * server-side draft, complete, and recording it removes it from "My drafts".
 */
class PhoneDraftsIT extends BrowserTestBase {

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The first half of a border visit: location, municipality, place, persons observed. */
    private void firstHalf(Page page, String place) {
        page.navigate(url("/visits/new"));
        page.waitForURL(Pattern.compile(".*/visits/new.*"));
        waitForVaadin(page);
        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Lloji i vendit")).tap();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Pikë e kalimit kufitar")).tap();
        field(page, "Komuna").fill("Podujev");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Podujev")).first().tap();
        field(page, "Vendi").fill(place);
        field(page, "Persona të vëzhguar").fill("37");
        field(page, "Persona të vëzhguar").blur();
        waitForVaadin(page);
    }

    @Test
    void aThirtySecondDropLosesNothingAndTheAppSaysItIsReconnectingInAlbanian() {
        String place = "Merdare offline " + System.nanoTime() % 100000;
        onPhone(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            firstHalf(page, place);

            page.context().setOffline(true);
            field(page, "Të ardhur të rinj").fill("9");
            field(page, "Me synim për të kërkuar azil").fill("2");
            field(page, "Femra 18–59 vjeç").fill("4");
            field(page, "Meshkuj 60+ vjeç").fill("1");
            field(page, "Meshkuj 60+ vjeç").blur();
            assertThat(page.locator("vaadin-connection-indicator")).containsText("po rilidhemi",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            page.waitForTimeout(30_000);
            page.context().setOffline(false);
            waitForVaadin(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Regjistro vizitën")).tap();
            page.waitForURL(Pattern.compile(".*/visits/\\d+$"));
            Locator facts = page.locator(".facts");
            assertThat(facts).containsText(place);
            assertThat(facts).containsText("37");
            assertThat(facts).containsText("9");
            assertThat(facts).containsText("Besnik Hoxha");
            // Others met: 4 women 18–59 and one man over 60 (each row ends with its total).
            java.util.List<String> cells = page.locator(".visit-counts > span").allTextContents();
            org.assertj.core.api.Assertions.assertThat(String.join("|", cells))
                    .contains("Femra|0|0|0|4|0|4").contains("Meshkuj|0|0|0|0|1|1");
        });
    }

    @Test
    void aReloadHalfWayOffersTheCompleteDraftAndRecordingItRemovesIt() {
        String place = "Merdare reload " + System.nanoTime() % 100000;
        onPhone(page -> {
            signIn(page, "monitor.krct", TestDatabaseInitializer.DEMO_PASSWORD);
            firstHalf(page, place);
            field(page, "Femra 18–59 vjeç").fill("3");
            field(page, "Femra 18–59 vjeç").blur();
            waitForVaadin(page);
            assertThat(page.locator(".draft-status")).containsText("drafti u ruajt");

            page.reload();
            waitForVaadin(page);
            assertThat(page.locator(".draft-offer")).containsText(place);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vazhdojeni")).tap();
            waitForVaadin(page);
            assertThat(field(page, "Vendi")).hasValue(place);
            assertThat(field(page, "Persona të vëzhguar")).hasValue("37");
            assertThat(field(page, "Femra 18–59 vjeç")).hasValue("3");
            assertThat(page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Lloji i vendit")))
                    .containsText("Pikë e kalimit kufitar");

            field(page, "Të ardhur të rinj").fill("0");
            field(page, "Me synim për të kërkuar azil").fill("0");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Regjistro vizitën")).tap();
            page.waitForURL(Pattern.compile(".*/visits/\\d+$"));
            assertThat(page.locator(".facts")).containsText(place);

            page.navigate(url("/visits"));
            waitForVaadin(page);
            // Recorded: no longer under "My drafts" (the list is gone when no draft is left).
            assertThat(page.locator(".my-drafts").filter(new Locator.FilterOptions().setHasText(place))).hasCount(0);
        });
    }
}
