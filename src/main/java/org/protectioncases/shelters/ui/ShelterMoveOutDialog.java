package org.protectioncases.shelters.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.Map;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shelters.Resident;
import org.protectioncases.shelters.ShelterService;
import org.springframework.dao.OptimisticLockingFailureException;

/** Records the day a resident left (today unless changed; not before they moved in, not in the future). */
class ShelterMoveOutDialog extends Dialog {
    final DatePicker movedOut = DateFields.date();
    final Button confirm = new Button(getTranslation("shelter.moveOut"));

    ShelterMoveOutDialog(Resident r, ShelterService shelters, LocalDate today, Runnable reload) {
        setHeaderTitle(getTranslation("shelter.moveOutOf", r.personLabel()));
        movedOut.setLabel(getTranslation("shelter.movedOut"));
        movedOut.setValue(today);
        movedOut.setMin(r.movedIn());
        movedOut.setMax(today);
        add(new Paragraph(getTranslation("shelter.movedIn") + ": " + r.movedIn().format(Formats.DATE)), movedOut);
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> {
            try {
                shelters.moveOut(r.residenceId(), movedOut.getValue(), r.version());
                Notifications.success(getTranslation("shelter.movedOutDone", r.personLabel()));
                close();
                reload.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("movedOut", movedOut), this);
            } catch (OptimisticLockingFailureException ex) {
                close();
                Notifications.error(getTranslation("error.staleData"));
                reload.run();
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
        movedOut.focus();
    }
}
