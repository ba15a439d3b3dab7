package org.protectioncases.cases.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClickNotifier;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.attachments.ui.AttachmentsPanel;
import org.protectioncases.audit.ui.AuditGrids;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePageSection;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseTransferService;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.CaseloadService;
import org.protectioncases.cases.ReferralService;
import org.protectioncases.cases.StatusChangeDto;
import org.protectioncases.cases.TransferDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.security.Access;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.EmptyState;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.ui.Staff;

/**
 * The case page: summary and fields, status actions along the workflow, referrals, timeline,
 * history and (for managers and coordinators) who opened it. Opening it is logged; another
 * partner's case is "not found". Its tabs and dialogs are classes of their own in this package
 * ({@link SummaryTab}, {@link ReferralsTab}, {@link StatusDialog}, {@link ClosingDialog},
 * {@link TransferDialog}); they call back through {@link CasePage}.
 */
@Route("cases/:id")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class CaseView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.MOMENT;

    private final CaseService cases;
    private final CaseWorkflowService workflow;
    private final ReferralService referrals;
    private final CaseTransferService transfers;
    private final Access access;
    private final PartnerService partners;
    private final List<CasePageSection> sections;
    private final AttachmentService attachments;
    private final Clock clock;
    private final SummaryTab.Services summaryServices;
    private final CasePage page = new CasePage() {
        @Override
        public void reload(long caseId) {
            CaseView.this.reload(caseId);
        }

        @Override
        public void conflict(CaseDetails c) {
            CaseView.this.conflict(c);
        }
    };
    private @Nullable CaseDetails current;
    private @Nullable TabSheet tabs;
    private @Nullable Registration caseChanged;

    public CaseView(CaseService cases, CaseWorkflowService workflow, CaseloadService caseload, ReferralService referrals,
                    CaseTransferService transfers, Access access, PartnerService partners, UserAccountService accounts,
                    List<CasePageSection> sections, AttachmentService attachments, Clock clock) {
        this.cases = cases;
        this.workflow = workflow;
        this.referrals = referrals;
        this.transfers = transfers;
        this.access = access;
        this.partners = partners;
        this.sections = sections;
        this.attachments = attachments;
        this.clock = clock;
        this.summaryServices = new SummaryTab.Services(access, workflow, caseload, accounts);
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
                : getTranslation("case.conflict", Staff.name(last.actor()), TIME.format(last.at())));
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
        tabs.add(getTranslation("case.tab.summary"), new SummaryTab(c, summaryServices, clock, page));
        tabs.add(getTranslation("case.tab.referrals"), new ReferralsTab(c, referrals, clock, page));
        tabs.add(getTranslation("case.tab.timeline"), timeline(c));
        tabs.add(getTranslation("case.tab.history"), history(c));
        if (!c.formerOwnerView()) {
            tabs.add(getTranslation("attachment.title"), new AttachmentsPanel(attachments, "CASE", c.id()));
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
                var tab = tabs.add(new Tab(contribution.title()), contribution.content(),
                        Math.min(contribution.position(), tabs.getTabCount()));
                if (contribution.headerAction() != null && !closed) {
                    // The action's results show in its tab (e.g. the session just logged).
                    if (contribution.headerAction() instanceof ClickNotifier<?> clickable) {
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
            add(TransferDialog.history(c, partners));
        }
        add(tabs);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        caseChanged = ComponentUtil.addListener(event.getUI(),
                CasePageSection.CaseChanged.class, e -> {
                    if (current != null && current.id() == e.caseId()) {
                        reload(e.caseId());
                    }
                });
    }

    @Override
    protected void onDetach(DetachEvent event) {
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
            Button reopen = new Button(getTranslation("case.action.reopen"), e -> new StatusDialog(c, CaseStatus.IN_PROGRESS, workflow, page).open());
            reopen.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(reopen);
            return;
        }
        boolean primary = !primaryTaken;
        for (CaseStatus target : now.next().stream().filter(t -> t != CaseStatus.CLOSED).sorted().toList()) {
            Button b = new Button(getTranslation("case.action.to." + target.name()), e -> new StatusDialog(c, target, workflow, page).open());
            if (primary) {
                b.addThemeVariants(ButtonVariant.PRIMARY);
                primary = false;
            }
            actions.add(b);
        }
        MenuBar more = new MenuBar();
        more.addClassName("case-more");
        var root = more.addItem(getTranslation("case.action.more"));
        var sub = root.getSubMenu();
        if (now.canMoveTo(CaseStatus.CLOSED)) {
            sub.addItem(getTranslation("case.action.close"), e -> new ClosingDialog(c, workflow, page).open());
        }
        if (c.transfers().stream().noneMatch(TransferDto::pending)) {
            sub.addItem(getTranslation("transfer.request"), e -> new TransferDialog(c, transfers, partners, page).open());
        }
        actions.add(more);
    }

    private Component timeline(CaseDetails c) {
        Grid<StatusChangeDto> grid = new Grid<>();
        grid.addColumn(t -> TIME.format(t.at())).setHeader(getTranslation("access.when")).setAutoWidth(true);
        grid.addColumn(t -> (t.from() == null ? "" : getTranslation(t.from().messageKey()) + " → ") + getTranslation(t.to().messageKey()))
                .setHeader(getTranslation("case.status")).setAutoWidth(true);
        grid.addColumn(t -> t.reason() == null ? "" : t.reason()).setHeader(getTranslation("case.statusNote")).setFlexGrow(1);
        grid.addColumn(t -> Staff.name(t.changedBy())).setHeader(getTranslation("access.who")).setAutoWidth(true);
        grid.setItems(c.timeline());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("case.tab.timeline"));
        EmptyState.on(grid, getTranslation("case.timeline.none"));
        return grid;
    }

    private Component history(CaseDetails c) {
        return AuditGrids.history(cases.history(c.id()), getTranslation("case.tab.history"));
    }

    private Component accessLog(CaseDetails c) {
        return AuditGrids.accessLog(cases.accessLog(c.id()), getTranslation("case.tab.access"));
    }

    @Override
    public String getPageTitle() {
        return (current == null ? getTranslation("nav.cases") : current.summary().caseNo()) + " | " + getTranslation("app.name");
    }
}
