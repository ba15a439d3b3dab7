package org.protectioncases.legal.ui;

import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CasePageSection;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.CasePartyService;
import org.protectioncases.legal.ConflictService;
import org.protectioncases.legal.TimeEntryService;
import org.protectioncases.security.Access;
import org.protectioncases.shared.Permission;
import org.springframework.stereotype.Component;

/** The case page's "Legal" tab: parties and conflict checks, hearings, served decisions and deadlines. */
@Component
class CaseLegalSection implements CasePageSection {

    private final CasePartyService parties;
    private final ConflictService conflicts;
    private final CaseEventService events;
    private final TimeEntryService time;
    private final Access access;

    CaseLegalSection(CasePartyService parties, ConflictService conflicts, CaseEventService events, TimeEntryService time, Access access) {
        this.time = time;
        this.parties = parties;
        this.conflicts = conflicts;
        this.events = events;
        this.access = access;
    }

    @Override
    public @Nullable Contribution create(CaseSummary c, boolean formerOwnerView) {
        if (formerOwnerView) {
            return null;
        }
        UI ui = UI.getCurrent();
        LegalPanel panel = new LegalPanel(c, parties, conflicts, events, time, access.may(Permission.CLEAR_CONFLICTS));
        return new Contribution(ui.getTranslation("legal.tab"), 2, panel, null);
    }
}
