package org.protectioncases.counselling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionDraft;
import org.protectioncases.counselling.SessionDraftService;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Notifications;
import org.protectioncases.shared.ui.PersonLabels;
import org.springframework.data.domain.PageRequest;

/**
 * "Log session" from a person ({@code sessions/new?person=ID}): pick one of the person's open
 * cases, or open a case first; sessions always belong to a case.
 */
@Route("sessions/new")
@RolesAllowed({Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER})
public class LogSessionView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CounsellingService service;
    private final SessionDraftService drafts;
    private final CaseService cases;

    private final Clock clock;

    public LogSessionView(CounsellingService service, SessionDraftService drafts, CaseService cases, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.drafts = drafts;
        this.cases = cases;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H2(getTranslation("session.log")));
        showDrafts();
        Long personId = event.getLocation().getQueryParameters().getSingleParameter("person").map(p -> {
            try {
                return Long.parseLong(p);
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        // Without a person: the user's own open cases (a lawyer's usual starting point).
        CaseFilter filter = new CaseFilter(personId == null, null, null, null, false, personId);
        List<CaseSummary> open = cases.list(filter, PageRequest.of(0, 50)).stream()
                .filter(c -> c.status() != CaseStatus.CLOSED && service.canLog(c.id())).toList();
        if (personId == null) {
            add(new Paragraph(getTranslation(open.isEmpty() ? "session.fromPerson.noPerson" : "session.fromPerson.mine")));
        } else if (open.isEmpty()) {
            add(new Paragraph(getTranslation("session.fromPerson.noCase")));
            add(new Anchor("cases/new?person=" + personId, getTranslation("session.fromPerson.openCase")));
            return;
        }
        if (personId != null) {
            add(new Paragraph(getTranslation("session.fromPerson.choose")));
        }
        for (CaseSummary c : open) {
            Button pick = new Button(c.caseNo() + " · " + getTranslation(c.type().messageKey()) + " · " + PersonLabels.shown(c.personLabel()), e ->
                    new SessionDialog(service, drafts, c.id(), c.type(), null, service.forCase(c.id()).stream().findFirst().orElse(null), clock,
                            saved -> getUI().ifPresent(ui -> ui.navigate("cases/" + c.id()))).open());
            add(new Paragraph(pick));
        }
        if (personId != null) {
            add(new Anchor("cases/new?person=" + personId, getTranslation("session.fromPerson.openCase")));
        }
    }

    /** Sessions this user began and did not save (issue #14): each opens the dialog with what was typed. */
    private void showDrafts() {
        List<SessionDraft> mine = drafts.mine();
        if (mine.isEmpty()) {
            return;
        }
        Section section = new Section();
        section.addClassName("session-drafts");
        section.add(new H3(getTranslation("session.drafts.title")));
        for (SessionDraft d : mine) {
            Button resume = new Button(getTranslation("session.drafts.item", d.caseNo(),
                    Formats.MOMENT.format(d.updatedAt())), e -> {
                CaseSummary c = cases.summary(d.caseId()).orElse(null);
                if (c != null && service.canLog(c.id())) {
                    new SessionDialog(service, drafts, c.id(), c.type(), null, service.forCase(c.id()).stream().findFirst().orElse(null), clock,
                            saved -> getUI().ifPresent(ui -> ui.navigate("cases/" + c.id()))).open();
                } else {
                    // The case was closed or handed over meanwhile: the draft can no longer become a session.
                    Notifications.error(getTranslation("session.drafts.gone", d.caseNo()));
                }
            });
            section.add(new Paragraph(resume));
        }
        add(section);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("session.log") + " | " + getTranslation("app.name");
    }
}
