package org.protectioncases.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.i18n.Language;
import org.protectioncases.shared.ui.SelectNames;

/**
 * The frame around every view: side navigation built from the views the user may open
 * ({@code @Menu} entries filtered by their access annotations), and a header with who is signed
 * in, for which partner, the language switcher and logout.
 */
@Layout
@PermitAll
@JavaScript("context://scripts/phone.js")
@JavaScript("context://scripts/a11y.js")
public class MainLayout extends AppLayout {

    /** Session flag: the user's remembered language has been applied after login. */
    static final String LANGUAGE_APPLIED = MainLayout.class.getName() + ".languageApplied";

    public MainLayout(CurrentUser currentUser, UserAccountService accounts, AuthenticationContext authentication) {
        AppUser user = currentUser.require();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(LANGUAGE_APPLIED) == null) {
            session.setAttribute(LANGUAGE_APPLIED, Boolean.TRUE);
            session.setLocale(Language.of(user.preferredLocale()).locale());
        }

        // Screen readers pick their voice from the page language.
        UI.getCurrent().getPage()
                .executeJs("document.documentElement.lang = $0", Language.of(getLocale()).code());

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("header.menu"));
        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("app-name");

        Span who = new Span(user.fullName());
        who.addClassName("header-user");
        String scope = getTranslation(user.role().messageKey())
                + (user.partnerCode() == null ? "" : " · " + user.partnerCode());
        Span role = new Span(scope);
        role.addClassName("header-role");
        Div identity = new Div(who, role);
        identity.addClassName("header-identity");

        Select<Language> language = new Select<>();
        language.setItems(Language.values());
        language.setItemLabelGenerator(Language::nativeName);
        language.setValue(Language.of(getLocale()));
        SelectNames.named(language, getTranslation("header.language"));
        language.addClassName("header-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                accounts.changeOwnLanguage(e.getValue());
                VaadinSession.getCurrent().setLocale(e.getValue().locale());
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });

        Button logout = new Button(getTranslation("header.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.TERTIARY);

        HorizontalLayout header = new HorizontalLayout(toggle, appName, identity, language, logout);
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(identity);
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }
}
