package org.protectioncases.cases;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.validation.SingleLine;
import org.protectioncases.shared.validation.TextRules;

/**
 * Filters of the case list; null means "any".
 *
 * @param mine only cases assigned to the signed-in user
 * @param overdue only open cases whose next action date has passed
 */
public record CaseFilter(boolean mine, @Nullable CaseType type, @Nullable CaseStatus status, @Size(max = TextRules.USERNAME) @SingleLine @Nullable String assignedTo,
                         boolean overdue, @Nullable Long personId) {

    public static CaseFilter all() {
        return new CaseFilter(false, null, null, null, false, null);
    }
}
