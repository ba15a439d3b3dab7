package org.protectioncases.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.ui.SelectNames;
import org.springframework.core.env.Environment;

/**
 * The only page anonymous users can open. Whatever went wrong (unknown user, wrong password,
 * locked or disabled account) the same message is shown, so the form reveals nothing. Below the
 * form: single sign-on (OpenID Connect, when configured; a refusal is explained, since the person
 * proved who they are at the identity provider) and signing in with a passkey (WebAuthn,
 * {@code frontend/scripts/passkeys.js}).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
@JavaScript("context://scripts/passkeys.js")
public class LoginView extends Main implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final H1 title = new H1();
    private final Paragraph subtitle = new Paragraph();
    private final Select<Language> language = new Select<>();
    private final Button passkey = new Button();
    private final Paragraph alternativeError = new Paragraph();
    private final Div alternatives = new Div();
    private final Button singleSignOn = new Button();
    private final String singleSignOnName;
    private @Nullable String alternativeErrorKey;

    /** {@code environment}: whether single sign-on is configured ({@code app.security.oidc.*}) and its name. */
    public LoginView(Environment environment) {
        singleSignOnName = environment.getProperty("app.security.oidc.display-name", "").strip();
        singleSignOn.setId("sso-sign-in");
        singleSignOn.setVisible(!environment.getProperty("app.security.oidc.issuer-uri", "").isBlank());
        // A full page load: Spring Security's OAuth2 login sends the browser on to the identity provider.
        singleSignOn.addClickListener(e -> UI.getCurrent().getPage().setLocation("oauth2/authorization/oidc"));
        addClassName("login-view");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        language.setItems(Language.values());
        language.setItemLabelGenerator(Language::nativeName);
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.getSession().setLocale(e.getValue().locale()));
            }
        });
        title.addClassName("login-title");
        passkey.setId("passkey-sign-in");
        // On by default; APP_PASSKEYS_ENABLED=false hides it (e.g. where no HTTPS address is set up yet).
        passkey.setVisible(environment.getProperty("app.security.passkeys.enabled", Boolean.class, true));
        passkey.addClickListener(e -> signInWithPasskey());
        alternativeError.addClassName("login-alternative-error");
        alternativeError.getElement().setAttribute("role", "alert");
        alternativeError.setVisible(false);
        alternatives.addClassName("login-alternatives");
        alternatives.add(alternativeError, singleSignOn, passkey);
        add(language, title, subtitle, login, alternatives);
    }

    /**
     * Where to go after a passkey sign-in: the address Spring Security answered if it is one of
     * ours (a path on this server), else the start page; never another site.
     */
    public static String localTarget(String answered) {
        boolean local = answered.startsWith("/") && !answered.startsWith("//") && !answered.startsWith("/\\");
        return local ? answered : ".";
    }

    private void showAlternativeError() {
        if (alternativeErrorKey != null) {
            alternativeError.setText(getTranslation(alternativeErrorKey));
            alternativeError.setVisible(true);
        }
    }

    private void signInWithPasskey() {
        passkey.setEnabled(false);
        alternativeErrorKey = null;
        alternativeError.setVisible(false);
        getElement().executeJs("return window.pcPasskeys.signIn()").then(String.class, result -> {
            passkey.setEnabled(true);
            if (result.startsWith("ok")) {
                UI.getCurrent().getPage().setLocation(localTarget(result.substring(2).replaceFirst("^:", "")));
            } else if (!"cancelled".equals(result)) {
                alternativeErrorKey = "unsupported".equals(result) ? "mfa.passkeys.unsupported" : "login.passkey.failed";
                showAlternativeError();
            }
        }, error -> {
            passkey.setEnabled(true);
            alternativeErrorKey = "login.passkey.failed";
            showAlternativeError();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        login.setError(parameters.containsKey("error"));
        // Single sign-on refused: say why (the person proved who they are at the identity provider).
        String refused = parameters.getOrDefault("sso", List.of()).stream().findFirst().orElse(null);
        alternativeErrorKey = refused == null ? null : switch (refused) {
            case "unknown" -> "login.sso.unknown";
            case "disabled" -> "login.sso.disabled";
            case "locked" -> "login.sso.locked";
            default -> "login.sso.failed";
        };
        showAlternativeError();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        language.setValue(Language.of(event.getLocale()));
        SelectNames.named(language, getTranslation("header.language"));
        title.setText(getTranslation("app.name"));
        subtitle.setText(getTranslation("login.subtitle"));
        passkey.setText(getTranslation("login.passkey"));
        singleSignOn.setText(singleSignOnName.isEmpty() ? getTranslation("login.sso")
                : getTranslation("login.ssoNamed", singleSignOnName));
        showAlternativeError();
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        login.setI18n(i18n);
        getUI().ifPresent(ui -> {
            ui.getPage().setTitle(getPageTitle());
            ui.getPage().executeJs("document.documentElement.lang = $0", Language.of(event.getLocale()).code());
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.name");
    }
}
