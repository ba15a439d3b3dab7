package org.protectioncases.cases;

import java.util.List;

/**
 * Lets modules that record work on cases (counselling sessions) report what is still open on a
 * case and cancel it when the case is closed, without the cases module depending on them. Beans,
 * called inside the cases services' secured transactions after the case's own checks.
 */
public interface CaseOpenItems {

    /** The open items of the case this source holds. */
    List<OpenItem> openItems(long caseId);

    /** Cancels (or marks done) one of this source's items on the case; {@code by} is the username. */
    void cancel(long caseId, OpenItem item, String by);
}
