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
 * @param search  words of the person's name (diacritics and Cyrillic tolerated, any order), or part
 *                of the registration or case number
 */
public record CaseFilter(boolean mine, @Nullable CaseType type, @Nullable CaseStatus status, @Size(max = TextRules.USERNAME) @SingleLine @Nullable String assignedTo,
                         boolean overdue, @Nullable Long personId,
                         @Size(max = TextRules.NAME_SEARCH) @SingleLine @Nullable String search) {

    public CaseFilter(boolean mine, @Nullable CaseType type, @Nullable CaseStatus status, @Nullable String assignedTo,
                      boolean overdue, @Nullable Long personId) {
        this(mine, type, status, assignedTo, overdue, personId, null);
    }

    public static CaseFilter all() {
        return new CaseFilter(false, null, null, null, false, null);
    }
}
