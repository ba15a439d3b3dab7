package org.protectioncases.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The login page's other ways in: passkey (on by default), single sign-on only when configured, and why a single sign-on was refused. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class LoginViewTest extends SpringBrowserlessTest {

    private Paragraph refusal() {
        return find(Paragraph.class).withClassName("login-alternative-error").single();
    }

    @Test
    void aRefusedSingleSignOnSaysWhyInTheUsersLanguage() {
        UI.getCurrent().setLocale(Locale.of("sq"));
        UI.getCurrent().navigate("login", QueryParameters.of("sso", "disabled"));
        assertThat(refusal().isVisible()).isTrue();
        assertThat(refusal().getText()).isEqualTo("Llogaria juaj në Protection Cases është çaktivizuar. Drejtojuni një administratori.");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login", QueryParameters.of("sso", "unknown"));
        assertThat(refusal().getText()).startsWith("Your organisation's account is not linked to an account in Protection Cases.");
    }

    @Test
    void thePasskeyButtonIsThereAndSingleSignOnOnlyWhenConfigured() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(LoginView.class);
        assertThat(find(Paragraph.class).withClassName("login-alternative-error").exists()).as("no refusal shown").isFalse();
        // Passkeys are on by default (app.security.passkeys.enabled; APP_PASSKEYS_ENABLED=false hides the button).
        Button passkey = find(Button.class).id("passkey-sign-in");
        assertThat(passkey.getText()).isEqualTo("Sign in with a passkey");
        assertThat(passkey.isVisible()).isTrue();
        // The test configuration names no identity provider.
        assertThat(find(Button.class).withId("sso-sign-in").exists()).isFalse();
    }
}
