package org.protectioncases.legal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.DecisionRecorded;
import org.protectioncases.legal.DecisionType;
import org.protectioncases.legal.EventForms;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;

/**
 * The Legal tab's "Decision served": when a deadline rule applies to the decision, the deadline it
 * proposes opens next for the lawyer to confirm.
 */
class DecisionDialog extends Dialog {

    DecisionDialog(long caseId, CaseEventService events, Runnable refresh) {
        setHeaderTitle(getTranslation("legal.decision.add"));
        Select<DecisionType> type = new Select<>();
        type.setLabel(getTranslation("legal.decision.type"));
        type.setItems(DecisionType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        type.setId("decision-type");
        DatePicker servedOn = DateFields.date(getTranslation("legal.decision.servedOn"));
        servedOn.setId("decision-served-on");
        TextField title = new TextField(getTranslation("legal.event.title"));
        title.setMaxLength(EventForms.TITLE_MAX);
        add(new FormLayout(type, servedOn, title));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                DecisionRecorded recorded = events.recordDecisionServed(caseId, new EventForms.Decision(type.getValue(), servedOn.getValue(),
                        title.getValue()));
                close();
                refresh.run();
                if (recorded.proposals().isEmpty()) {
                    Notifications.success(getTranslation("legal.decision.noRule"));
                } else {
                    new DeadlineDialog(caseId, events, refresh, recorded.proposals().getFirst()).open();
                }
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("decisionType", type, "servedOn", servedOn, "title", title), this);
            }
        });
        save.setId("decision-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
