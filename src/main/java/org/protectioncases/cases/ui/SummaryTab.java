package org.protectioncases.cases.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.CaseloadService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.DocumentType;
import org.protectioncases.security.Access;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.Staff;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The case's first tab: its facts, and for those who may work on it the forms for them (assignee
 * for coordinators, priority, next action, summary, the civil-documentation and type fields), the
 * people it concerns and the confidential note. Each fact shows once: as text when read-only, as a
 * field when editable.
 */
class SummaryTab extends Div {

    private final CaseDetails c;
    private final CasePage page;

    SummaryTab(CaseDetails c, Services services, Clock clock, CasePage page) {
        this.c = c;
        this.page = page;
        var s = c.summary();
        Facts facts = new Facts();
        facts.fact("case.openedOn", s.openedOn().format(Formats.DATE));
        boolean assigns = c.workable() && services.access().may(Permission.COORDINATE_CASES);
        if (!assigns) {
            facts.fact("case.assignedTo", Staff.name(s.assignedTo()));
        }
        if (!c.workable()) {
            facts.fact("case.priority", getTranslation(s.priority().messageKey()));
        }
        if (s.closedOn() != null) {
            facts.fact("case.closedOn", s.closedOn().format(Formats.DATE));
        }
        Component typed = TypeDetailsSection.of(c, services.workflow(), clock, () -> page.reload(c.id()));
        if (!c.workable()) {
            CaseUpdate f = c.fields();
            facts.fact("case.nextAction", date(f.nextActionDate()));
            facts.fact("case.summary", f.summary());
            if (s.type() == CaseType.CIVIL_DOCUMENTATION) {
                facts.fact("case.documentSought", f.documentSought() == null ? null : getTranslation(f.documentSought().messageKey()));
                facts.fact("case.authority", f.authority());
                facts.fact("case.submittedOn", date(f.submittedOn()));
                facts.fact("case.obtainedOn", date(f.obtainedOn()));
            }
            add(facts);
            if (typed != null) {
                add(typed);
            }
            if (!c.formerOwnerView()) {
                add(new MembersAndNote(c, services.workflow(), page));
            }
            return;
        }
        if (assigns) {
            add(assignForm(services.caseload(), services.accounts()));
        }
        add(facts, editForm(services.workflow(), LocalDate.now(clock)));
        if (typed != null) {
            add(typed);
        }
        add(new MembersAndNote(c, services.workflow(), page));
    }

    /** The services the tab's forms call. */
    record Services(Access access, CaseWorkflowService workflow, CaseloadService caseload, UserAccountService accounts) {
    }

    private static @Nullable String date(@Nullable LocalDate date) {
        return date == null ? null : date.format(Formats.DATE);
    }

    /** Coordinators (re)assign the case to a lawyer or coordinator of their partner. */
    private Component assignForm(CaseloadService caseload, UserAccountService accounts) {
        ComboBox<UserAccountDto> who = new ComboBox<>(getTranslation("case.assignedTo"));
        var staff = accounts.caseworkers();
        who.setItems(staff);
        who.setItemLabelGenerator(UserAccountDto::fullName);
        staff.stream().filter(u -> u.username().equals(c.summary().assignedTo())).findFirst().ifPresent(who::setValue);
        Button assign = new Button(getTranslation("case.assign"), e -> {
            if (who.getValue() == null) {
                return;
            }
            try {
                caseload.assign(c.id(), c.version(), who.getValue().username());
                Notifications.success(getTranslation("case.saved"));
                page.reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("assignTo", who), this);
            }
        });
        FlexLayout form = new FlexLayout(who, assign);
        form.addClassName("filters");
        return form;
    }

    private Component editForm(CaseWorkflowService workflow, LocalDate today) {
        CaseUpdate f = c.fields();
        Select<CasePriority> priority = new Select<>();
        priority.setLabel(getTranslation("case.priority"));
        priority.setItems(CasePriority.values());
        priority.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        priority.setValue(f.priority());
        DatePicker nextAction = DateFields.date(getTranslation("case.nextAction"), f.nextActionDate());
        TextArea summary = new TextArea(getTranslation("case.summary"));
        summary.setValue(f.summary() == null ? "" : f.summary());
        summary.setMaxLength(NewCase.SUMMARY_MAX);
        Select<DocumentType> document = new Select<>();
        document.setLabel(getTranslation("case.documentSought"));
        document.setItems(DocumentType.values());
        document.setItemLabelGenerator(d -> getTranslation(d.messageKey()));
        document.setValue(f.documentSought());
        TextField authority = new TextField(getTranslation("case.authority"));
        authority.setValue(f.authority() == null ? "" : f.authority());
        authority.setMaxLength(CaseUpdate.AUTHORITY_MAX);
        DatePicker submitted = DateFields.date(getTranslation("case.submittedOn"), f.submittedOn());
        submitted.setMax(today);
        DatePicker obtained = DateFields.date(getTranslation("case.obtainedOn"), f.obtainedOn());
        obtained.setMax(today);
        FormLayout form = new FormLayout(priority, nextAction, summary);
        form.setColspan(summary, 2);
        if (c.summary().type() == CaseType.CIVIL_DOCUMENTATION) {
            form.add(document, authority, submitted, obtained);
        }
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("nextActionDate", nextAction);
        fields.put("summary", summary);
        fields.put("authority", authority);
        fields.put("submittedOn", submitted);
        fields.put("obtainedOn", obtained);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                workflow.update(c.id(), c.version(), new CaseUpdate(priority.getValue(), nextAction.getValue(), summary.getValue(),
                        document.getValue(), authority.getValue(), submitted.getValue(), obtained.getValue()));
                Notifications.success(getTranslation("case.saved"));
                page.reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, fields, this);
            } catch (OptimisticLockingFailureException ex) {
                page.conflict(c);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        return new Div(form, save);
    }
}
