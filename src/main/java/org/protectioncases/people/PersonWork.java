package org.protectioncases.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One record another module keeps about a person (a case), as the person page lists it. The texts
 * are message keys, so the page shows them in the reader's language; {@code href} is the record's
 * page (people links to other modules by URL only).
 *
 * @param reference  the record's number as users quote it (e.g. {@code CRPK-2026-000123})
 * @param titleKey   what it is (e.g. the case type's key)
 * @param statusKey  where it stands (e.g. the case status's key)
 * @param open       still being worked on (closed ones are listed after the open ones)
 * @param nextAction the next date someone must act, if any
 * @param assignedTo who works on it, as the module names them
 */
public record PersonWork(String reference, String titleKey, String statusKey, boolean open, @Nullable LocalDate nextAction,
                         String assignedTo, String href) {

    /** The next action's date has passed on an open record. */
    public boolean overdue(LocalDate today) {
        return open && nextAction != null && nextAction.isBefore(today);
    }
}
