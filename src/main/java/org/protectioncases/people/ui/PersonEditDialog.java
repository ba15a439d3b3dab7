package org.protectioncases.people.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.protectioncases.audit.ui.RecordHistory;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Rectification;
import org.protectioncases.reference.ReferenceDataService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Edits a person's profile. If someone saved the person meanwhile, nothing is overwritten: the
 * dialog says who changed it and when, and offers to reload.
 */
class PersonEditDialog extends Dialog {
    final Paragraph conflict = new Paragraph();
    final Button save = new Button();

    PersonEditDialog(PersonDetails p, PersonService people, ReferenceDataService reference, LocalDate today,
                     Consumer<PersonDetails> render) {
        setHeaderTitle(getTranslation("person.edit"));
        PersonFormFields form = new PersonFormFields(reference, today);
        form.write(p.profile());
        add(form);
        // Right to rectification (issue #16): a correction the person asked for says who, when and why.
        ComboBox<Rectification.Requester> requester = new ComboBox<>(getTranslation("rectification.requester"));
        requester.setItems(Rectification.Requester.values());
        requester.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        requester.setClearButtonVisible(true);
        DatePicker requestedOn = DateFields.date(getTranslation("rectification.requestedOn"));
        TextField reason = new TextField(getTranslation("rectification.reason"));
        reason.setMaxLength(Rectification.REASON_MAX);
        reason.setHelperText(getTranslation("rectification.help"));
        add(new H4(getTranslation("rectification.title")), new FormLayout(requester, requestedOn, reason));
        conflict.addClassName("field-error");
        conflict.setVisible(false);
        add(conflict);
        Button reload = new Button(getTranslation("common.reload"), e -> {
            close();
            people.get(p.id()).ifPresent(render);
        });
        reload.setVisible(false);
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            try {
                if (requester.getValue() != null || requestedOn.getValue() != null || !reason.getValue().isBlank()) {
                    people.rectify(p.id(), p.version(), form.read(), new Rectification(requester.getValue(),
                            requestedOn.getValue(), reason.getValue()));
                } else {
                    people.update(p.id(), p.version(), form.read());
                }
                Notifications.success(getTranslation("person.saved"));
                close();
                people.get(p.id()).ifPresent(render);
            } catch (FieldValidationException ex) {
                Map<String, HasValidation> targets = new HashMap<>(form.errorTargets());
                targets.put("requester", requester);
                targets.put("requestedOn", requestedOn);
                targets.put("reason", reason);
                FormErrors.show(ex, targets, this);
            } catch (OptimisticLockingFailureException ex) {
                conflict.setText(RecordHistory.savedMeanwhile(this, people.history(p.id()), "person.conflict"));
                conflict.setVisible(true);
                reload.setVisible(true);
                save.setEnabled(false);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), reload, save);
        setWidth("min(60em, 95vw)");
    }
}
