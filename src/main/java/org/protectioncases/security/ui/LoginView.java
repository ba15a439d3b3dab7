package org.protectioncases.security.ui;

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
import org.protectioncases.shared.i18n.Language;

/**
 * The only page anonymous users can open. Whatever went wrong (unknown user, wrong password,
 * locked or disabled account) the same message is shown, so the form reveals nothing.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final H1 title = new H1();
    private final Paragraph subtitle = new Paragraph();
    private final Select<Language> language = new Select<>();

    public LoginView() {
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
        add(language, title, subtitle, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        language.setValue(Language.of(event.getLocale()));
        language.setAriaLabel(getTranslation("header.language"));
        title.setText(getTranslation("app.name"));
        subtitle.setText(getTranslation("login.subtitle"));
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
