package org.protectioncases.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonMergeService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.validation.TextRules;

/** UNHCR managers merge a duplicate (by registration number) into this record. */
class PersonMergeDialog extends Dialog {

    PersonMergeDialog(PersonDetails p, PersonMergeService merges, Consumer<PersonDetails> render) {
        setHeaderTitle(getTranslation("person.merge"));
        TextField number = new TextField(getTranslation("person.merge.other"));
        number.setHelperText(getTranslation("person.merge.help", p.registrationNo()));
        number.setMaxLength(TextRules.REGISTRATION_NO);
        number.setWidthFull();
        add(number);
        Button merge = new Button(getTranslation("person.merge.confirm"), e -> {
            try {
                PersonDetails result = merges.merge(p.id(), number.getValue());
                Notifications.success(getTranslation("person.merged"));
                close();
                render.accept(result);
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("registrationNo", number), this);
            }
        });
        merge.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), merge);
    }
}
