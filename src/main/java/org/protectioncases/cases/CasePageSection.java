package org.protectioncases.cases;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;

/**
 * Lets modules that record work on cases (counselling sessions) add a tab and an action to the
 * case page without the cases module depending on them. Implementations are Spring beans.
 */
public interface CasePageSection {

    /** What to add for this user and case, or null for nothing; called each time the page renders. */
    @Nullable Contribution create(CaseSummary c, boolean formerOwnerView);

    /**
     * @param title        the tab title (already translated)
     * @param position     where the tab goes among the case page's tabs (0 = first)
     * @param content      the tab content
     * @param headerAction a button for the case page's head (e.g. "Log session"), or null
     */
    record Contribution(String title, int position, Component content, @Nullable Component headerAction) {
    }

    /**
     * Tells the case page that a section changed the case (a session's follow-up became its next
     * action), so it shows the case as it is now.
     */
    static void caseChanged(long caseId) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new CaseChanged(ui, caseId));
        }
    }

    /** Fired on the UI by {@link #caseChanged}. */
    final class CaseChanged extends ComponentEvent<UI> {
        private final long caseId;

        public CaseChanged(UI ui, long caseId) {
            super(ui, false);
            this.caseId = caseId;
        }

        public long caseId() {
            return caseId;
        }
    }
}
