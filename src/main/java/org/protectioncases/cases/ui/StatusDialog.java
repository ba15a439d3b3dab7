package org.protectioncases.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.springframework.dao.OptimisticLockingFailureException;

/** Confirms a status change; asks for the outcome when closing and a reason when reopening. */
class StatusDialog extends Dialog {

    StatusDialog(CaseDetails c, CaseStatus target, CaseWorkflowService workflow, CasePage page) {
        boolean closing = target == CaseStatus.CLOSED;
        boolean reopening = c.summary().status() == CaseStatus.CLOSED;
        setHeaderTitle(getTranslation(closing ? "case.action.close" : reopening ? "case.action.reopen" : "case.action.to." + target.name()));
        Select<CaseOutcome> outcome = outcomeSelect(c, this);
        outcome.setVisible(closing);
        TextArea reason = new TextArea(getTranslation(reopening ? "case.reopenReason" : "case.statusNote"));
        reason.setRequiredIndicatorVisible(reopening);
        reason.setMaxLength(CaseWorkflowService.STATUS_REASON_MAX);
        reason.setWidthFull();
        add(new FormLayout(outcome, reason));
        Button confirm = new Button(getTranslation("common.save"), e -> {
            try {
                workflow.changeStatus(c.id(), c.version(), target, reason.getValue(), outcome.getValue());
                Notifications.success(getTranslation("case.statusChanged", getTranslation(target.messageKey())));
                close();
                page.reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("outcome", outcome, "reason", reason), this);
            } catch (OptimisticLockingFailureException ex) {
                close();
                page.conflict(c);
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }

    /** The outcomes the case's type may close with (the closing dialog asks the same). */
    static Select<CaseOutcome> outcomeSelect(CaseDetails c, Dialog translator) {
        Select<CaseOutcome> outcome = new Select<>();
        outcome.setLabel(translator.getTranslation("case.outcome"));
        outcome.setItems(c.summary().type().outcomes());
        outcome.setItemLabelGenerator(o -> translator.getTranslation(o.messageKey()));
        outcome.setRequiredIndicatorVisible(true);
        return outcome;
    }
}
