package org.protectioncases.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.validation.TextRules;

/** Who else the case concerns, and the owning partner's confidential note. */
class MembersAndNote extends Div {

    MembersAndNote(CaseDetails c, CaseWorkflowService workflow, CasePage page) {
        UnorderedList list = new UnorderedList();
        c.members().forEach(m -> list.add(new ListItem(new Anchor("people/" + m.personId(), PersonLabels.shown(m.label())))));
        add(new H3(getTranslation("case.members")));
        if (c.members().isEmpty()) {
            add(new Paragraph(getTranslation("case.members.none")));
        } else {
            add(list);
        }
        if (c.workable()) {
            TextField number = new TextField(getTranslation("household.memberRegistrationNo"));
            number.setMaxLength(TextRules.REGISTRATION_NO);
            Button add = new Button(getTranslation("case.members.add"), e -> {
                try {
                    workflow.addMember(c.id(), c.version(), number.getValue());
                    page.reload(c.id());
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("memberRegistrationNo", number), this);
                }
            });
            FlexLayout form = new FlexLayout(number, add);
            form.addClassName("filters");
            add(form);
        }
        if (c.workable() || c.confidentialNote() != null) {
            TextArea note = new TextArea(getTranslation("case.confidentialNote"));
            note.setHelperText(getTranslation("case.confidentialNote.help"));
            note.setValue(c.confidentialNote() == null ? "" : c.confidentialNote());
            note.setMaxLength(CaseWorkflowService.CONFIDENTIAL_NOTE_MAX);
            note.setWidthFull();
            note.setReadOnly(!c.workable());
            add(note);
            if (c.workable()) {
                Button save = new Button(getTranslation("common.save"), e -> {
                    try {
                        workflow.updateConfidentialNote(c.id(), c.version(), note.getValue());
                        Notifications.success(getTranslation("case.saved"));
                        page.reload(c.id());
                    } catch (FieldValidationException ex) {
                        FormErrors.show(ex, Map.of("confidentialNote", note), this);
                    }
                });
                add(save);
            }
        }
    }
}
