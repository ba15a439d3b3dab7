package org.protectioncases.cases.ui;

import org.protectioncases.cases.CaseDetails;

/** What the case page's tabs and dialogs ask of the page after a save. */
interface CasePage {

    /** Shows the case as it is now (after a save, or when a dialog is done). */
    void reload(long caseId);

    /** Someone saved the case after the page was opened: say who and when, and show it as it is now. */
    void conflict(CaseDetails c);
}
