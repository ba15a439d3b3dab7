package org.protectioncases.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.protectioncases.shared.db.DatabaseOutages;

/**
 * The page shown when opening a page fails, in place of Vaadin's own (which names the exception).
 * A database outage gets its own page with a "Try again" button and status 503; anything else the
 * plain "something went wrong" with a reference the user can quote, logged by {@link AppErrorHandler}.
 */
@AnonymousAllowed
public class ServerErrorView extends Main implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("error-view");
        Exception failure = parameter.getCaughtException();
        if (DatabaseOutages.isOutage(failure)) {
            AppErrorHandler.messageFor(failure); // logs it, one line
            Button retry = new Button(getTranslation("error.databaseUnavailable.retry"),
                    click -> getUI().ifPresent(ui -> ui.getPage().reload()));
            retry.addThemeVariants(ButtonVariant.PRIMARY);
            add(new H1(getTranslation("error.databaseUnavailable.title")),
                    new Paragraph(getTranslation("error.databaseUnavailable.text")), retry);
            return HttpStatusCode.SERVICE_UNAVAILABLE.getCode();
        }
        AppErrorHandler.Message message = AppErrorHandler.messageFor(failure);
        add(new H1(getTranslation("error.unexpected.title")),
                new Paragraph(getTranslation(message.key(), message.arguments())));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
