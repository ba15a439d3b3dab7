package org.protectioncases.legal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.DeadlineProposal;
import org.protectioncases.legal.EventForms;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/** A new deadline; given a proposal, its date is filled in and the rule is explained, for the lawyer to confirm. */
class DeadlineDialog extends Dialog {

    DeadlineDialog(long caseId, CaseEventService events, Runnable refresh, @Nullable DeadlineProposal proposal) {
        setHeaderTitle(getTranslation(proposal == null ? "legal.deadline.add" : "legal.deadline.confirm"));
        setId("deadline-dialog");
        DatePicker date = DateFields.date(getTranslation("legal.deadline.date"));
        date.setId("deadline-date");
        TextField title = new TextField(getTranslation("legal.event.title"));
        title.setMaxLength(EventForms.TITLE_MAX);
        title.setId("deadline-title");
        if (proposal != null) {
            date.setValue(proposal.dueOn());
            title.setValue(proposal.ruleName());
            add(new Paragraph(getTranslation("legal.deadline.proposed", Formats.date(proposal.servedOn()), proposal.days(),
                    getTranslation(proposal.dayCount().messageKey()), Formats.date(proposal.dueOn()))));
            if (proposal.beyondHolidays()) {
                add(new Paragraph(getTranslation("legal.deadline.beyondHolidays")));
            }
        }
        add(new FormLayout(date, title));
        Button save = new Button(getTranslation(proposal == null ? "common.save" : "legal.deadline.confirmButton"), e -> {
            try {
                events.addDeadline(caseId, new EventForms.Deadline(date.getValue(), title.getValue(),
                        proposal == null ? null : proposal.ruleId(), proposal == null ? null : proposal.decisionEventId()));
                Notifications.success(getTranslation("common.saved"));
                close();
                refresh.run();
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("date", date, "title", title), this);
            }
        });
        save.setId("deadline-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
