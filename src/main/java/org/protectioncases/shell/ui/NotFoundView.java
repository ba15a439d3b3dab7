package org.protectioncases.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The page for an address that leads nowhere, in the user's language. Unlike Vaadin's own error
 * page it names no route and repeats nothing from the address; {@link AccessDeniedView} shows the
 * same page, so a page the user may not open looks like one that does not exist.
 */
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(this);
        return HttpStatusCode.NOT_FOUND.getCode();
    }

    static void show(Main page) {
        page.removeAll();
        page.addClassName("error-view");
        page.add(new H1(page.getTranslation("error.notFound.title")),
                new Paragraph(page.getTranslation("error.notFound.text")),
                new Anchor("", page.getTranslation("error.notFound.home")));
    }
}
