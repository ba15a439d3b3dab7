package org.protectioncases.cases.ui.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralStatus;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.DateFields;

/** Records an institution's answer to a referral (from a case or a visit): status and date. */
public class ReferralAnswerDialog extends Dialog {

    /** Saves the answer; throws {@link FieldValidationException} for bad input. */
    @FunctionalInterface
    public interface Answer {
        void save(ReferralStatus status, @Nullable LocalDate on);
    }

    /** {@code today} (from the caller's injected clock) is the default answer date and the latest one allowed. */
    public ReferralAnswerDialog(ReferralDto r, LocalDate today, Answer answer, Runnable afterSave) {
        setHeaderTitle(getTranslation("referral.recordAnswer"));
        Select<ReferralStatus> status = new Select<>();
        status.setLabel(getTranslation("referral.status"));
        status.setItems(ReferralStatus.answers());
        status.setItemLabelGenerator(s -> s == null ? "" : getTranslation(s.messageKey()));
        status.setValue(r.status());
        DatePicker on = DateFields.date(getTranslation("referral.responseOn"), r.responseOn() == null ? today : r.responseOn());
        on.setMax(today);
        add(new FormLayout(status, on));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                answer.save(status.getValue(), on.getValue());
                close();
                afterSave.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("responseOn", on), this);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
