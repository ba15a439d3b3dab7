package org.protectioncases.counselling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.attachments.ui.AttachmentsPanel;
import org.protectioncases.audit.ui.AuditGrids;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionDto;
import org.protectioncases.security.Access;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.ui.RecordPage;

/** One session: what was recorded, its case, edit for its counsellor, history and who opened it. */
@Route("sessions/:id([0-9]+)")
@RolesAllowed({Roles.UNHCR_MANAGER, Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
public class SessionView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CounsellingService service;
    private final Access access;
    private final AttachmentService attachments;
    private @Nullable SessionDto current;

    private final Clock clock;

    public SessionView(CounsellingService service, Access access, AttachmentService attachments, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.attachments = attachments;
        this.access = access;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        current = event.getRouteParameters().getLong("id").flatMap(service::get).orElse(null);
        render();
    }

    private void render() {
        removeAll();
        SessionDto s = current;
        if (s == null) {
            RecordPage.notFound(this, "session");
            return;
        }
        add(new H2(getTranslation("session.title", s.heldAt().format(SessionDialog.DATE_TIME))));
        add(new Paragraph(new Anchor("cases/" + s.caseId(), getTranslation("session.ofCase", s.caseNo()))));
        if (!s.attendees().isEmpty()) {
            Paragraph who = new Paragraph(getTranslation("session.attendees") + ": ");
            s.attendees().forEach(a -> who.add(new Anchor("people/" + a.personId(), PersonLabels.shown(a.label())), new Span(" ")));
            add(who);
        }
        SessionTimeline.describe(this, s);
        FlexLayout actions = new FlexLayout();
        actions.addClassName("filters");
        if (s.editable()) {
            actions.add(new Button(getTranslation("common.edit"), e -> new SessionDialog(service, null, s.caseId(), null, s, null, clock, saved -> {
                current = saved;
                render();
            }).open()));
            if (s.form().followUpOn() != null && !s.followUpDone()) {
                actions.add(new Button(getTranslation("followups.markDone"), e -> {
                    service.markFollowUpDone(s.id());
                    Notifications.success(getTranslation("followups.marked"));
                    current = service.get(s.id()).orElse(null);
                    render();
                }));
            }
        }
        add(actions);
        add(new AttachmentsPanel(attachments, "SESSION", s.id()));
        add(new H3(getTranslation("case.tab.history")));
        add(AuditGrids.history(service.history(s.id()), getTranslation("case.tab.history")));
        if (access.may(Permission.READ_ACCESS_LOG)) {
            add(new H3(getTranslation("case.tab.access")));
            add(AuditGrids.accessLog(service.accessLog(s.id()), getTranslation("case.tab.access")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sessions") + " | " + getTranslation("app.name");
    }
}
