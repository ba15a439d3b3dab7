package org.protectioncases.counselling.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CasePageSection;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionDraftService;
import org.springframework.stereotype.Component;

/** The "Sessions" tab and the "Log session" button (Alt+L) of the case page. */
@Component
class CaseSessionsSection implements CasePageSection {

    private final CounsellingService service;
    private final SessionDraftService drafts;

    private final Clock clock;

    CaseSessionsSection(CounsellingService service, SessionDraftService drafts, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.drafts = drafts;
    }

    @Override
    public @Nullable Contribution create(CaseSummary c, boolean formerOwnerView) {
        UI ui = UI.getCurrent();
        SessionTimeline timeline = new SessionTimeline(service, drafts, c.id(), c.type(), clock);
        Button log = null;
        if (!formerOwnerView && service.canLog(c.id())) {
            log = new Button(ui.getTranslation("session.log"), e -> timeline.openLogDialog());
            log.addThemeVariants(ButtonVariant.PRIMARY);
            log.addClickShortcut(Key.KEY_L, KeyModifier.ALT);
            log.setTooltipText(ui.getTranslation("session.log.shortcut"));
            log.setId("log-session");
        }
        return new Contribution(ui.getTranslation("session.tab"), 1, timeline, log);
    }
}
