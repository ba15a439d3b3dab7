package org.protectioncases.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.OpenItem;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Closing: the outcome, a note, and what is still open on the case (referrals waiting for an
 * answer, session follow-ups), each cancelled or kept explicitly; what other modules say about
 * closing (an open hearing or deadline needs a reason) is shown first.
 */
class ClosingDialog extends Dialog {

    ClosingDialog(CaseDetails c, CaseWorkflowService workflow, CasePage page) {
        setHeaderTitle(getTranslation("case.action.close"));
        var check = workflow.closingCheck(c.id());
        Select<CaseOutcome> outcome = StatusDialog.outcomeSelect(c, this);
        TextArea reason = new TextArea(getTranslation("case.statusNote"));
        reason.setMaxLength(CaseWorkflowService.STATUS_REASON_MAX);
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(!check.notices().isEmpty());
        for (String notice : check.notices()) {
            Paragraph p = new Paragraph(getTranslation(notice));
            p.addClassName("notice");
            add(p);
        }
        add(new FormLayout(outcome, reason));
        Map<OpenItem, RadioButtonGroup<Boolean>> decisions = new LinkedHashMap<>();
        if (!check.openItems().isEmpty()) {
            add(new H3(getTranslation("case.close.openItems")));
            add(new Paragraph(getTranslation("case.close.openItems.help")));
            for (var item : check.openItems()) {
                var choice = new RadioButtonGroup<Boolean>(openItemLabel(item));
                choice.setItems(Boolean.TRUE, Boolean.FALSE);
                choice.setItemLabelGenerator(cancel -> getTranslation(cancel
                        ? "case.close.cancel." + item.kind() : "case.close.keep"));
                choice.setRequiredIndicatorVisible(true);
                choice.addClassName("open-item");
                decisions.put(item, choice);
                add(choice);
            }
        } else {
            add(new Paragraph(getTranslation("case.close.nothingOpen")));
        }
        Span error = new Span();
        error.addClassName("field-error");
        add(error);
        Button confirm = new Button(getTranslation("case.action.close"), e -> {
            error.setText("");
            Set<String> cancel = new HashSet<>();
            Set<String> keep = new HashSet<>();
            boolean undecided = false;
            for (var d : decisions.entrySet()) {
                Boolean value = d.getValue().getValue();
                d.getValue().setInvalid(value == null);
                if (value == null) {
                    d.getValue().setErrorMessage(getTranslation("case.close.decide"));
                    undecided = true;
                } else if (value) {
                    cancel.add(d.getKey().key());
                } else {
                    keep.add(d.getKey().key());
                }
            }
            if (undecided) {
                error.setText(getTranslation("case.close.undecided"));
                return;
            }
            try {
                workflow.close(c.id(), c.version(), outcome.getValue(), reason.getValue(), cancel, keep);
                Notifications.success(getTranslation("case.statusChanged", getTranslation(CaseStatus.CLOSED.messageKey())));
                close();
                page.reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("outcome", outcome, "reason", reason), this);
                String key = ex.fieldErrors().get("openItems");
                if (key != null) {
                    // Something was added since the dialog opened: ask again with the current list.
                    close();
                    Notifications.error(getTranslation(key));
                    new ClosingDialog(c, workflow, page).open();
                }
            } catch (OptimisticLockingFailureException ex) {
                close();
                page.conflict(c);
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
    }

    private String openItemLabel(OpenItem item) {
        String due = item.due() == null ? "" : item.due().format(Formats.DATE);
        return switch (item.kind()) {
            case "REFERRAL" -> getTranslation("case.openItem.REFERRAL", getTranslation(item.label()), due);
            case "SESSION_FOLLOW_UP" -> getTranslation("case.openItem.SESSION_FOLLOW_UP", item.label(), due);
            default -> item.label() + (due.isEmpty() ? "" : " · " + due);
        };
    }
}
