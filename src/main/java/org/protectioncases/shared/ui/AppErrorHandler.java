package org.protectioncases.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.protectioncases.shared.db.DatabaseOutages;
import org.protectioncases.shared.db.ReportsBusyException;
import org.protectioncases.shared.db.StatementTimeouts;
import org.protectioncases.shared.FieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * No stack trace ever reaches the user: unexpected errors are logged with a reference the user
 * can quote, and the user sees a plain message in their language.
 */
@Component
class AppErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(AppErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Message message = messageFor(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            String text = ui.getTranslation(message.key(), message.arguments());
            ui.access(() -> Notifications.error(text));
        }
    }

    /** What the user is told (a bundle key and the reference it quotes); logs what they are not told. */
    static Message messageFor(Throwable failure) {
        Throwable cause = rootOf(failure);
        if (cause instanceof FieldValidationException invalid && !invalid.fieldErrors().isEmpty()) {
            // Input a form did not catch (e.g. a search box's filter refused in a grid callback): say what is wrong.
            var first = invalid.fieldErrors().entrySet().iterator().next();
            return new Message(first.getValue(), "", invalid.arguments(first.getKey()));
        }
        if (cause instanceof AccessDeniedException) {
            log.warn("Access denied: {}", cause.getMessage());
            return new Message("error.accessDenied", "");
        }
        if (cause instanceof OptimisticLockingFailureException) {
            return new Message("error.staleData", "");
        }
        if (cause instanceof ReportsBusyException) {
            return new Message("error.reportsBusy", "");
        }
        if (DatabaseOutages.isOutage(failure)) {
            // Nothing was saved and the form still holds what was typed; the pool reconnects by itself.
            log.warn("The database cannot be reached: {}", cause.toString());
            return new Message("error.databaseUnavailable", "");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        if (StatementTimeouts.isTimeout(failure)) {
            // The database cancelled a slow query (statement_timeout) and the connection is free again.
            log.warn("Query cancelled after the time limit, reference {}", reference, failure);
            return new Message("error.queryTimeout", reference);
        }
        log.error("Unexpected error, reference {}", reference, failure);
        return new Message("error.unexpected", reference);
    }

    /** A bundle key, the reference quoted to the user (or empty), and the key's message arguments. */
    record Message(String key, String reference, Object[] arguments) {

        Message(String key, String reference) {
            this(key, reference, new Object[] {reference});
        }
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof AccessDeniedException || current instanceof OptimisticLockingFailureException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }
}
