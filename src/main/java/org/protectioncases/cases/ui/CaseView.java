package org.protectioncases.cases.ui;

import org.protectioncases.people.DocumentType;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CaseOutcome;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseTransferService;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.CaseloadService;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseUpdate;
import org.protectioncases.cases.ReferralDto;
import org.protectioncases.cases.ReferralStatus;
import org.protectioncases.cases.ReferralTarget;
import org.protectioncases.cases.StatusChangeDto;
import org.protectioncases.security.Access;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.validation.TextRules;
import org.protectioncases.cases.NewCase;
import org.protectioncases.shared.ui.DateFields;
import org.protectioncases.shared.i18n.Formats;

/**
 * The case page: summary and fields, status actions along the workflow, referrals, timeline,
 * history and (for managers and coordinators) who opened it. Opening it is logged; another
 * partner's case is "not found".
 */
@Route("cases/:id")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class CaseView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DATE = CasesView.DATE;
    private static final DateTimeFormatter TIME = Formats.MOMENT;

    private final CaseService cases;
    private final CaseWorkflowService workflow;
    private final CaseloadService caseload;
    private final ReferralService referrals;
    private final CaseTransferService transfers;
    private final Access access;
    private final org.protectioncases.partners.PartnerService partners;
    private final org.protectioncases.security.UserAccountService accounts;
    private final java.util.List<org.protectioncases.cases.CasePageSection> sections;
    private final org.protectioncases.attachments.AttachmentService attachments;
    private final Clock clock;
    private @Nullable CaseDetails current;

    public CaseView(CaseService cases, CaseWorkflowService workflow, CaseloadService caseload, ReferralService referrals,
                    CaseTransferService transfers, Access access, org.protectioncases.partners.PartnerService partners,
                    org.protectioncases.security.UserAccountService accounts,
                    java.util.List<org.protectioncases.cases.CasePageSection> sections,
                    org.protectioncases.attachments.AttachmentService attachments, Clock clock) {
        this.clock = clock;
        this.sections = sections;
        this.attachments = attachments;
        this.cases = cases;
        this.workflow = workflow;
        this.caseload = caseload;
        this.referrals = referrals;
        this.transfers = transfers;
        this.access = access;
        this.partners = partners;
        this.accounts = accounts;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tabs = null;  // another case opens on its first tab
        current = event.getRouteParameters().getLong("id").flatMap(cases::get).orElse(null);
        if (current == null) {
            removeAll();
            add(new H2(getTranslation("case.notFound.title")), new Paragraph(getTranslation("case.notFound.text")));
            return;
        }
        render(current);
    }

    /**
     * Someone saved the case after this page was opened: nothing was overwritten. Say who and
     * when, and show the current state.
     */
    private void conflict(CaseDetails c) {
        var history = cases.history(c.id());
        var last = history.isEmpty() ? null : history.get(history.size() - 1);
        Notifications.error(last == null ? getTranslation("error.staleData")
                : getTranslation("case.conflict", org.protectioncases.shared.ui.Staff.name(last.actor()), TIME.format(last.at())));
        reload(c.id());
    }

    private void reload(long id) {
        current = cases.get(id).orElse(null);
        if (current != null) {
            render(current);
        }
    }

    private void render(CaseDetails c) {
        // A reload (after a save or a session) keeps the tab the user was on.
        int selectedTab = tabs == null ? 0 : tabs.getSelectedIndex();
        removeAll();
        var s = c.summary();
        boolean closed = s.status() == CaseStatus.CLOSED;
        H2 title = new H2(s.caseNo() + " · " + getTranslation(s.type().messageKey()));
        Span status = CaseBadges.status(s.status(), s.outcome() == null ? null : getTranslation(s.outcome().messageKey()));
        status.addClassName("case-status");
        Anchor person = new Anchor("people/" + s.personId(), PersonLabels.shown(s.personLabel()));
        Div head = new Div(title, status, new Paragraph(person));
        head.addClassName("case-head");

        TabSheet tabs = new TabSheet();
        this.tabs = tabs;
        tabs.add(getTranslation("case.tab.summary"), summary(c));
        tabs.add(getTranslation("case.tab.referrals"), referrals(c));
        tabs.add(getTranslation("case.tab.timeline"), timeline(c));
        tabs.add(getTranslation("case.tab.history"), history(c));
        if (!c.formerOwnerView()) {
            tabs.add(getTranslation("attachment.title"), new org.protectioncases.attachments.ui.AttachmentsPanel(attachments, "CASE", c.id()));
        }
        if (access.may(Permission.READ_ACCESS_LOG) && !c.formerOwnerView()) {
            tabs.add(getTranslation("case.tab.access"), accessLog(c));
        }
        // One row of actions: the work of the day (Log session), the next status step, and the rare
        // or final ones (close, transfer) in a menu.
        FlexLayout headActions = new FlexLayout();
        headActions.addClassName("filters");
        headActions.addClassName("case-actions");
        boolean primaryTaken = false;
        for (var section : sections) {
            var contribution = section.create(s, c.formerOwnerView());
            if (contribution != null) {
                var tab = tabs.add(new com.vaadin.flow.component.tabs.Tab(contribution.title()), contribution.content(),
                        Math.min(contribution.position(), tabs.getTabCount()));
                if (contribution.headerAction() != null && !closed) {
                    // The action's results show in its tab (e.g. the session just logged).
                    if (contribution.headerAction() instanceof com.vaadin.flow.component.ClickNotifier<?> clickable) {
                        clickable.addClickListener(e -> tabs.setSelectedTab(tab));
                    }
                    if (contribution.headerAction() instanceof Button b && b.hasThemeName(ButtonVariant.PRIMARY.getVariantName())) {
                        primaryTaken = true;
                    }
                    headActions.add(contribution.headerAction());
                }
            }
        }
        if (c.editable()) {
            statusActions(c, headActions, primaryTaken);
        }
        tabs.setWidthFull();
        if (selectedTab > 0 && selectedTab < tabs.getTabCount()) {
            tabs.setSelectedIndex(selectedTab);
        }
        add(head);
        if (headActions.getComponentCount() > 0) {
            head.add(headActions);
        }
        if (c.formerOwnerView()) {
            Paragraph notice = new Paragraph(getTranslation("transfer.formerOwner", TIME.format(c.handedAwayAt())));
            notice.addClassName("notice");
            add(notice);
        }
        if (closed && c.editable()) {
            Paragraph notice = new Paragraph(getTranslation("case.closedReadOnly"));
            notice.addClassName("notice");
            add(notice);
        }
        if (!c.transfers().isEmpty()) {
            add(transfersPanel(c));
        }
        add(tabs);
    }

    private @Nullable TabSheet tabs;
    private com.vaadin.flow.shared.@Nullable Registration caseChanged;

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        caseChanged = com.vaadin.flow.component.ComponentUtil.addListener(event.getUI(),
                org.protectioncases.cases.CasePageSection.CaseChanged.class, e -> {
                    if (current != null && current.id() == e.caseId()) {
                        reload(e.caseId());
                    }
                });
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (caseChanged != null) {
            caseChanged.remove();
            caseChanged = null;
        }
        super.onDetach(event);
    }

    /**
     * The status actions: reopening a closed case; otherwise the other workflow steps as buttons
     * (the first one primary unless a section's action already is) and, in a menu, closing and
     * transferring the case.
     */
    private void statusActions(CaseDetails c, FlexLayout actions, boolean primaryTaken) {
        CaseStatus now = c.summary().status();
        if (now == CaseStatus.CLOSED) {
            Button reopen = new Button(getTranslation("case.action.reopen"), e -> new StatusDialog(c, CaseStatus.IN_PROGRESS).open());
            reopen.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(reopen);
            return;
        }
        boolean primary = !primaryTaken;
        for (CaseStatus target : now.next().stream().filter(t -> t != CaseStatus.CLOSED).sorted().toList()) {
            Button b = new Button(getTranslation("case.action.to." + target.name()), e -> new StatusDialog(c, target).open());
            if (primary) {
                b.addThemeVariants(ButtonVariant.PRIMARY);
                primary = false;
            }
            actions.add(b);
        }
        com.vaadin.flow.component.menubar.MenuBar more = new com.vaadin.flow.component.menubar.MenuBar();
        more.addClassName("case-more");
        var root = more.addItem(getTranslation("case.action.more"));
        var sub = root.getSubMenu();
        if (now.canMoveTo(CaseStatus.CLOSED)) {
            sub.addItem(getTranslation("case.action.close"), e -> new ClosingDialog(c).open());
        }
        if (c.transfers().stream().noneMatch(org.protectioncases.cases.TransferDto::pending)) {
            sub.addItem(getTranslation("transfer.request"), e -> new TransferDialog(c).open());
        }
        actions.add(more);
    }

    /**
     * Closing: the outcome, a note, and what is still open on the case (referrals waiting for an
     * answer, session follow-ups), each cancelled or kept explicitly; what other modules say about
     * closing (an open hearing or deadline needs a reason) is shown first.
     */
    class ClosingDialog extends Dialog {
        ClosingDialog(CaseDetails c) {
            setHeaderTitle(getTranslation("case.action.close"));
            var check = workflow.closingCheck(c.id());
            Select<CaseOutcome> outcome = new Select<>();
            outcome.setLabel(getTranslation("case.outcome"));
            outcome.setItems(c.summary().type().outcomes());
            outcome.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
            outcome.setRequiredIndicatorVisible(true);
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
            Map<org.protectioncases.cases.OpenItem, com.vaadin.flow.component.radiobutton.RadioButtonGroup<Boolean>> decisions =
                    new java.util.LinkedHashMap<>();
            if (!check.openItems().isEmpty()) {
                add(new com.vaadin.flow.component.html.H3(getTranslation("case.close.openItems")));
                add(new Paragraph(getTranslation("case.close.openItems.help")));
                for (var item : check.openItems()) {
                    var choice = new com.vaadin.flow.component.radiobutton.RadioButtonGroup<Boolean>(openItemLabel(item));
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
                java.util.Set<String> cancel = new java.util.HashSet<>();
                java.util.Set<String> keep = new java.util.HashSet<>();
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
                    reload(c.id());
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("outcome", outcome, "reason", reason), this);
                    String key = ex.fieldErrors().get("openItems");
                    if (key != null) {
                        // Something was added since the dialog opened: ask again with the current list.
                        close();
                        Notifications.error(getTranslation(key));
                        new ClosingDialog(c).open();
                    }
                } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                    close();
                    conflict(c);
                }
            });
            confirm.addThemeVariants(ButtonVariant.PRIMARY);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
        }
    }

    private String openItemLabel(org.protectioncases.cases.OpenItem item) {
        String due = item.due() == null ? "" : item.due().format(DATE);
        return switch (item.kind()) {
            case "REFERRAL" -> getTranslation("case.openItem.REFERRAL", getTranslation(item.label()), due);
            case "SESSION_FOLLOW_UP" -> getTranslation("case.openItem.SESSION_FOLLOW_UP", item.label(), due);
            default -> item.label() + (due.isEmpty() ? "" : " · " + due);
        };
    }

    /** Confirms a status change; asks for the outcome when closing and a reason when reopening. */
    class StatusDialog extends Dialog {
        StatusDialog(CaseDetails c, CaseStatus target) {
            boolean closing = target == CaseStatus.CLOSED;
            boolean reopening = c.summary().status() == CaseStatus.CLOSED;
            setHeaderTitle(getTranslation(closing ? "case.action.close" : reopening ? "case.action.reopen" : "case.action.to." + target.name()));
            Select<CaseOutcome> outcome = new Select<>();
            outcome.setLabel(getTranslation("case.outcome"));
            outcome.setItems(c.summary().type().outcomes());
            outcome.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
            outcome.setRequiredIndicatorVisible(true);
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
                    reload(c.id());
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("outcome", outcome, "reason", reason), this);
                } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                    close();
                    conflict(c);
                }
            });
            confirm.addThemeVariants(ButtonVariant.PRIMARY);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), confirm);
        }
    }

    private Component transfersPanel(CaseDetails c) {
        Div panel = new Div();
        panel.addClassName("transfers");
        Map<Long, String> partnerCodes = partners.directory().stream()
                .collect(java.util.stream.Collectors.toMap(org.protectioncases.partners.PartnerDto::id, org.protectioncases.partners.PartnerDto::code));
        for (org.protectioncases.cases.TransferDto t : c.transfers()) {
            panel.add(new Paragraph(getTranslation("transfer.line", partnerCodes.getOrDefault(t.fromPartner(), "?"),
                    partnerCodes.getOrDefault(t.toPartner(), "?"), TIME.format(t.requestedAt()), getTranslation("transfer.status." + t.status()))));
        }
        return panel;
    }

    /** Asks another partner to take the case over; the person's consent to transfer is required. */
    class TransferDialog extends Dialog {
        TransferDialog(CaseDetails c) {
            setHeaderTitle(getTranslation("transfer.request"));
            Select<org.protectioncases.partners.PartnerDto> to = new Select<>();
            to.setLabel(getTranslation("transfer.to"));
            to.setItems(partners.directory().stream().filter(p -> p.id() != c.summary().owningPartner()
                    && p.type() != org.protectioncases.partners.PartnerType.UNHCR).toList());
            to.setItemLabelGenerator(p -> p.code() + " – " + p.name());
            TextArea reason = new TextArea(getTranslation("referral.reason"));
            reason.setRequiredIndicatorVisible(true);
            reason.setMaxLength(CaseTransferService.TRANSFER_REASON_MAX);
            Span consent = new Span();
            consent.addClassName("field-error");
            add(new FormLayout(to, reason), consent);
            Button send = new Button(getTranslation("transfer.send"), e -> {
                consent.setText("");
                try {
                    transfers.requestTransfer(c.id(), c.version(), to.getValue() == null ? null : to.getValue().id(), reason.getValue());
                    Notifications.success(getTranslation("transfer.requested"));
                    close();
                    reload(c.id());
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("toPartner", to, "reason", reason), this);
                    String key = ex.fieldErrors().get("consent");
                    if (key != null) {
                        consent.setText(getTranslation(key));
                        // Record the missing consent here, then send again with what was typed.
                        org.protectioncases.people.ui.shared.ConsentCapture.offer(c.summary().personId(),
                                org.protectioncases.people.ConsentScope.TRANSFER, () -> e.getSource().click());
                    }
                }
            });
            send.addThemeVariants(ButtonVariant.PRIMARY);
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), send);
        }
    }

    /** Who else the case concerns, and the owning partner's confidential note. */
    private Component membersAndNote(CaseDetails c) {
        Div box = new Div();
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        c.members().forEach(m -> list.add(new com.vaadin.flow.component.html.ListItem(new Anchor("people/" + m.personId(), PersonLabels.shown(m.label())))));
        box.add(new com.vaadin.flow.component.html.H3(getTranslation("case.members")));
        if (c.members().isEmpty()) {
            box.add(new Paragraph(getTranslation("case.members.none")));
        } else {
            box.add(list);
        }
        if (c.workable()) {
            TextField number = new TextField(getTranslation("household.memberRegistrationNo"));
            number.setMaxLength(TextRules.REGISTRATION_NO);
            Button add = new Button(getTranslation("case.members.add"), e -> {
                try {
                    workflow.addMember(c.id(), c.version(), number.getValue());
                    reload(c.id());
                } catch (FieldValidationException ex) {
                    FormErrors.show(ex, Map.of("memberRegistrationNo", number), this);
                }
            });
            FlexLayout form = new FlexLayout(number, add);
            form.addClassName("filters");
            box.add(form);
        }
        if (c.workable() || c.confidentialNote() != null) {
            TextArea note = new TextArea(getTranslation("case.confidentialNote"));
            note.setHelperText(getTranslation("case.confidentialNote.help"));
            note.setValue(c.confidentialNote() == null ? "" : c.confidentialNote());
            note.setMaxLength(CaseWorkflowService.CONFIDENTIAL_NOTE_MAX);
            note.setWidthFull();
            note.setReadOnly(!c.workable());
            box.add(note);
            if (c.workable()) {
                Button save = new Button(getTranslation("common.save"), e -> {
                    try {
                        workflow.updateConfidentialNote(c.id(), c.version(), note.getValue());
                        Notifications.success(getTranslation("case.saved"));
                        reload(c.id());
                    } catch (FieldValidationException ex) {
                        FormErrors.show(ex, Map.of("confidentialNote", note), this);
                    }
                });
                box.add(save);
            }
        }
        return box;
    }

    private Component summary(CaseDetails c) {
        var s = c.summary();
        Div facts = new Div();
        facts.addClassName("facts");
        fact(facts, "case.openedOn", s.openedOn().format(DATE));
        boolean assigns = c.workable() && access.may(Permission.COORDINATE_CASES);
        // Each fact once: as text when read-only, as a field when editable (assignee, priority, next action).
        if (!assigns) {
            fact(facts, "case.assignedTo", org.protectioncases.shared.ui.Staff.name(s.assignedTo()));
        }
        if (!c.workable()) {
            fact(facts, "case.priority", getTranslation(s.priority().messageKey()));
        }
        if (s.closedOn() != null) {
            fact(facts, "case.closedOn", s.closedOn().format(DATE));
        }
        if (!c.workable()) {
            CaseUpdate f = c.fields();
            fact(facts, "case.nextAction", f.nextActionDate() == null ? null : f.nextActionDate().format(DATE));
            fact(facts, "case.summary", f.summary());
            if (s.type() == CaseType.CIVIL_DOCUMENTATION) {
                fact(facts, "case.documentSought", f.documentSought() == null ? null : getTranslation(f.documentSought().messageKey()));
                fact(facts, "case.authority", f.authority());
                fact(facts, "case.submittedOn", f.submittedOn() == null ? null : f.submittedOn().format(DATE));
                fact(facts, "case.obtainedOn", f.obtainedOn() == null ? null : f.obtainedOn().format(DATE));
            }
            Component typed = TypeDetailsSection.of(c, workflow, clock, () -> reload(c.id()));
            Div readOnly = typed == null ? new Div(facts) : new Div(facts, typed);
            if (!c.formerOwnerView()) {
                readOnly.add(membersAndNote(c));
            }
            return readOnly;
        }
        Component typed = TypeDetailsSection.of(c, workflow, clock, () -> reload(c.id()));
        Div tab = typed == null ? new Div(facts, editForm(c)) : new Div(facts, editForm(c), typed);
        if (assigns) {
            tab.addComponentAsFirst(assignForm(c));
        }
        tab.add(membersAndNote(c));
        return tab;
    }

    /** Coordinators (re)assign the case to a lawyer or coordinator of their partner. */
    private Component assignForm(CaseDetails c) {
        ComboBox<org.protectioncases.security.UserAccountDto> who = new ComboBox<>(getTranslation("case.assignedTo"));
        var staff = accounts.caseworkers();
        who.setItems(staff);
        who.setItemLabelGenerator(org.protectioncases.security.UserAccountDto::fullName);
        staff.stream().filter(u -> u.username().equals(c.summary().assignedTo())).findFirst().ifPresent(who::setValue);
        Button assign = new Button(getTranslation("case.assign"), e -> {
            if (who.getValue() == null) {
                return;
            }
            try {
                caseload.assign(c.id(), c.version(), who.getValue().username());
                Notifications.success(getTranslation("case.saved"));
                reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("assignTo", who), this);
            }
        });
        FlexLayout form = new FlexLayout(who, assign);
        form.addClassName("filters");
        return form;
    }

    private Component editForm(CaseDetails c) {
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
        submitted.setMax(LocalDate.now());
        DatePicker obtained = DateFields.date(getTranslation("case.obtainedOn"), f.obtainedOn());
        obtained.setMax(LocalDate.now());
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
                reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, fields, this);
            } catch (org.springframework.dao.OptimisticLockingFailureException ex) {
                conflict(c);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        return new Div(form, save);
    }

    private void fact(Div list, String key, @Nullable String value) {
        Div row = new Div(new Span(getTranslation(key)), new Span(value == null || value.isBlank() ? "–" : value));
        row.addClassName("fact");
        list.add(row);
    }

    private Component referrals(CaseDetails c) {
        Grid<ReferralDto> grid = new Grid<>();
        grid.addColumn(r -> getTranslation(r.target().messageKey())).setHeader(getTranslation("referral.target")).setAutoWidth(true);
        grid.addColumn(r -> r.referredOn().format(DATE)).setHeader(getTranslation("referral.date")).setAutoWidth(true);
        grid.addColumn(ReferralDto::reason).setHeader(getTranslation("referral.reason")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("referral.status")).setAutoWidth(true);
        grid.addColumn(r -> r.responseOn() == null ? "" : r.responseOn().format(DATE)).setHeader(getTranslation("referral.responseOn")).setAutoWidth(true);
        if (c.editable()) {
            // A referral kept waiting when the case was closed can still get its answer.
            grid.addComponentColumn(r -> {
                if (r.status() != ReferralStatus.SENT && c.summary().status() == CaseStatus.CLOSED) {
                    return new Span();
                }
                Button answer = new Button(getTranslation("referral.recordAnswer"), e -> new org.protectioncases.cases.ui.shared.ReferralAnswerDialog(r,
                        (status, on) -> referrals.respond(r.id(), r.version(), status, on), () -> reload(c.id())).open());
                answer.addThemeVariants(ButtonVariant.TERTIARY);
                return answer;
            }).setAutoWidth(true);
        }
        grid.setItems(c.referrals());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("case.tab.referrals"));
        org.protectioncases.shared.ui.EmptyState.on(grid, getTranslation("case.referrals.none"));
        Div tab = new Div(grid);
        if (c.workable()) {
            tab.add(referralForm(c));
        }
        return tab;
    }

    private Component referralForm(CaseDetails c) {
        ComboBox<ReferralTarget> target = new ComboBox<>(getTranslation("referral.target"));
        target.setItems(ReferralTarget.values());
        target.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        target.setRequiredIndicatorVisible(true);
        DatePicker date = DateFields.date(getTranslation("referral.date"), LocalDate.now());
        date.setMax(LocalDate.now());
        TextField reason = new TextField(getTranslation("referral.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(ReferralService.REFERRAL_REASON_MAX);
        Span consent = new Span();
        consent.addClassName("field-error");
        Button refer = new Button(getTranslation("referral.send"), e -> {
            consent.setText("");
            if (target.isEmpty()) {
                FormErrors.show(new FieldValidationException("target", "validation.required"), Map.of("target", target), this);
                return;
            }
            try {
                referrals.refer(c.id(), c.version(), target.getValue(), date.getValue(), reason.getValue());
                Notifications.success(getTranslation("referral.sent"));
                reload(c.id());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("referredOn", date, "reason", reason, "target", target), this);
                String key = ex.fieldErrors().get("consent");
                if (key != null) {
                    consent.setText(getTranslation(key));
                    // Record the missing consent here, then refer again with what was typed.
                    org.protectioncases.people.ui.shared.ConsentCapture.offer(c.summary().personId(),
                            org.protectioncases.people.ConsentScope.REFERRAL, () -> e.getSource().click());
                }
            }
        });
        refer.addThemeVariants(ButtonVariant.PRIMARY);
        FlexLayout form = new FlexLayout(target, date, reason, refer);
        form.addClassName("filters");
        return new Div(form, consent);
    }


    private Component timeline(CaseDetails c) {
        Grid<StatusChangeDto> grid = new Grid<>();
        grid.addColumn(t -> TIME.format(t.at())).setHeader(getTranslation("access.when")).setAutoWidth(true);
        grid.addColumn(t -> (t.from() == null ? "" : getTranslation(t.from().messageKey()) + " → ") + getTranslation(t.to().messageKey()))
                .setHeader(getTranslation("case.status")).setAutoWidth(true);
        grid.addColumn(t -> t.reason() == null ? "" : t.reason()).setHeader(getTranslation("case.statusNote")).setFlexGrow(1);
        grid.addColumn(t -> org.protectioncases.shared.ui.Staff.name(t.changedBy())).setHeader(getTranslation("access.who")).setAutoWidth(true);
        grid.setItems(c.timeline());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("case.tab.timeline"));
        org.protectioncases.shared.ui.EmptyState.on(grid, getTranslation("case.timeline.none"));
        return grid;
    }

    private Component history(CaseDetails c) {
        return org.protectioncases.audit.ui.AuditGrids.history(cases.history(c.id()), getTranslation("case.tab.history"));
    }

    private Component accessLog(CaseDetails c) {
        return org.protectioncases.audit.ui.AuditGrids.accessLog(cases.accessLog(c.id()), getTranslation("case.tab.access"));
    }

    @Override
    public String getPageTitle() {
        return (current == null ? getTranslation("nav.cases") : current.summary().caseNo()) + " | " + getTranslation("app.name");
    }
}
