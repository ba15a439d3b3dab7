package org.protectioncases.people.ui.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.protectioncases.people.ConsentScope;
import org.protectioncases.people.ConsentService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.Notifications;

/**
 * Offered where a referral, a transfer or a visit referral finds the person's consent missing:
 * records it right there (to what, who gave it, when) and then runs {@code then}, which repeats the
 * action with what the user had typed (the form behind the dialog is left as it was). Cancelling
 * leaves everything as typed too.
 */
public class ConsentCapture extends Dialog {

    final ConsentFields fields;
    final Button record = new Button();

    public ConsentCapture(ConsentService consents, LocalDate today, long personId, ConsentScope needed, Runnable then) {
        addClassName("consent-capture");
        setHeaderTitle(getTranslation("consent.capture.title", getTranslation(needed.messageKey())));
        fields = new ConsentFields(ConsentFields.allScopes(), Set.of(needed), today);
        Paragraph why = new Paragraph(getTranslation("consent.capture.text", getTranslation(needed.messageKey())));
        add(why, fields);
        record.setText(getTranslation("consent.capture.record"));
        record.addThemeVariants(ButtonVariant.PRIMARY);
        record.addClickListener(e -> {
            try {
                fields.record(consents, personId);
            } catch (FieldValidationException ex) {
                return;
            }
            Notifications.success(getTranslation("consent.recorded"));
            close();
            then.run();
        });
        Button cancel = new Button(getTranslation("consent.capture.notNow"), e -> close());
        getFooter().add(cancel, record);
        setWidth("min(40em, 100vw)");
    }

    /**
     * Opens the dialog for the person's missing consent to {@code needed}. The service is taken from
     * the application context so that the pages embedding this (other modules' dialogs) need not
     * carry the people module's consent service themselves.
     */
    public static ConsentCapture offer(long personId, ConsentScope needed, Runnable then) {
        ConsentService consents = VaadinService.getCurrent().getInstantiator().getOrCreate(ConsentService.class);
        Clock clock = VaadinService.getCurrent().getInstantiator().getOrCreate(Clock.class);
        ConsentCapture dialog = new ConsentCapture(consents, LocalDate.now(clock), personId, needed, then);
        dialog.open();
        return dialog;
    }
}
