package org.protectioncases.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something still open on a case: a referral without an answer, a session follow-up not done. Shown
 * when the case is closed, where each is cancelled or kept explicitly.
 *
 * @param kind     what it is; also the message key suffix {@code case.openItem.<kind>}
 * @param id       the record's id within its kind
 * @param label    what to show (no confidential text)
 * @param due      the date it is due, if any
 * @param followUp true for follow-ups the case's next action stands for (marked done with it)
 */
public record OpenItem(String kind, long id, String label, @Nullable LocalDate due, boolean followUp) {

    /** The item's key in {@link CaseWorkflowService#close}'s cancel and keep sets. */
    public String key() {
        return kind + ":" + id;
    }
}
