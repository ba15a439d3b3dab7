package org.protectioncases.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
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
        Throwable cause = rootOf(event.getThrowable());
        String key;
        String reference = "";
        if (cause instanceof FieldValidationException invalid && !invalid.fieldErrors().isEmpty()) {
            // Input a form did not catch (e.g. a search box's filter refused in a grid callback): say what is wrong.
            var first = invalid.fieldErrors().entrySet().iterator().next();
            UI current = UI.getCurrent();
            if (current != null) {
                String text = current.getTranslation(first.getValue(), invalid.arguments(first.getKey()));
                current.access(() -> Notifications.error(text));
            }
            return;
        }
        if (cause instanceof AccessDeniedException) {
            key = "error.accessDenied";
            log.warn("Access denied: {}", cause.getMessage());
        } else if (cause instanceof OptimisticLockingFailureException) {
            key = "error.staleData";
        } else {
            reference = UUID.randomUUID().toString().substring(0, 8);
            key = "error.unexpected";
            log.error("Unexpected error, reference {}", reference, event.getThrowable());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            String text = ui.getTranslation(key, reference);
            ui.access(() -> Notifications.error(text));
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
