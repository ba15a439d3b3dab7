package org.protectioncases.shell.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Anchor;
import jakarta.annotation.security.PermitAll;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Role;

/**
 * The first page after login. It says plainly what the user's role can do in this release and
 * what is still to come, rather than showing empty placeholders.
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
public class HomeView extends Main implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser) {
        addClassName("page");
        AppUser user = currentUser.require();
        add(new H2(getTranslation("home.welcome", user.fullName())));
        add(new Paragraph(getTranslation("home.signedInAs", getTranslation(user.role().messageKey()),
                user.partnerCode() == null ? getTranslation("home.noPartner") : user.partnerCode())));
        add(new Paragraph(getTranslation("home.role." + user.role().name())));
        if (user.role() == Role.ADMIN) {
            UnorderedList links = new UnorderedList(
                    new ListItem(new Anchor("admin/partners", getTranslation("nav.partners"))),
                    new ListItem(new Anchor("admin/users", getTranslation("nav.users"))));
            add(links);
        } else {
            add(new Paragraph(getTranslation("home.comingSoon")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " | " + getTranslation("app.name");
    }
}
